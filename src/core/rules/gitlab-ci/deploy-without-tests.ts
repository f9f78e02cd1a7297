import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isSeq, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { flatSeq, hasReference, jobAttr, jobKeyRange, jobStage, pipelines, stageOrder } from './model';
import type { GitlabJob, Pipeline } from './model';
import { deployReason, isPagesJob, isTestJob } from './classify';

/** Why a deploy job is not gated by tests. */
export type Gap = 'needs-empty' | 'needs-no-test' | 'no-earlier-test' | 'no-test';

/** The message for a deploy job that does not wait for tests. */
export function message(job: string, reason: string, gap: Gap): string {
  const why: Record<Gap, string> = {
    'needs-empty': "its 'needs: []' starts it at once, before any test",
    'needs-no-test': "its 'needs:' lists no test job (directly or through other needs)",
    'no-earlier-test': 'no test job runs in an earlier stage',
    'no-test': 'the pipeline has no test job',
  };
  return `Job '${job}' ${reason} but does not wait for tests: ${why[gap]}; make it need the test jobs or put it in a stage after them`;
}

/** Job names a job needs; undefined when some need is outside this file (another project/pipeline). */
function needNames(pipeline: Pipeline, value: unknown): string[] | undefined {
  const names: string[] = [];
  for (const item of flatSeq(value, pipeline.doc)) {
    const name = str(item) ?? str(mergedEntry(item, 'job', pipeline.doc)?.value);
    if (isMap(item) && (mergedEntry(item, 'pipeline', pipeline.doc) || mergedEntry(item, 'project', pipeline.doc))) {
      return undefined;
    }
    if (name === undefined) {
      return undefined;
    }
    names.push(name);
  }
  return names;
}

/** Whether the needs graph from `job` reaches a test job; undefined when it leaves the file. */
function needsReachTest(pipeline: Pipeline, job: GitlabJob, isTest: (j: GitlabJob) => boolean, seen = new Set<string>()): boolean | undefined {
  const attr = jobAttr(pipeline, job, 'needs');
  if (attr === 'unknown') {
    return undefined;
  }
  if (attr === undefined) {
    // a job without needs waits for every job of earlier stages
    const order = stageOrder(pipeline);
    const stage = jobStage(pipeline, job);
    const at = stage === undefined ? -1 : order.indexOf(stage);
    return at < 0 ? undefined : pipeline.jobs.some((j) => !j.hidden && isTest(j) && order.indexOf(jobStage(pipeline, j) ?? '') >= 0 && order.indexOf(jobStage(pipeline, j) ?? '') < at);
  }
  const names = hasReference(attr.entry.value, pipeline.doc) ? undefined : needNames(pipeline, attr.entry.value);
  if (names === undefined) {
    return undefined;
  }
  let unknown = false;
  for (const name of names) {
    if (seen.has(name)) {
      continue;
    }
    seen.add(name);
    const target = pipeline.jobs.find((j) => j.name === name && !j.hidden);
    if (!target) {
      unknown = true;
      continue;
    }
    if (isTest(target)) {
      return true;
    }
    const deeper = needsReachTest(pipeline, target, isTest, seen);
    if (deeper === true) {
      return true;
    }
    unknown = unknown || deeper === undefined;
  }
  return unknown ? undefined : false;
}

/**
 * A deploy job must run after tests: through `needs:` (directly or transitively) or, without
 * `needs:`, by being in a later stage than some test job. Pipelines whose tests may come from
 * `include:` are judged only when the file has test jobs of its own.
 */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-without-tests',
  meta: {
    title: 'Deploy job does not wait for tests',
    description: 'A job that deploys (kubectl/helm/terraform apply, docker push, a production environment…) and does not depend on a test job can ship a broken build.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const testCache = new Map<string, boolean>();
      const isTest = (j: GitlabJob): boolean => {
        let v = testCache.get(j.name);
        if (v === undefined) {
          v = isTestJob(pipeline, j);
          testCache.set(j.name, v);
        }
        return v;
      };
      const anyTest = pipeline.jobs.some((j) => !j.hidden && isTest(j));
      for (const job of pipeline.jobs) {
        if (job.hidden) {
          continue;
        }
        const reason = deployReason(pipeline, job);
        if (!reason) {
          continue;
        }
        const pages = isPagesJob(pipeline, job) ? { severity: 'info' as const } : {};
        const needs = jobAttr(pipeline, job, 'needs');
        if (needs !== 'unknown' && needs !== undefined && isSeq(needs.entry.value) && needs.entry.value.items.length === 0) {
          ctx.report({ range: rangeOf(ctx.model, needs.entry.pair.key), message: message(job.name, reason, 'needs-empty'), ...pages });
          continue;
        }
        if (!anyTest) {
          if (!pipeline.hasInclude && !pipeline.fragment) {
            ctx.report({ range: jobKeyRange(ctx.model, job), message: message(job.name, reason, 'no-test'), ...pages });
          }
          continue;
        }
        const reached = needsReachTest(pipeline, job, isTest);
        if (reached === false) {
          const gap: Gap = needs === undefined ? 'no-earlier-test' : 'needs-no-test';
          const at = needs !== undefined && needs !== 'unknown' ? rangeOf(ctx.model, needs.entry.pair.key) : jobKeyRange(ctx.model, job);
          ctx.report({ range: at, message: message(job.name, reason, gap), ...pages });
        }
      }
    }
  },
};


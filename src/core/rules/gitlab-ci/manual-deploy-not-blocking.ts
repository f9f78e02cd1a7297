import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { deployReason } from './classify';
import { attrValue, flatSeq, jobAttr, jobStage, pipelines, reportOnce, stageOrder } from './model';
import type { GitlabJob, Pipeline } from './model';

/** The message for a manual deploy that later deploys do not wait for. */
export function message(job: string, later: string): string {
  return `Job '${job}' is a manual deploy with when: manual at job level, which GitLab lets fail (allow_failure: true): '${later}' does not wait for anyone to run it and deploys on its own. Add allow_failure: false to make it a gate`;
}

/** The jobs that come after `job`: those that need it, or (without needs) those of later stages. */
function laterJobs(pipeline: Pipeline, job: GitlabJob): GitlabJob[] {
  const order = stageOrder(pipeline);
  const stage = jobStage(pipeline, job);
  return pipeline.jobs.filter((other) => {
    if (other.hidden || other === job) {
      return false;
    }
    const needs = mergedEntry(other.node, 'needs', pipeline.doc);
    if (needs) {
      return flatSeq(needs.value, pipeline.doc).some((n) => (isScalar(n) ? str(n) : str(mergedEntry(n, 'job', pipeline.doc)?.value)) === job.name);
    }
    const otherStage = jobStage(pipeline, other);
    return stage !== undefined && otherStage !== undefined && order.indexOf(stage) >= 0 && order.indexOf(otherStage) > order.indexOf(stage);
  });
}

/** A manual deploy that later deploys follow must block them. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/manual-deploy-not-blocking',
  meta: {
    title: 'Manual deploy that later deploys do not wait for',
    description: 'A job-level `when: manual` job is optional by default (`allow_failure: true`): the pipeline goes on without it. When it deploys (to staging, say) and a later job deploys further (to production), the later deploy runs without the first one ever having run.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      if (pipeline.hasInclude || pipeline.fragment) {
        continue;
      }
      for (const job of pipeline.jobs) {
        const when = jobAttr(pipeline, job, 'when');
        if (job.hidden || when === undefined || when === 'unknown' || str(when.entry.value) !== 'manual' || !deployReason(pipeline, job)) {
          continue;
        }
        if (bool(attrValue(jobAttr(pipeline, job, 'allow_failure'))) === false || jobAttr(pipeline, job, 'allow_failure') === 'unknown') {
          continue;
        }
        const later = laterJobs(pipeline, job).find((j) => deployReason(pipeline, j) !== undefined);
        if (later) {
          report({ range: rangeOf(ctx.model, when.entry.pair.key), message: message(job.name, later.name) });
        }
      }
    }
  },
};

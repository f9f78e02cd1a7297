import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isScalar, rangeOf, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';
import { expandSeq, jobAttr, jobKeyRange, pipelines } from './model';
import type { Pipeline } from './model';
import { deployReason, isPagesJob } from './classify';

/** The message for a deploy job that runs on every branch. */
export function message(job: string, reason: string, hasRules: boolean): string {
  return hasRules
    ? `Deploy job '${job}' ${reason} but none of its rules tests the branch or tag: a pipeline on any branch (or merge request) can deploy; add a rule such as if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`
    : `Deploy job '${job}' ${reason} but has no rules or only: it runs for every branch, so a feature branch can deploy; add rules: - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`;
}

const REF_VARIABLE = /\$\{?(CI_COMMIT_BRANCH|CI_COMMIT_REF_NAME|CI_COMMIT_REF_SLUG|CI_DEFAULT_BRANCH|CI_COMMIT_TAG|CI_COMMIT_REF_PROTECTED|CI_BUILD_REF_NAME|CI_BUILD_TAG)\b/;
/** `$CI_PIPELINE_SOURCE == "schedule"` (or `=~ /schedule/`): only a pipeline schedule, which maintainers set up on a chosen branch, runs it. */
const SCHEDULE_ONLY = /\$\{?CI_PIPELINE_SOURCE\}?\s*(==\s*["']schedule["']|=~\s*\/\^?schedule\$?\/)/;

/**
 * Whether an `if:` condition limits the job to chosen refs: it tests the branch or tag, or every
 * alternative (`||`) requires a scheduled pipeline.
 */
export function conditionRestricts(cond: string): boolean {
  if (REF_VARIABLE.test(cond)) {
    return true;
  }
  if (/[()]/.test(cond)) {
    // grouping: judged as a whole, a required schedule anywhere is taken as a restriction
    return SCHEDULE_ONLY.test(cond);
  }
  return cond.split('||').every((alt) => SCHEDULE_ONLY.test(alt));
}

/**
 * Whether a `rules:` list restricts by branch, tag or schedule: every rule that can run the job
 * does. Rules reached through `!reference` in this file are read; false when one is elsewhere.
 */
export function rulesRestrictRefs(pipeline: Pipeline, rules: unknown): boolean {
  const items = expandSeq(pipeline, rules);
  if (items === undefined || items.length === 0) {
    return false;
  }
  let runs = 0;
  for (const item of items) {
    const when = str(mergedEntry(item, 'when', pipeline.doc)?.value);
    if (when === 'never') {
      continue;
    }
    runs++;
    const cond = str(mergedEntry(item, 'if', pipeline.doc)?.value);
    if (!cond || !conditionRestricts(cond)) {
      return false;
    }
  }
  return runs > 0;
}

/**
 * Deploy jobs should run only for the branches (or tags) that are meant to ship. A job with
 * `only:`/`except:` or with `rules:` (its own or inherited through `extends:`) whose every
 * running rule tests the ref or requires a schedule is fine, as is a pipeline whose
 * `workflow: rules:` already does so.
 */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-without-rules',
  meta: {
    title: 'Deploy job not restricted to branches',
    description: 'A deploy job without `rules:` (or `only:`) that test the branch or tag runs in every pipeline, so any pushed branch can deploy.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      const workflowRules = mergedEntry(mergedEntry(pipeline.root, 'workflow', pipeline.doc)?.value, 'rules', pipeline.doc)?.value;
      if (workflowRules !== undefined && (expandSeq(pipeline, workflowRules) === undefined || rulesRestrictRefs(pipeline, workflowRules))) {
        continue;
      }
      for (const job of pipeline.jobs) {
        if (job.hidden) {
          continue;
        }
        const reason = deployReason(pipeline, job);
        if (!reason) {
          continue;
        }
        const pages = isPagesJob(pipeline, job) ? { severity: 'info' as const } : {};
        const only = jobAttr(pipeline, job, 'only');
        const except = jobAttr(pipeline, job, 'except');
        const rules = jobAttr(pipeline, job, 'rules');
        if (only !== undefined || except !== undefined || rules === 'unknown') {
          continue;
        }
        if (rules === undefined) {
          ctx.report({ range: jobKeyRange(ctx.model, job), message: message(job.name, reason, false), ...pages });
          continue;
        }
        // rules inherited through `extends:` count; a `!reference` to a file not seen cannot be judged
        if (isScalar(rules.entry.value) || expandSeq(pipeline, rules.entry.value) === undefined || rulesRestrictRefs(pipeline, rules.entry.value)) {
          continue;
        }
        ctx.report({ range: rangeOf(ctx.model, rules.entry.pair.key), message: message(job.name, reason, true), ...pages });
      }
    }
  },
};

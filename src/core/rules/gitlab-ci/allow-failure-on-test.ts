import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, rangeOf, str } from '../../parsers/yaml';
import { attrValue, jobAttr, pipelines, reportOnce } from './model';
import type { GitlabJob, Pipeline } from './model';
import { isTestJob } from './classify';

/** The message for a test job allowed to fail. */
export function message(job: string): string {
  return `Test job '${job}' has allow_failure: true: a failing test leaves the pipeline green and later stages (deploys) still run; fix or quarantine the flaky tests, or list the tolerated exit codes with allow_failure: exit_codes`;
}

/** Whether a job runs only when started by hand (`when: manual`), where allow_failure is GitLab's default. */
function isManual(pipeline: Pipeline, job: GitlabJob): boolean {
  return str(attrValue(jobAttr(pipeline, job, 'when'))) === 'manual';
}

/** A job whose name says its result is advice, not a gate (`style-check-advisory`, `lint-optional`). */
const ADVISORY_NAME = /(^|[-_:.\s/])(advisory|optional|experimental|informational|non-?blocking)($|[-_:.\s/])/i;

/** Test jobs must be able to fail the pipeline. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/allow-failure-on-test',
  meta: {
    title: 'Test job allowed to fail',
    description: '`allow_failure: true` on a test or lint job turns its failures into warnings, so broken code passes the pipeline.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: true,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        // a manual job is allowed to fail by default: it never blocks the pipeline anyway
        // and a job named advisory says the allowed failure is its purpose
        if (job.hidden || isManual(pipeline, job) || ADVISORY_NAME.test(job.name) || !isTestJob(pipeline, job)) {
          continue;
        }
        const attr = jobAttr(pipeline, job, 'allow_failure');
        if (attr === undefined || attr === 'unknown' || bool(attr.entry.value) !== true) {
          continue;
        }
        const valueRange = rangeOf(ctx.model, attr.entry.value);
        report({
          range: rangeOf(ctx.model, attr.entry.pair.key),
          message: message(job.name),
          fix: { title: 'Set allow_failure: false', safe: false, edits: [{ range: valueRange, newText: 'false' }] },
        });
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, rangeOf, str } from '../../parsers/yaml';
import { attrValue, jobAttr, jobStage, pipelines, reportOnce } from './model';
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

/**
 * Jobs whose name or stage says their result is advisory (`style-check-advisory`, `optional-…`,
 * `experimental`) or that hand the code to an outside analysis service (Coverity, SonarQube,
 * Codecov), whose outages are not the code's failures: allow_failure there is the intent.
 */
const ADVISORY = /advisory|optional|experimental|informational|non-?blocking|allow(ed)?[-_ ]?(to[-_ ])?fail|coverity|sonar|codecov|codeclimate/i;

/**
 * Checks of style, formatting, documentation and translations: their failure does not mean the
 * code is broken, so letting them fail lets nothing broken through to a deploy.
 */
const STYLE_OR_DOCS = /(^|[-_:.\s/])(style|format|fmt|docs?|documentation|i18n|l10n|spell(ing|check)?|markdown|md|prose|vale|whitespace|codequality|potfiles)($|[-_:.\s/])/i;

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
        if (job.hidden || isManual(pipeline, job) || ADVISORY.test(job.name) || ADVISORY.test(jobStage(pipeline, job) ?? '') || STYLE_OR_DOCS.test(job.name) || !isTestJob(pipeline, job)) {
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

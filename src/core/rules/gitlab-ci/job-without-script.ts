import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { jobAttr, jobKeyRange, pipelines } from './model';

/** The message for a job with nothing to run. */
export function message(job: string): string {
  return `Job '${job}' has no script (nor trigger or run): GitLab rejects the pipeline; add script: or, if this is a template, hide it by naming it '.${job}'`;
}

/** A visible job must run something. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/job-without-script',
  meta: {
    title: 'Job without script',
    description: 'Every job that is not hidden needs a `script:` (or `trigger:`, or `run:`), taken from itself or through `extends:`; otherwise the configuration is invalid.',
    severity: 'error',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        if (job.hidden) {
          continue;
        }
        const attrs = ['script', 'trigger', 'run'].map((k) => jobAttr(pipeline, job, k));
        // a job overriding one from an include reads as 'unknown' here, and is left alone
        if (attrs.every((a) => a === undefined)) {
          ctx.report({ range: jobKeyRange(ctx.model, job), message: message(job.name) });
        }
      }
    }
  },
};

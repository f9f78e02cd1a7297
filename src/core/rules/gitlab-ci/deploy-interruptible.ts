import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, rangeOf } from '../../parsers/yaml';
import { deployReason } from './classify';
import { jobAttr, pipelines, reportOnce } from './model';

/** The message for a deploy a newer pipeline may cancel. */
export function message(job: string, reason: string): string {
  return `Job '${job}' ${reason} and is marked interruptible: a newer pipeline on the branch cancels it mid-deploy (half-applied migrations, a partial rollout, a held Terraform lock). Set interruptible: false on deploy jobs`;
}

/**
 * Deploy jobs must not be marked interruptible. Only a value set on the job or its `extends:`
 * templates is reported: `default: interruptible: true` for the whole pipeline is the documented
 * way to cancel redundant builds, and once a non-interruptible job has started GitLab no longer
 * cancels the pipeline.
 */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-interruptible',
  meta: {
    title: 'Deploy job marked interruptible',
    description: '`interruptible: true` lets GitLab cancel the job when a newer pipeline starts on the same ref ("auto-cancel redundant pipelines"); for a deploy that means stopping halfway through.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: true,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        if (job.hidden) {
          continue;
        }
        const attr = jobAttr(pipeline, job, 'interruptible');
        if (attr === undefined || attr === 'unknown' || attr.owner === 'default' || attr.owner === 'global' || bool(attr.entry.value) !== true) {
          continue;
        }
        const reason = deployReason(pipeline, job);
        if (reason) {
          const range = rangeOf(ctx.model, attr.entry.value);
          report({ range: rangeOf(ctx.model, attr.entry.pair.key), message: message(job.name, reason), fix: { title: 'Set interruptible: false', safe: false, edits: [{ range, newText: 'false' }] } });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { deployReason } from './classify';
import { jobAttr, jobKeyRange, pipelines } from './model';

/** The message for a deploy GitLab does not know is one. */
export function message(job: string, reason: string): string {
  return `Job '${job}' ${reason} but declares no environment: GitLab keeps no deployment history for it, cannot roll it back from the UI, and protected-environment approvals do not apply. Add environment: with the target's name`;
}

/**
 * Whether a deploy reason names a running target: a deploy command (not an image push, which
 * publishes), or a deploy stage or job name; release and publish stages also build packages.
 */
function targetsAnEnvironment(reason: string, job: string): boolean {
  if (reason.startsWith("runs '")) {
    return reason !== "runs 'docker push'";
  }
  return /deploy|prod|rollout|promote/i.test(reason === 'is named as a deploy' ? job : reason);
}

/** Deploy jobs should declare their environment. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/deploy-without-environment',
  meta: {
    title: 'Deploy job without environment',
    description: 'A job that deploys (by its commands, stage or name) without `environment:` is invisible to GitLab\'s deployment tracking: no history of what runs where, no rollback button, no protected environment with required approvals or deploy freezes.',
    severity: 'info',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const job of pipeline.jobs) {
        if (job.hidden || job.name === 'pages' || jobAttr(pipeline, job, 'environment') !== undefined) {
          continue;
        }
        const reason = deployReason(pipeline, job);
        if (reason && targetsAnEnvironment(reason, job.name)) {
          ctx.report({ range: jobKeyRange(ctx.model, job), message: message(job.name, reason) });
        }
      }
    }
  },
};

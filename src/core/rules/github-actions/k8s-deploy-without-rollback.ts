import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { stepLabel, stepRange, workflowsOf } from './workflow';
import { isKubernetesDeployStep, isRollbackStep, stepsFromJobOnward } from './classify';

/** The message for a Kubernetes deploy with no way back. */
export function message(step: string): string {
  return `Step '${step}' deploys to Kubernetes with no rollback path: use 'helm upgrade --atomic', or add a step with 'if: failure()' that runs 'kubectl rollout undo'`;
}

/** A Kubernetes deploy should have a rollback path. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/k8s-deploy-without-rollback',
  meta: {
    title: 'Kubernetes deploy without a rollback path',
    description: 'When a rollout fails its health check, the previous version should come back automatically (`helm --atomic`, or `kubectl rollout undo` in a failure step) instead of waiting for someone to notice.',
    severity: 'info',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const deploys = job.steps.filter(isKubernetesDeployStep);
        if (deploys.length === 0 || stepsFromJobOnward(wf, job).some(isRollbackStep)) {
          continue;
        }
        // azure/k8s-deploy with a canary/blue-green strategy manages promotion and rejection itself
        if (deploys.every((s) => s.uses !== undefined && /^azure\/k8s-deploy@/i.test(s.uses))) {
          continue;
        }
        const last = deploys[deploys.length - 1];
        ctx.report({ range: stepRange(ctx.model, last), message: message(stepLabel(last)) });
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { stepLabel, stepRange, workflowsOf } from './workflow';
import { isHealthCheckStep, isKubernetesDeployStep, stepsFromJobOnward } from './classify';

/** The message for a Kubernetes deploy whose rollout nobody checks. */
export function message(step: string): string {
  return `Step '${step}' deploys to Kubernetes but the workflow never checks the rollout: add 'kubectl rollout status deployment/<name> --timeout=…' (or helm --wait / --atomic) so a broken release fails the job`;
}

/** A Kubernetes deploy must be followed by a rollout health check. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/k8s-deploy-without-health-check',
  meta: {
    title: 'Kubernetes deploy without a rollout health check',
    description: '`kubectl apply` and `helm upgrade` return as soon as the API server accepts the objects; without `kubectl rollout status` or `helm --wait`, a crash-looping release turns the job green.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const deploys = job.steps.filter(isKubernetesDeployStep);
        if (deploys.length === 0) {
          continue;
        }
        const later = stepsFromJobOnward(wf, job);
        if (later.some(isHealthCheckStep)) {
          continue;
        }
        const last = deploys[deploys.length - 1];
        ctx.report({ range: stepRange(ctx.model, last), message: message(stepLabel(last)) });
      }
    }
  },
};

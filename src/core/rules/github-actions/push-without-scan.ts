import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { stepLabel, stepRange, workflowsOf } from './workflow';
import { isPushStep, isScanStep } from './classify';

/** The message for an image pushed without a vulnerability scan. */
export function message(step: string): string {
  return `Step '${step}' pushes an image but no vulnerability scan (trivy, grype, docker scout, snyk) runs in this job or the jobs around it: scan the image before it is deployed`;
}

/** An image that is pushed must be scanned in the same pipeline. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/push-without-scan',
  meta: {
    title: 'Image pushed without a vulnerability scan',
    description: 'Build → push → scan → deploy: an image pushed by a workflow with no scan step (trivy, grype, docker scout, snyk, anchore) reaches clusters with unknown CVEs.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const related = [job, ...wf.ancestors(job), ...wf.descendants(job)];
        if (related.some((j) => j.steps.some(isScanStep))) {
          continue;
        }
        for (const step of job.steps) {
          if (isPushStep(step)) {
            ctx.report({ range: stepRange(ctx.model, step), message: message(stepLabel(step)) });
          }
        }
      }
    }
  },
};

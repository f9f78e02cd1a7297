import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { workflowsOf } from './workflow';
import { isTestJob, jobDeploys, stepRunsTests } from './classify';

/** The message for a deploy job that no test job gates. */
export function message(job: string, reason: string): string {
  return `Job '${job}' deploys (${reason}) but does not need a job that runs the tests: add the test job to its 'needs' so a failed test blocks deployment`;
}

/** A deploy job must depend (through `needs`) on a job that runs the tests. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/deploy-without-tests',
  meta: {
    title: 'Deploy job is not gated by tests',
    description: 'A job that deploys (kubectl/helm/terraform apply, image push, cloud deploy actions, a production environment) should run only after a test job succeeded, through `needs`.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      // a workflow started by another one (workflow_run) runs after CI passed elsewhere; a manual
      // workflow_dispatch next to it is a person's decision
      // and a reusable workflow (only workflow_call) is gated by the needs of the job that calls it
      if (wf.events.has('workflow_run') || (wf.events.size === 1 && wf.events.has('workflow_call'))) {
        continue;
      }
      for (const job of wf.jobs) {
        const deploy = jobDeploys(job, wf);
        if (!deploy) {
          continue;
        }
        const deployIndex = deploy.step ? deploy.step.index : job.steps.length;
        if (job.steps.slice(0, deployIndex).some(stepRunsTests)) {
          continue;
        }
        if (wf.ancestors(job).some(isTestJob)) {
          continue;
        }
        ctx.report({ range: rangeOf(ctx.model, job.keyNode), message: message(job.id, deploy.reason) });
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, get, rangeOf } from '../../parsers/yaml';
import { jobDeploys } from './classify';
import { workflowsOf } from './workflow';

/** The message for a deploy that a newer run may cancel halfway. */
export function message(job: string, reason: string): string {
  return `Job '${job}' deploys (${reason}) in a concurrency group with cancel-in-progress: true: a newer push cancels it halfway, leaving the target partly rolled out. Queue deploys instead (cancel-in-progress: false), and cancel only builds and tests`;
}

/** Deploy jobs must not be cancelled by newer runs. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/deploy-cancel-in-progress',
  meta: {
    title: 'Deploy cancelled by newer runs',
    description: '`concurrency: { cancel-in-progress: true }` at the workflow or deploy job level stops a running deploy as soon as another run starts, in the middle of a migration or a rollout.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'zizmor', id: 'concurrency-limits' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const deploy = jobDeploys(job, wf);
        if (!deploy || deploy.reason === 'image push') {
          continue;
        }
        const own = get(job.node, 'concurrency', wf.doc);
        // a job's own group replaces the workflow's for the job
        const cancel = own !== undefined ? get(own, 'cancel-in-progress', wf.doc) : get(get(wf.root, 'concurrency', wf.doc), 'cancel-in-progress', wf.doc);
        if (bool(cancel) === true) {
          const range = rangeOf(ctx.model, cancel);
          ctx.report({ range, message: message(job.id, deploy.reason), fix: { title: 'Set cancel-in-progress: false', safe: false, edits: [{ range, newText: 'false' }] } });
        }
      }
    }
  },
};

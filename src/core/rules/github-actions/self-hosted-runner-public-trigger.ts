import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { firstEvent, runnerLabels } from './events';
import { workflowsOf } from './workflow';

/** The message for a self-hosted runner that runs pull request code. */
export function message(job: string, event: string): string {
  return `Job '${job}' runs on a self-hosted runner for '${event}': in a public repository any fork's pull request runs its code on that machine, which keeps what it leaves behind (and reaches your network). Use GitHub-hosted or ephemeral, isolated runners for pull requests`;
}

/** Triggers that run code from forks. */
const EVENTS = ['pull_request_target', 'pull_request', 'issue_comment'];

/** Self-hosted runners must not run pull request code from forks. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/self-hosted-runner-public-trigger',
  meta: {
    title: 'Self-hosted runner on pull request triggers',
    description: 'A persistent self-hosted runner that takes jobs for pull requests runs outside contributors\' code in public repositories; that code can plant backdoors for later jobs, read the machine\'s credentials and reach the internal network.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'self-hosted-runner' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const event = firstEvent(wf, EVENTS);
      if (!event) {
        continue;
      }
      for (const job of wf.jobs) {
        const label = runnerLabels(wf, job).find((l) => l.value.toLowerCase() === 'self-hosted');
        if (label) {
          ctx.report({ range: rangeOf(ctx.model, label.node), message: message(job.id, event) });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, str } from '../../parsers/yaml';
import { workflowsOf } from './workflow';

/** The message for a reusable-workflow call that passes every secret. */
export function message(job: string): string {
  return `Job '${job}' passes every repository and organisation secret to the called workflow with 'secrets: inherit': list only the secrets it needs`;
}

/** Reusable workflows should receive only the secrets they use. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/secrets-inherit',
  meta: {
    title: 'All secrets passed to a reusable workflow',
    description: '`secrets: inherit` hands the called workflow every secret the caller can see, including ones it never needs. If the called workflow (or an action inside it) is compromised, all of them leak.',
    severity: 'info',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'secrets-inherit' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const secrets = get(job.node, 'secrets');
        if (job.uses !== undefined && str(secrets) === 'inherit') {
          ctx.report({ range: rangeOf(ctx.model, secrets), message: message(job.id) });
        }
      }
    }
  },
};

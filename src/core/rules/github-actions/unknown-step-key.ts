import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { workflowsOf } from './workflow';
import { STEP_KEYS } from './keys';
import { reportUnknownKeys } from './unknown-key-check';

/** The message for an unknown step key. */
export function message(key: string, suggestion?: string): string {
  return `Unknown step key '${key}'${suggestion ? `: did you mean '${suggestion}'?` : `: expected one of ${STEP_KEYS.join(', ')}`}`;
}

/** Step keys must be known to GitHub. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unknown-step-key',
  meta: {
    title: 'Unknown step key',
    description: 'A step key GitHub does not know (`args:`, `working_directory:`, `environment:`) invalidates the workflow; inputs of an action belong under `with:`.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'actionlint', id: 'syntax-check' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          reportUnknownKeys(ctx, step.node, STEP_KEYS, message);
        }
      }
    }
  },
};

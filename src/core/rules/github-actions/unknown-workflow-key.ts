import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { workflowsOf } from './workflow';
import { WORKFLOW_KEYS } from './keys';
import { reportUnknownKeys } from './unknown-key-check';

/** The message for an unknown top-level key. */
export function message(key: string, suggestion?: string): string {
  return `Unknown workflow key '${key}'${suggestion ? `: did you mean '${suggestion}'?` : `: expected one of ${WORKFLOW_KEYS.join(', ')}`}`;
}

/** Top-level workflow keys must be known to GitHub. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unknown-workflow-key',
  meta: {
    title: 'Unknown top-level workflow key',
    description: 'GitHub rejects a workflow with an unknown top-level key (the run fails with "Invalid workflow file"). A typo such as `permission:` may instead be caught only after push.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'actionlint', id: 'syntax-check' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      reportUnknownKeys(ctx, wf.root, WORKFLOW_KEYS, message);
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { closest } from '../shared/suggest';
import { contextPaths, tokenize } from './expression';
import { expressionsOf } from './expression-scan';
import { workflowsOf } from './workflow';

/** Context names available in workflow expressions. */
export const CONTEXTS: readonly string[] = ['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs'];

/** Built-in expression functions. */
export const FUNCTIONS: readonly string[] = ['contains', 'startsWith', 'endsWith', 'format', 'join', 'toJSON', 'fromJSON', 'hashFiles', 'success', 'always', 'cancelled', 'failure', 'case'];

/** The message for an unknown context or function. */
export function message(kind: 'context' | 'function', name: string, suggestion?: string): string {
  return `Unknown ${kind} '${name}'${suggestion ? `: did you mean '${suggestion}'?` : kind === 'context' ? `: expressions can use ${CONTEXTS.join(', ')}` : ''}`;
}

/** Expressions must only use known contexts and functions. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unknown-expression-context',
  meta: {
    title: 'Unknown context or function in an expression',
    description: 'A misspelt context (`secret.TOKEN`, `gihub.sha`) or function (`startswith` is fine, `startWith` is not) makes the expression fail at run time, often only on the branch where it matters.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'actionlint', id: 'expression' }],
  },
  check(ctx) {
    const lowerContexts = CONTEXTS.map((c) => c.toLowerCase());
    const lowerFunctions = FUNCTIONS.map((f) => f.toLowerCase());
    for (const wf of workflowsOf(ctx.model)) {
      for (const e of expressionsOf(ctx.model, wf)) {
        if (!e.closed) {
          continue;
        }
        for (const ref of contextPaths(e.text)) {
          if (lowerContexts.includes(ref.root.toLowerCase())) {
            continue;
          }
          const suggestion = closest(ref.root, CONTEXTS);
          const range = e.value.range(e.start + ref.start, e.start + ref.start + ref.root.length);
          ctx.report({
            range,
            message: message('context', ref.root, suggestion),
            fix: suggestion ? { title: `Replace with '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
          });
        }
        const { tokens } = tokenize(e.text);
        tokens.forEach((t, k) => {
          if (t.type !== 'ident' || tokens[k + 1]?.type !== '(' || tokens[k - 1]?.type === '.' || lowerFunctions.includes(t.value.toLowerCase())) {
            return;
          }
          const suggestion = closest(t.value, FUNCTIONS);
          const range = e.value.range(e.start + t.start, e.start + t.end);
          ctx.report({
            range,
            message: message('function', t.value, suggestion),
            fix: suggestion ? { title: `Replace with '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
          });
        });
      }
    }
  },
};

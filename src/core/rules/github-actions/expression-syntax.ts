import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { syntaxProblems } from './expression';
import { expressionsOf } from './expression-scan';
import { workflowsOf } from './workflow';

/** The message for a malformed expression. */
export function message(problem: string): string {
  return `Malformed expression: ${problem}`;
}

/** `${{ }}` expressions and `if:` conditions must be well-formed. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/expression-syntax',
  meta: {
    title: 'Malformed expression',
    description: 'An expression with an unclosed `${{`, unbalanced parentheses or brackets, an unterminated string or double quotes fails when the job starts, or is passed through as literal text.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'actionlint', id: 'expression' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const e of expressionsOf(ctx.model, wf)) {
        if (!e.closed) {
          ctx.report({ range: e.value.range(e.outerStart, e.outerEnd), message: message("'${{' is never closed with '}}'") });
          continue;
        }
        const problems = syntaxProblems(e.text);
        if (problems.length > 0) {
          const p = problems[0];
          ctx.report({ range: e.value.range(e.start + p.start, e.start + Math.max(p.end, p.start + 1)), message: message(p.message) });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, isScalar, rangeOf } from '../../parsers/yaml';
import { findExpressions, stepLabel, workflowsOf } from './workflow';

/** The message for an `if:` that is always true. */
export function message(where: string): string {
  return `The 'if:' of ${where} has text outside its \${{ }} (a block scalar's newline, or two expressions joined by text): GitHub then reads it as a non-empty string, which is always true. Write the whole condition inside one \${{ }}, or without \${{ }}`;
}

/** Whether an `if:` value is a string template rather than one expression. */
function alwaysTrue(value: string): boolean {
  const expressions = findExpressions(value);
  if (expressions.length === 0) {
    return false;
  }
  // the whole value must be exactly one ${{ }}: leading or trailing text (a newline included) makes a string
  return !(expressions.length === 1 && expressions[0].closed && expressions[0].start === 0 && expressions[0].end === value.length);
}

/** Job and step conditions must be one expression. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unsound-condition',
  meta: {
    title: 'Condition that is always true',
    description: "An `if:` whose value holds `${{ }}` plus any other text, such as the trailing newline of `if: |` or `${{ a }} && ${{ b }}`, is evaluated as a string, and a non-empty string is true: the guarded job or step always runs.",
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'unsound-condition' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const holders = wf.jobs.flatMap((job) => [{ where: `job '${job.id}'`, node: job.node }, ...job.steps.map((s) => ({ where: `step '${stepLabel(s)}'`, node: s.node }))]);
      for (const { where, node } of holders) {
        const pair = getPair(node, 'if');
        if (pair && isScalar(pair.value) && typeof pair.value.value === 'string' && alwaysTrue(pair.value.value)) {
          ctx.report({ range: rangeOf(ctx.model, pair.key), message: message(where) });
        }
      }
    }
  },
};

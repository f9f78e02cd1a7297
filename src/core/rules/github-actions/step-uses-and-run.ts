import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, headerRange } from '../../parsers/yaml';
import { stepLabel, workflowsOf } from './workflow';

/** The message for a step with both or neither of uses and run. */
export function message(step: string, problem: 'both' | 'neither'): string {
  return problem === 'both'
    ? `Step '${step}' has both 'uses' and 'run': a step either runs an action or a script; split it in two`
    : `Step '${step}' has neither 'uses' nor 'run', so it does nothing and GitHub rejects the workflow`;
}

/** A step must have exactly one of `uses` and `run`. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/step-uses-and-run',
  meta: {
    title: 'Step needs exactly one of uses and run',
    description: 'GitHub requires each step to either run an action (`uses`) or a script (`run`). Both, or neither (often an indentation mistake), make the workflow invalid.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'actionlint', id: 'syntax-check' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const uses = getPair(step.node, 'uses');
          const run = getPair(step.node, 'run');
          if (uses && run) {
            ctx.report({ range: headerRange(ctx.model, run.key), message: message(stepLabel(step), 'both') });
          } else if (!uses && !run) {
            ctx.report({ range: headerRange(ctx.model, step.node), message: message(stepLabel(step), 'neither') });
          }
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf } from '../../parsers/yaml';
import { workflowsOf } from './workflow';

/** The message for a step id used twice in a job. */
export function message(id: string, job: string): string {
  return `Step id '${id}' is already used in job '${job}': steps.${id}.outputs would be ambiguous, so GitHub rejects the workflow`;
}

/** Step ids must be unique within a job. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/duplicate-step-id',
  meta: {
    title: 'Duplicate step id',
    description: 'Step ids name the outputs that later steps read (`steps.<id>.outputs`). Two steps with the same id in one job make the workflow invalid.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'actionlint', id: 'id' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const seen = new Set<string>();
        for (const step of job.steps) {
          if (step.id === undefined || /\$\{\{/.test(step.id)) {
            continue;
          }
          const id = step.id.toLowerCase();
          if (seen.has(id)) {
            ctx.report({ range: rangeOf(ctx.model, get(step.node, 'id')), message: message(step.id, job.id) });
          }
          seen.add(id);
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import type { Job } from './workflow';
import { workflowsOf } from './workflow';

/** The message for a dependency cycle between jobs. */
export function message(cycle: readonly string[]): string {
  return `Jobs depend on each other in a cycle (${cycle.join(' → ')}), so none of them can start: remove one of the needs`;
}

/** `needs` must not form a cycle. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/needs-cycle',
  meta: {
    title: 'Cycle in job needs',
    description: 'Jobs whose `needs` lead back to themselves can never start; GitHub rejects the workflow.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'actionlint', id: 'job-needs' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const state = new Map<Job, 'visiting' | 'done'>();
      const stack: Job[] = [];
      const reported = new Set<string>();
      const visit = (job: Job): void => {
        state.set(job, 'visiting');
        stack.push(job);
        for (const need of job.needs) {
          const next = wf.jobById(need.name);
          if (!next) {
            continue;
          }
          if (state.get(next) === 'visiting') {
            const cycle = stack.slice(stack.indexOf(next));
            const key = cycle.map((j) => j.id).sort().join('\u0000');
            if (!reported.has(key)) {
              reported.add(key);
              ctx.report({ range: rangeOf(ctx.model, need.node), message: message([...cycle.map((j) => j.id), next.id]) });
            }
          } else if (!state.has(next)) {
            visit(next);
          }
        }
        stack.pop();
        state.set(job, 'done');
      };
      for (const job of wf.jobs) {
        if (!state.has(job)) {
          visit(job);
        }
      }
    }
  },
};

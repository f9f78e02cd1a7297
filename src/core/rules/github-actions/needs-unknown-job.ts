import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { closest } from '../shared/suggest';
import { workflowsOf } from './workflow';

/** The message for a `needs` entry naming no job. */
export function message(job: string, need: string, suggestion?: string): string {
  return `Job '${job}' needs '${need}', which is not a job of this workflow${suggestion ? `: did you mean '${suggestion}'?` : ''}`;
}

/** `needs` must name jobs of the same workflow. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/needs-unknown-job',
  meta: {
    title: 'needs names an unknown job',
    description: 'A `needs` entry that names no job makes GitHub reject the workflow; usually a job was renamed and its dependants were not updated.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'actionlint', id: 'job-needs' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const ids = wf.jobs.map((j) => j.id);
      for (const job of wf.jobs) {
        for (const need of job.needs) {
          if (ids.includes(need.name) || /\$\{\{/.test(need.name)) {
            continue;
          }
          const suggestion = closest(need.name, ids.filter((i) => i !== job.id));
          const range = rangeOf(ctx.model, need.node);
          ctx.report({
            range,
            message: message(job.id, need.name, suggestion),
            fix: suggestion ? { title: `Replace with '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
          });
        }
      }
    }
  },
};

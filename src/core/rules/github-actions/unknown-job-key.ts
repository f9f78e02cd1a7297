import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { workflowsOf } from './workflow';
import { JOB_KEYS } from './keys';
import { reportUnknownKeys } from './unknown-key-check';

/** The message for an unknown job key. */
export function message(key: string, suggestion?: string): string {
  return `Unknown job key '${key}'${suggestion ? `: did you mean '${suggestion}'?` : ''}`;
}

/** Job keys must be known to GitHub. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unknown-job-key',
  meta: {
    title: 'Unknown job key',
    description: 'A misspelt job key (`timeout-minute`, `need`, `run-on`) makes the whole workflow invalid, or silently drops a setting you rely on.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'actionlint', id: 'syntax-check' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        reportUnknownKeys(ctx, job.node, JOB_KEYS, message);
      }
    }
  },
};

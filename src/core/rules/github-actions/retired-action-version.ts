import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { majorVersion } from './events';
import { actionName, workflowsOf } from './workflow';

/** The message for an action version GitHub no longer runs. */
export function message(uses: string, current: string): string {
  return `'${uses}' uses a version whose service GitHub shut down in 2025: the step fails on github.com. Move to ${current}`;
}

/** Actions whose old majors fail on github.com, with the first major that works. */
const RETIRED: ReadonlyMap<string, number> = new Map([
  ['actions/upload-artifact', 4],
  ['actions/download-artifact', 4],
  ['actions/cache', 3],
  ['actions/cache/restore', 3],
  ['actions/cache/save', 3],
]);

/** Versions of the artifact and cache actions that no longer work must be upgraded. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/retired-action-version',
  meta: {
    title: 'Action version no longer works',
    description: 'GitHub retired the artifact service behind actions/upload-artifact and download-artifact v1–v3 and the cache service behind actions/cache v1–v2 in 2025: steps on those versions fail.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (!step.uses) {
            continue;
          }
          const name = actionName(step.uses);
          const first = RETIRED.get(name);
          const major = majorVersion(step.uses);
          if (first === undefined || major === undefined || major >= first) {
            continue;
          }
          const current = first === 3 ? 4 : first;
          const range = rangeOf(ctx.model, step.usesNode);
          ctx.report({
            range,
            message: message(step.uses, `@v${current}`),
            fix: { title: `Use ${name}@v${current}`, safe: false, edits: [{ range, newText: `${step.uses.slice(0, step.uses.indexOf('@'))}@v${current}` }] },
          });
        }
      }
    }
  },
};

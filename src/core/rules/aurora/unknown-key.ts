import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries, rangeOf } from '../../parsers/yaml';
import { closest } from '../shared/suggest';
import { auroraDocs, DEVOPS_KEYS, PERMISSION_KEYS, TOP_KEYS } from './config';

/** The message for a key aurora.yaml does not define. */
export function message(where: string, key: string, known: readonly string[], suggestion?: string): string {
  return `Unknown key '${key}' ${where}${suggestion ? `: did you mean '${suggestion}'?` : `: expected ${known.join(', ')}`}`;
}

/** aurora.yaml keys must be known (other agents under `agents:` are left alone). */
export const rule: Rule<YamlFile> = {
  id: 'aurora/unknown-key',
  meta: {
    title: 'Unknown key in aurora.yaml',
    description: 'A misspelt key (`permission:`, `tool:`, `filesytem:`) is ignored, so the agent silently runs with defaults instead of the limits you wrote. Agents other than `devops` belong to other tools and are not checked.',
    severity: 'error',
    kind: 'aurora',
    fixable: true,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      const levels: { map: unknown; known: readonly string[]; where: string }[] = [
        { map: a.root, known: TOP_KEYS, where: 'at the top level' },
        { map: a.devops, known: DEVOPS_KEYS, where: 'in agents.devops' },
        { map: a.permissions, known: PERMISSION_KEYS, where: 'in agents.devops.permissions' },
      ];
      for (const level of levels) {
        const present = new Set(mapEntries(level.map, a.doc).map((e) => e.key));
        for (const { key, pair } of mapEntries(level.map, a.doc)) {
          if (level.known.includes(key)) {
            continue;
          }
          const suggestion = closest(key, level.known.filter((k) => !present.has(k)));
          const range = rangeOf(ctx.model, pair.key);
          ctx.report({
            range,
            message: message(level.where, key, level.known, suggestion),
            fix: suggestion ? { title: `Rename '${key}' to '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
          });
        }
      }
    }
  },
};

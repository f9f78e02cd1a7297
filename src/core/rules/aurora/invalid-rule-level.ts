import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries, rangeOf, str } from '../../parsers/yaml';
import type { Fix } from '../../types';
import { auroraDocs, LEVELS } from './config';

/** The message for a severity that is not a level. */
export function message(id: string, level: string): string {
  return `'${level}' is not a level for ${id}: use ${LEVELS.join(', ')}`;
}

const ALIASES: Record<string, { level: string; safe: boolean }> = {
  warn: { level: 'warning', safe: true },
  err: { level: 'error', safe: true },
  information: { level: 'info', safe: true },
  note: { level: 'info', safe: false },
  hint: { level: 'info', safe: false },
  none: { level: 'off', safe: false },
  ignore: { level: 'off', safe: false },
  disable: { level: 'off', safe: false },
  disabled: { level: 'off', safe: false },
  false: { level: 'off', safe: false },
};

/** `rules:` values must be off, info, warning or error. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/invalid-rule-level',
  meta: {
    title: 'Invalid severity level in rules:',
    description: 'Levels are `off`, `info`, `warning` and `error` (lower case). Any other value is ignored and the rule keeps its default severity.',
    severity: 'error',
    kind: 'aurora',
    fixable: true,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      for (const { key, pair, value } of mapEntries(a.rules, a.doc)) {
        const level = str(value);
        if (level !== undefined && LEVELS.includes(level)) {
          continue;
        }
        const lower = (level ?? '').trim().toLowerCase();
        const alias = LEVELS.includes(lower) ? { level: lower, safe: true } : ALIASES[lower];
        const range = rangeOf(ctx.model, value ?? pair.key);
        const fix: Fix | undefined = alias && value ? { title: `Replace with '${alias.level}'`, safe: alias.safe, edits: [{ range, newText: alias.level }] } : undefined;
        ctx.report({ range, message: message(key, level ?? ''), fix });
      }
    }
  },
};

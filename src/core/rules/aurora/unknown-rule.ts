import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries, rangeOf } from '../../parsers/yaml';
import { closest } from '../shared/suggest';
import { auroraDocs } from './config';
import { ownPolicyIds } from './invalid-policy';
import { get } from '../../parsers/yaml';

/** The message for a `rules:` entry that names no rule. */
export function message(id: string, suggestion?: string): string {
  return `No rule is called '${id}'${suggestion ? `: did you mean '${suggestion}'?` : ': run `aurora-devops rules` for the list'}`;
}

/** `rules:` keys must be rule ids. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/unknown-rule',
  meta: {
    title: 'Unknown rule id in rules:',
    description: 'A severity override for an id no rule has (a typo, or a rule id from another tool) does nothing, so the rule keeps its default severity.',
    severity: 'warning',
    kind: 'aurora',
    fixable: true,
  },
  check(ctx) {
    // the engine hands over the catalog's ids: this rule is itself part of the catalog
    for (const a of auroraDocs(ctx.model)) {
      // the file's own policies are rules too
      const ids = [...ctx.ruleIds, ...ownPolicyIds(get(a.root, 'policies', a.doc), a.doc)];
      for (const { key, pair } of mapEntries(a.rules, a.doc)) {
        if (ids.includes(key)) {
          continue;
        }
        const suggestion = closest(key, ids);
        const range = rangeOf(ctx.model, pair.key);
        ctx.report({
          range,
          message: message(key, suggestion),
          fix: suggestion ? { title: `Replace with '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
        });
      }
    }
  },
};

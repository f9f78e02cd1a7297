import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { expressionsOf } from './expression-scan';
import { workflowsOf } from './workflow';

/** The message for a list written as one string. */
export function message(list: string, value: string): string {
  return `contains('${list}', ${value}) searches a string, so any part of it matches (a branch named 'mai' passes a check for 'main'): use a list, contains(fromJSON('[…]'), ${value}), or compare with ==`;
}

/** `contains('literal', context.path)`: a substring test where a list test was meant. */
const SUBSTRING = /\bcontains\(\s*'((?:[^']|'')*)'\s*,\s*((?:github|env|inputs|vars|steps|needs|matrix)\.[A-Za-z0-9_.\-*[\]']+)\s*\)/gi;

/** Membership tests must not be substring tests. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unsound-contains',
  meta: {
    title: 'contains() on a string used as a list',
    description: "`contains('refs/heads/main refs/heads/release', github.ref)` is true for any substring of the literal, so a branch or value named after a fragment passes a condition meant to allow a few exact values.",
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'unsound-contains' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const e of expressionsOf(ctx.model, wf)) {
        for (const m of e.text.matchAll(SUBSTRING)) {
          const start = e.start + (m.index ?? 0);
          ctx.report({ range: e.value.range(start, start + m[0].length), message: message(m[1], m[2]) });
        }
      }
    }
  },
};

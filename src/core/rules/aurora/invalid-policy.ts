import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, seqItems, str } from '../../parsers/yaml';
import { readPolicies } from '../../policies/read';
import { auroraDocs } from './config';

/** The ids the policies of a `policies:` node give themselves. */
export function ownPolicyIds(policies: unknown, doc: Parameters<typeof get>[2]): Set<string> {
  return new Set(seqItems(policies, doc).map((p) => str(get(p, 'id', doc))).filter((x): x is string => x !== undefined));
}

/** User policies in aurora.yaml must be well formed. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/invalid-policy',
  meta: {
    title: 'Invalid policy in policies:',
    description: 'A policy under `policies:` that does not have the documented shape (an unknown operator, a subject of the wrong kind, a bad regular expression, a missing message) does not run: the check you wrote silently never fires.',
    severity: 'error',
    kind: 'aurora',
    fixable: false,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      const node = get(a.root, 'policies', a.doc);
      // the engine's ids include these policies themselves when the config already holds them
      const own = ownPolicyIds(node, a.doc);
      const taken = new Set(ctx.ruleIds.filter((id) => !own.has(id)));
      for (const p of readPolicies(node, a.doc, taken).problems) {
        ctx.report({ range: rangeOf(ctx.model, p.node), message: p.message });
      }
    }
  },
};

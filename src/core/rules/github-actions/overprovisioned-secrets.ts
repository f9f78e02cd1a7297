import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { expressionsOf } from './expression-scan';
import { workflowsOf } from './workflow';

/** The message for an expression that hands over every secret. */
export function message(form: 'tojson' | 'index'): string {
  return form === 'tojson'
    ? "'toJSON(secrets)' hands every secret of the repository and organisation to this step, not only the ones it uses: name each secret it needs (secrets.NAME)"
    : "'secrets[…]' with a computed name makes the runner receive every secret, since GitHub cannot tell which one is read: name each secret it needs (secrets.NAME)";
}

const TOJSON = /\btoJSON\(\s*secrets\s*\)/gi;
/** `secrets[` followed by anything but a single string literal and `]`. */
const INDEX = /\bsecrets\s*\[(?!\s*'[^']*'\s*\])/gi;

/** Expressions must name the secrets they use. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/overprovisioned-secrets',
  meta: {
    title: 'Every secret passed to the runner',
    description: "`toJSON(secrets)` and `secrets[<computed>]` make GitHub send the runner every secret the workflow can see. One compromised step then leaks all of them rather than the ones it needed.",
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'overprovisioned-secrets' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const e of expressionsOf(ctx.model, wf)) {
        for (const [re, form] of [[TOJSON, 'tojson'], [INDEX, 'index']] as const) {
          for (const m of e.text.matchAll(re)) {
            const start = e.start + (m.index ?? 0);
            ctx.report({ range: e.value.range(start, start + m[0].length), message: message(form) });
          }
        }
      }
    }
  },
};

import { terraformRule } from './support/rule';
import type { HclBlock } from '../../parsers/terraform';
import { isPlaceholderValue, isSecretName, knownSecretFormat, publicValueKind } from '../shared/secrets';
import { str } from './support/values';

/** The message for a credential written into a provider block. */
export function message(provider: string, name: string): string {
  return `Provider '${provider}' has a hard-coded credential in '${name}': remove it and let the provider read it from the environment, a profile or a secret store`;
}

/** Provider blocks must not carry literal credentials. */
export const rule = terraformRule({
  id: 'terraform/provider-hardcoded-credentials',
  meta: {
    title: 'Hard-coded credentials in a provider block',
    description: 'Access keys, tokens and passwords written into a provider block end up in version control and in every copy of the repository.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_41' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const visit = (provider: string, block: HclBlock): void => {
      for (const a of block.attributes) {
        // a variable's default is reported by terraform/variable-secret-default, where it is written
        if (a.value.type === 'reference' && a.value.path?.[0] === 'var') {
          continue;
        }
        const value = str(mod.evaluate(a.value));
        if (value === undefined) {
          continue;
        }
        if (knownSecretFormat(value) || (isSecretName(a.name) && !isPlaceholderValue(value) && publicValueKind(value) === undefined)) {
          ctx.report(a, { range: ctx.at(a), message: message(provider, a.name) });
        }
      }
      for (const b of block.blocks) {
        visit(provider, b);
      }
    };
    for (const p of mod.blocksOf('provider')) {
      visit(p.labels[0] ?? 'provider', p);
    }
  },
});

import { terraformRule } from './support/rule';
import { isPlaceholderValue, isSecretName, knownSecretFormat, publicValueKind } from '../shared/secrets';
import { str } from './support/values';

/** The message for a secret-like variable with a literal default. */
export function message(name: string): string {
  return `Variable '${name}' has a secret as its default value: remove the default and pass the value at apply time (TF_VAR_${name}, a secret store or a data source)`;
}

/** Secret-like variables must not default to a literal secret. */
export const rule = terraformRule({
  id: 'terraform/variable-secret-default',
  meta: {
    title: 'Secret in a variable default',
    description: 'A password, token or key used as a variable default is committed with the module and applied silently wherever the caller does not override it.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'tfsec', id: 'general-secrets-no-plaintext-exposure' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const v of mod.blocksOf('variable')) {
      const name = v.labels[0] ?? '';
      const def = mod.attr(v, 'default');
      const value = str(def?.value);
      if (!def || value === undefined || def.value.range !== def.attr.value.range) {
        continue;
      }
      if (knownSecretFormat(value) || (isSecretName(name) && !isPlaceholderValue(value) && publicValueKind(value) === undefined)) {
        ctx.report(def.attr, { range: ctx.at(def.attr), message: message(name) });
      }
    }
  },
});

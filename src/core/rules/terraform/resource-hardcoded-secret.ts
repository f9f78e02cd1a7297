import type { HclAttribute, HclBlock } from '../../parsers/terraform';
import { inSampleFolder } from './support/siblings';
import { isPlaceholderValue, isSecretName, knownSecretFormat, publicValueKind } from '../shared/secrets';
import { terraformRule } from './support/rule';
import type { TfValue } from './support/values';

/** The message for a secret written into a resource, data source or module call. */
export function message(where: string, key: string, known?: string): string {
  const what = known ? `${/^[AEIOU]/i.test(known) ? 'an' : 'a'} ${known}` : 'a hard-coded secret';
  return `'${where}' has ${what} in '${key}': read it from a secret store (aws_secretsmanager_secret_version, Vault, SSM) or generate it with random_password`;
}

/** Arguments named like secrets that hold idempotency tokens or settings (EFS `creation_token`…). */
const NOT_SECRET_ARGUMENT = /^(creation|client|idempotency|request|caller)_token$|_validity$|^token_(type|source|key)$/i;

/**
 * Values that are settings rather than secrets even under a secret-like key: units and enum words
 * (`access_token = "hours"` in Cognito validity units, `"AWS_IAM"`), ARNs, aliases and paths.
 */
function looksLikeSetting(value: string): boolean {
  const v = value.trim();
  return /^[a-z]{1,10}$/.test(v) || /^[A-Z][A-Z0-9_]{0,24}$/.test(v) || /^\d{1,4}$/.test(v) || /^(arn:|alias\/|\/|\.\/|https?:\/\/[^:@]*$)/.test(v);
}

/**
 * Resource, data and module arguments with a secret-like name and a literal value (also inside
 * objects such as Lambda environment variables or `jsonencode()` secret strings), and values in a
 * well-known credential format anywhere (user_data scripts included).
 */
export const rule = terraformRule({
  id: 'terraform/resource-hardcoded-secret',
  meta: {
    title: 'Hard-coded secret in a resource',
    description: 'Passwords, tokens and keys written as literals in resources (database passwords, auth tokens, Lambda environment variables, user_data) are committed with the code and stored in plain text in the state.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_45' }, { tool: 'checkov', id: 'CKV_AWS_46' }, { tool: 'tfsec', id: 'general-secrets-no-plaintext-exposure' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const sample = inSampleFolder(ctx.path);
    const visitValue = (owner: string, attr: HclAttribute, key: string, v: TfValue, depth: number): void => {
      if (depth > 8) {
        return;
      }
      if (v.kind === 'object') {
        for (const e of v.entries ?? []) {
          visitValue(owner, attr, e.key, e.value, depth + 1);
        }
        return;
      }
      if (v.kind === 'list') {
        for (const item of v.items ?? []) {
          visitValue(owner, attr, key, item, depth + 1);
        }
        return;
      }
      if (v.kind !== 'string' || typeof v.value !== 'string') {
        return;
      }
      const known = knownSecretFormat(v.value);
      if (known || (isSecretName(key) && !NOT_SECRET_ARGUMENT.test(key) && !isPlaceholderValue(v.value) && !looksLikeSetting(v.value) && publicValueKind(v.value) === undefined)) {
        // in an example or test module a literal is usually a placeholder that is never applied:
        // still worth replacing (examples get copied), but not certain harm
        ctx.report(attr, { range: ctx.at(attr), message: message(owner, key === attr.name ? key : `${attr.name}.${key}`, known), ...(sample ? { severity: 'warning' as const } : {}) });
      }
    };
    const visitBlock = (owner: string, b: HclBlock): void => {
      for (const a of b.attributes) {
        // values from variables are reported where the default is written (variable-secret-default)
        if (a.value.type === 'reference' && a.value.path?.[0] === 'var') {
          continue;
        }
        visitValue(owner, a, a.name, mod.evaluate(a.value), 0);
      }
      for (const c of b.blocks) {
        visitBlock(owner, c);
      }
    };
    for (const b of mod.blocks) {
      if (b.type === 'resource' || b.type === 'data' || b.type === 'module') {
        visitBlock(b.labels.join('.'), b);
      }
    }
  },
});

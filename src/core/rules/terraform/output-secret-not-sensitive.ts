import { terraformFileRule } from './support/rule';
import type { HclExpr } from '../../parsers/terraform';
import { isSecretName } from '../shared/secrets';
import { insertAttributes, referencesIn } from './support/report';
import { bool } from './support/values';

/** Resource attributes that hold secrets whatever the output is called. */
const SECRET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  random_password: ['result', 'bcrypt_hash'],
  tls_private_key: ['private_key_pem', 'private_key_openssh', 'private_key_pem_pkcs8'],
  aws_iam_access_key: ['secret', 'ses_smtp_password_v4', 'encrypted_secret'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  azurerm_storage_account: ['primary_access_key', 'secondary_access_key', 'primary_connection_string', 'secondary_connection_string'],
  google_service_account_key: ['private_key'],
  azurerm_kubernetes_cluster: ['kube_config_raw', 'kube_admin_config_raw', 'kube_config', 'kube_admin_config'],
};

/** The message for an output exposing a secret without `sensitive = true`. */
export function message(name: string, why: string): string {
  return `Output '${name}' exposes ${why} without 'sensitive = true': it is printed by plan/apply and readable by every consumer of the state`;
}

/**
 * Names of values that point at a secret rather than hold it: `master_user_secret` of RDS, Aurora,
 * Redshift and DocumentDB is the ARN, key id and status of the secret the service manages.
 */
const SECRET_METADATA = /(^|_)master_user_secrets?$|_secret_(arn|id|name|status)$/;

function secretSource(expr: HclExpr): string | undefined {
  for (const path of referencesIn(expr)) {
    const [root, , attribute] = path;
    const last = path[path.length - 1] ?? '';
    if (root === 'data' && path[1] === 'aws_secretsmanager_secret_version' && /^secret_(string|binary)$/.test(path[3] ?? '')) {
      return `'${path.join('.')}'`;
    }
    if (root && attribute && SECRET_ATTRIBUTES[root]?.includes(attribute)) {
      return `'${path.slice(0, 3).join('.')}'`;
    }
    if (root !== 'var' && root !== 'local' && path.length >= 3 && isSecretName(last) && !SECRET_METADATA.test(last)) {
      return `'${path.join('.')}'`;
    }
  }
  return undefined;
}

/** Outputs carrying secrets must be marked sensitive. */
export const rule = terraformFileRule({
  id: 'terraform/output-secret-not-sensitive',
  meta: {
    title: 'Output exposes a secret without sensitive = true',
    description: 'An output with a secret-like name, or whose value reads a password, key or token attribute, is shown in plan and apply logs unless it is marked sensitive.',
    severity: 'warning',
    kind: 'terraform',
    fixable: true,
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const out of mod.blocksOf('output')) {
      const name = out.labels[0] ?? '';
      const value = out.attributes.find((a) => a.name === 'value');
      // nonsensitive() is an explicit, reviewed decision to reveal the value
      if (!value || bool(mod.attr(out, 'sensitive')?.value) === true || (value.value.type === 'function' && value.value.fn === 'nonsensitive')) {
        continue;
      }
      const literal = value.value.type === 'string' || value.value.type === 'number' || value.value.type === 'bool' || value.value.type === 'null';
      const why = secretSource(value.value) ?? (isSecretName(name) && !literal && !SECRET_METADATA.test(name) ? 'a secret-like value' : undefined);
      if (!why) {
        continue;
      }
      const sensitive = out.attributes.find((a) => a.name === 'sensitive');
      const fix = sensitive
        ? { title: 'Set sensitive = true', safe: false, edits: [{ range: sensitive.value.range, newText: 'true' }] }
        : insertAttributes(ctx.mod.modelOf(out).index, out, ['sensitive = true'], 'Mark the output sensitive', false);
      ctx.report(out, { range: out.headerRange, message: message(name, why), fix });
    }
  },
});

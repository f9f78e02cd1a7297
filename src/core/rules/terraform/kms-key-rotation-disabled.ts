import { terraformFileRule } from './support/rule';
import { flag } from './support/flags';
import { insertAttributes } from './support/report';
import { str } from './support/values';

/** The message for a symmetric key without automatic rotation. */
export function message(name: string): string {
  return `KMS key '${name}' does not rotate: set enable_key_rotation = true (yearly automatic rotation, old data stays readable)`;
}

/** Symmetric customer-managed KMS keys must rotate. */
export const rule = terraformFileRule({
  id: 'terraform/kms-key-rotation-disabled',
  meta: {
    title: 'KMS key rotation disabled',
    description: 'Rotation limits how much data a single key version protects; AWS keeps older versions, so enabling it breaks nothing.',
    severity: 'warning',
    kind: 'terraform',
    fixable: true,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_7' }, { tool: 'tfsec', id: 'aws-kms-auto-rotate-keys' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const k of mod.resources('aws_kms_key')) {
      // only symmetric encryption keys can rotate automatically
      const spec = str(mod.attr(k, 'customer_master_key_spec')?.value) ?? str(mod.attr(k, 'key_spec')?.value);
      const usage = str(mod.attr(k, 'key_usage')?.value);
      if ((spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') || (usage !== undefined && usage !== 'ENCRYPT_DECRYPT')) {
        continue;
      }
      const f = flag(mod, k, 'enable_key_rotation', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(k.labels[1] ?? ''), fix: { title: 'Enable key rotation', safe: true, edits: [{ range: f.attr.value.range, newText: 'true' }] } });
      } else if (f.state === 'missing') {
        ctx.report(k, { range: k.headerRange, message: message(k.labels[1] ?? ''), fix: insertAttributes(ctx.mod.modelOf(k).index, k, ['enable_key_rotation = true'], 'Enable key rotation', true) });
      }
    }
  },
});

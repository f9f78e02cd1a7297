import { terraformRule } from './support/rule';
import { flag } from './support/flags';
import { bool } from './support/values';
import type { BlockInstance } from './support/values';

/** The message for an unencrypted EBS volume. */
export function message(what: string): string {
  return `${what} is not encrypted: set encrypted = true (optionally with a kms_key_id), or enable aws_ebs_encryption_by_default for the account`;
}

/** EBS volumes and instance block devices must be encrypted. */
export const rule = terraformRule({
  id: 'terraform/ebs-not-encrypted',
  meta: {
    title: 'EBS volume is not encrypted',
    description: 'Unencrypted volumes and their snapshots can be read by anyone who can copy or share a snapshot; encryption costs nothing in performance.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_3' }, { tool: 'checkov', id: 'CKV_AWS_8' }, { tool: 'tfsec', id: 'aws-ec2-enable-volume-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    // account-wide default encryption covers every new volume
    if (mod.resources('aws_ebs_encryption_by_default').some((r) => bool(mod.attr(r, 'enabled')?.value) !== false)) {
      return;
    }
    for (const v of mod.resources('aws_ebs_volume')) {
      if (mod.attr(v, 'snapshot_id')) {
        continue;
      }
      const f = flag(mod, v, 'encrypted', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(`Volume '${v.labels[1] ?? ''}'`) });
      } else if (f.state === 'missing') {
        ctx.report(v, { range: v.headerRange, message: message(`Volume '${v.labels[1] ?? ''}'`) });
      }
    }
    const device = (owner: string, d: BlockInstance): void => {
      if (mod.attr(d, 'snapshot_id') || mod.attr(d, 'virtual_name')) {
        return;
      }
      const f = flag(mod, d, 'encrypted', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(`A block device of '${owner}'`) });
      } else if (f.state === 'missing') {
        ctx.report((d.dynamic ?? d.block), { range: (d.dynamic ?? d.block).headerRange, message: message(`A block device of '${owner}'`) });
      }
    };
    for (const i of mod.resources('aws_instance', 'aws_launch_configuration')) {
      for (const type of ['root_block_device', 'ebs_block_device']) {
        for (const d of mod.nested(i, type)) {
          device(i.labels[1] ?? '', d);
        }
      }
    }
    for (const t of mod.resources('aws_launch_template')) {
      for (const m of mod.nested(t, 'block_device_mappings')) {
        for (const e of mod.nested(m, 'ebs')) {
          device(t.labels[1] ?? '', e);
        }
      }
    }
  },
});

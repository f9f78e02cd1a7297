import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for an unencrypted EFS file system. */
export function message(name: string): string {
  return `File system '${name}' is not encrypted at rest: set encrypted = true (and a kms_key_id for a customer-managed key); this forces a new file system`;
}

/** EFS file systems must be encrypted at rest. */
export const rule = terraformRule({
  id: 'terraform/efs-not-encrypted',
  meta: {
    title: 'EFS file system is not encrypted',
    description: 'EFS encryption at rest can only be chosen when the file system is created; an unencrypted one has to be copied to a new file system later.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_42' }, { tool: 'tfsec', id: 'aws-efs-enable-at-rest-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const fs of mod.resources('aws_efs_file_system')) {
      const f = flag(mod, fs, 'encrypted', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(fs.labels[1] ?? '') });
      } else if (f.state === 'missing') {
        ctx.report(fs, { range: fs.headerRange, message: message(fs.labels[1] ?? '') });
      }
    }
  },
});

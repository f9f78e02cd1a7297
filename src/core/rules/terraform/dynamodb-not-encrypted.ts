import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for a table without customer-managed encryption. */
export function message(name: string): string {
  return `Table '${name}' is encrypted only with an AWS-owned key: add server_side_encryption { enabled = true } (with kms_key_arn for a customer-managed key) to control and audit key use`;
}

/** DynamoDB tables should use KMS server-side encryption. */
export const rule = terraformRule({
  id: 'terraform/dynamodb-not-encrypted',
  meta: {
    title: 'DynamoDB table without KMS encryption',
    description: 'With the default AWS-owned key nobody can audit, restrict or revoke use of the key; a KMS key gives CloudTrail records and key policies.',
    severity: 'info',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_119' }, { tool: 'tfsec', id: 'aws-dynamodb-enable-at-rest-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const t of mod.resources('aws_dynamodb_table')) {
      const sse = mod.nested(t, 'server_side_encryption');
      if (sse.length === 0) {
        ctx.report(t, { range: t.headerRange, message: message(t.labels[1] ?? '') });
        continue;
      }
      for (const s of sse) {
        const f = flag(mod, s, 'enabled', true);
        if (f.state === 'wrong') {
          ctx.report(f.attr, { range: ctx.at(f.attr), message: message(t.labels[1] ?? '') });
        } else if (f.state === 'missing') {
          ctx.report((s.dynamic ?? s.block), { range: (s.dynamic ?? s.block).headerRange, message: message(t.labels[1] ?? '') });
        }
      }
    }
  },
});

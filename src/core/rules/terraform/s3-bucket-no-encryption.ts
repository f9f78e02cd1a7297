import { terraformRule } from './support/rule';
import { companionsOf } from './support/companions';

/** The message for a bucket without a server-side encryption configuration. */
export function message(bucket: string): string {
  return `Bucket '${bucket}' declares no server-side encryption: add an aws_s3_bucket_server_side_encryption_configuration (SSE-KMS for sensitive data) so encryption at rest is explicit`;
}

/**
 * Buckets need a server-side encryption configuration: the inline block (AWS provider v3) or an
 * `aws_s3_bucket_server_side_encryption_configuration` in the same file.
 */
export const rule = terraformRule({
  id: 'terraform/s3-bucket-no-encryption',
  meta: {
    title: 'S3 bucket without server-side encryption',
    description: 'Without an encryption configuration the bucket relies on the default: since January 2023 S3 encrypts every new object with SSE-S3 (Amazon-managed keys) when nothing is declared, so the data is encrypted at rest either way. Declaring SSE-S3 or SSE-KMS makes the choice explicit, auditable and key-controlled; a reviewer decides whether the data needs a customer-managed key, so this is said at info.',
    severity: 'info',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_19' }, { tool: 'checkov', id: 'CKV_AWS_145' }, { tool: 'tfsec', id: 'aws-s3-enable-bucket-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const b of mod.resources('aws_s3_bucket')) {
      if (mod.nested(b, 'server_side_encryption_configuration').length > 0) {
        continue;
      }
      const c = companionsOf(mod, b, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket');
      if (c.matched.length === 0 && !c.unknownTarget) {
        ctx.report(b, { range: b.headerRange, message: message(b.labels[1] ?? '') });
      }
    }
  },
});

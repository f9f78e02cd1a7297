import { terraformRule } from './support/rule';
import { companionsOf } from './support/companions';
import { bool, str } from './support/values';

/** The message for a bucket without versioning. */
export function message(bucket: string, status?: string): string {
  if (status) {
    return `Versioning of bucket '${bucket}' is ${status}: set it to Enabled so overwritten and deleted objects can be recovered`;
  }
  return `Bucket '${bucket}' has no versioning: add an aws_s3_bucket_versioning with status "Enabled" so overwritten and deleted objects can be recovered`;
}

/** Buckets need versioning enabled (inline `versioning` block or `aws_s3_bucket_versioning`). */
export const rule = terraformRule({
  id: 'terraform/s3-bucket-no-versioning',
  meta: {
    title: 'S3 bucket without versioning',
    description: 'Without versioning an overwrite or delete, accidental or malicious (ransomware), destroys the only copy of an object. Whether that matters depends on what the bucket holds (access logs, caches and expiring exports seldom need versions, and versions cost storage), so this is said at info.',
    severity: 'info',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_21' }, { tool: 'tfsec', id: 'aws-s3-enable-versioning' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const v of mod.resources('aws_s3_bucket_versioning')) {
      for (const conf of mod.nested(v, 'versioning_configuration')) {
        const status = mod.attr(conf, 'status');
        const s = str(status?.value);
        if (status && s !== undefined && s !== 'Enabled') {
          ctx.report(status.attr, { range: ctx.at(status.attr), message: message(v.labels[1] ?? '', s) });
        }
      }
    }
    for (const b of mod.resources('aws_s3_bucket')) {
      const inline = mod.nested(b, 'versioning');
      if (inline.length > 0) {
        for (const i of inline) {
          const enabled = mod.attr(i, 'enabled');
          if (!enabled) {
            ctx.report(i.block, { range: i.block.headerRange, message: message(b.labels[1] ?? '', 'not enabled') });
          } else if (bool(enabled.value) === false) {
            ctx.report(enabled.attr, { range: ctx.at(enabled.attr), message: message(b.labels[1] ?? '', 'disabled') });
          }
        }
        continue;
      }
      const c = companionsOf(mod, b, 'aws_s3_bucket_versioning', 'bucket');
      if (c.matched.length === 0 && !c.unknownTarget) {
        ctx.report(b, { range: b.headerRange, message: message(b.labels[1] ?? '') });
      }
    }
  },
});

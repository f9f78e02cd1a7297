import { terraformRule } from './support/rule';
import { companionsOf } from './support/companions';
import { referencesIn } from './support/report';
import { str } from './support/values';

/** The message for a bucket without server access logging. */
export function message(bucket: string): string {
  return `Bucket '${bucket}' has no access logging: add an aws_s3_bucket_logging that sends server access logs to a log bucket`;
}

/**
 * Buckets need server access logging (inline `logging` block or `aws_s3_bucket_logging`), except
 * the buckets that receive logs themselves.
 */
export const rule = terraformRule({
  id: 'terraform/s3-bucket-no-access-logging',
  meta: {
    title: 'S3 bucket without access logging',
    description: 'Server access logs are the record of who read or changed which object; without them an incident on the bucket cannot be investigated.',
    severity: 'info',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_18' }, { tool: 'tfsec', id: 'aws-s3-enable-bucket-logging' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    // buckets that receive logs are not expected to log into themselves
    const targets = new Set<string>();
    for (const owner of [...mod.resources('aws_s3_bucket_logging'), ...mod.resources('aws_s3_bucket').flatMap((b) => mod.nested(b, 'logging').map((l) => l.block))]) {
      const t = owner.attributes.find((a) => a.name === 'target_bucket');
      for (const p of referencesIn(t?.value)) {
        if (p[0] === 'aws_s3_bucket' && p[1]) {
          targets.add(p[1]);
        }
      }
      const lit = t && t.value.type === 'string' ? String(t.value.value) : undefined;
      if (lit) {
        targets.add(`literal:${lit}`);
      }
    }
    for (const b of mod.resources('aws_s3_bucket')) {
      const name = b.labels[1] ?? '';
      const bucketName = str(mod.attr(b, 'bucket')?.value);
      if (targets.has(name) || (bucketName && targets.has(`literal:${bucketName}`)) || /log/i.test(name) || /log/i.test(bucketName ?? '')) {
        continue;
      }
      if (str(mod.attr(b, 'acl')?.value) === 'log-delivery-write' || mod.nested(b, 'logging').length > 0) {
        continue;
      }
      const c = companionsOf(mod, b, 'aws_s3_bucket_logging', 'bucket');
      if (c.matched.length === 0 && !c.unknownTarget) {
        ctx.report(b, { range: b.headerRange, message: message(name) });
      }
    }
  },
});

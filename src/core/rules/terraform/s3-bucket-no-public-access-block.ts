import { terraformRule } from './support/rule';
import { companionsOf } from './support/companions';
import { bool } from './support/values';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** The message for a bucket without a (complete) public access block. */
export function message(bucket: string, missing?: readonly string[]): string {
  if (!missing) {
    return `Bucket '${bucket}' has no aws_s3_bucket_public_access_block: add one with all four settings true so no ACL or policy can make it public`;
  }
  return `Public access block '${bucket}' does not set ${missing.join(', ')} to true: a public ACL or policy could still take effect`;
}

/**
 * Every bucket needs an `aws_s3_bucket_public_access_block` with the four settings true. The
 * companion is looked for in the same file; an account-wide block there also counts.
 */
export const rule = terraformRule({
  id: 'terraform/s3-bucket-no-public-access-block',
  meta: {
    title: 'S3 bucket without a complete public access block',
    description: 'The public access block is the guard rail that keeps a mistaken ACL or bucket policy from exposing data. Without it, or with a setting false, one wrong statement makes the bucket public.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV2_AWS_6' }, { tool: 'checkov', id: 'CKV_AWS_53' }, { tool: 'checkov', id: 'CKV_AWS_54' }, { tool: 'checkov', id: 'CKV_AWS_55' }, { tool: 'checkov', id: 'CKV_AWS_56' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const account = mod.resources('aws_s3_account_public_access_block').some((a) => FLAGS.every((f) => bool(mod.attr(a, f)?.value) !== false));
    for (const pab of mod.resources('aws_s3_bucket_public_access_block')) {
      const label = pab.labels[1] ?? '';
      const missing: string[] = [];
      for (const f of FLAGS) {
        const a = mod.attr(pab, f);
        const v = bool(a?.value);
        if (a && v === false) {
          ctx.report(a.attr, { range: ctx.at(a.attr), message: message(label, [f]) });
        } else if (!a) {
          missing.push(f);
        }
      }
      if (missing.length > 0) {
        ctx.report(pab, { range: pab.headerRange, message: message(label, missing) });
      }
    }
    if (account) {
      return;
    }
    for (const b of mod.resources('aws_s3_bucket')) {
      const c = companionsOf(mod, b, 'aws_s3_bucket_public_access_block', 'bucket');
      if (c.matched.length === 0 && !c.unknownTarget) {
        ctx.report(b, { range: b.headerRange, message: message(b.labels[1] ?? '') });
      }
    }
  },
});

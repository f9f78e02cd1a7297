import { terraformRule } from './support/rule';
import { policyOf, publicPrincipal, conditionMayRestrictCaller } from './support/policy';

/** The message for a bucket policy that allows everyone. */
export function message(bucket: string): string {
  return `The policy of bucket '${bucket}' allows Principal "*" without a Condition on the caller: anyone on the internet gets these actions; name the principals or add a condition (aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn)`;
}

/** Bucket policies must not allow the anonymous principal without conditions. */
export const rule = terraformRule({
  id: 'terraform/s3-bucket-public-policy',
  meta: {
    title: 'S3 bucket policy allows any principal',
    description: 'An Allow statement with Principal "*" (or AWS "*") and no Condition on the caller opens the bucket to the whole internet; conditions only on HTTPS, the Referer header or request headers restrict nobody.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_70' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const seen = new Set<string>();
    for (const b of mod.resources('aws_s3_bucket_policy', 'aws_s3_bucket')) {
      const policy = b.attributes.find((a) => a.name === 'policy');
      if (!policy) {
        continue;
      }
      const doc = policyOf(mod, policy);
      for (const st of doc?.statements ?? []) {
        if (st.effect !== 'Allow' || conditionMayRestrictCaller(st) || !publicPrincipal(st)) {
          continue;
        }
        const range = st.principalRange ?? st.range;
        const key = `${range.start.line}:${range.start.character}`;
        if (!seen.has(key)) {
          seen.add(key);
          if (doc) {
            ctx.report(doc.anchor, { range, message: message(b.labels[1] ?? '') });
          }
        }
      }
    }
  },
});

import { terraformRule } from './support/rule';
import { str } from './support/values';
import type { BlockInstance } from './support/values';

const PUBLIC_ACLS = ['public-read', 'public-read-write', 'authenticated-read'];
const PUBLIC_GRANTEES = /\/groups\/global\/(AllUsers|AuthenticatedUsers)$/;

/** The message for a bucket ACL that grants access to everyone. */
export function message(bucket: string, acl: string): string {
  return `Bucket '${bucket}' is made public by the ACL '${acl}': use "private" and share objects through CloudFront or presigned URLs`;
}

/** S3 buckets must not use canned or explicit ACLs that grant access to all (authenticated) users. */
export const rule = terraformRule({
  id: 'terraform/s3-bucket-public-acl',
  meta: {
    title: 'S3 bucket ACL grants public access',
    description: 'The canned ACLs public-read, public-read-write and authenticated-read, and grants to the AllUsers or AuthenticatedUsers groups, expose the bucket to anyone with an AWS account or to the whole internet.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_20' }, { tool: 'checkov', id: 'CKV_AWS_57' }, { tool: 'tfsec', id: 'aws-s3-no-public-access-with-acl' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const grants = (owner: string, grantsOf: BlockInstance[]): void => {
      for (const g of grantsOf) {
        const direct = mod.attr(g, 'uri');
        const grantees = [g, ...mod.nested(g, 'grantee')].map((x) => mod.attr(x, 'uri')).filter((x) => x !== undefined);
        for (const uri of direct ? [direct] : grantees) {
          const v = str(uri.value);
          if (v && PUBLIC_GRANTEES.test(v)) {
            ctx.report(uri.attr, { range: ctx.at(uri.attr), message: message(owner, v.replace(/^.*\//, '')) });
          }
        }
      }
    };
    for (const b of mod.resources('aws_s3_bucket', 'aws_s3_bucket_acl')) {
      const acl = mod.attr(b, 'acl');
      const value = str(acl?.value);
      const owner = b.labels[1] ?? '';
      if (acl && value && PUBLIC_ACLS.includes(value)) {
        ctx.report(acl.attr, { range: ctx.at(acl.attr), message: message(owner, value) });
      }
      grants(owner, mod.nested(b, 'grant'));
      for (const acp of mod.nested(b, 'access_control_policy')) {
        grants(owner, mod.nested(acp, 'grant'));
      }
    }
  },
});

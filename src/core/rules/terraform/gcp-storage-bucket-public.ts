import { terraformRule } from './support/rule';
import { listOf, str } from './support/values';

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

/** The message for a Cloud Storage bucket granted to everyone. */
export function message(resource: string, member: string): string {
  return `'${resource}' grants the bucket to ${member}: everyone on the internet${member === 'allAuthenticatedUsers' ? ' with a Google account' : ''} can use it; grant named users, groups or service accounts`;
}

/** Cloud Storage buckets must not be granted to allUsers or allAuthenticatedUsers. */
export const rule = terraformRule({
  id: 'terraform/gcp-storage-bucket-public',
  meta: {
    title: 'Cloud Storage bucket is public',
    description: 'IAM members or ACL entities allUsers and allAuthenticatedUsers make a bucket readable (or writable) by anyone.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_GCP_28' }, { tool: 'tfsec', id: 'google-storage-no-public-access' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const r of mod.resources('google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding', 'google_storage_bucket_access_control', 'google_storage_default_object_access_control', 'google_storage_object_access_control')) {
      for (const name of ['member', 'members', 'entity']) {
        const a = mod.attr(r, name);
        const hit = (listOf(a?.value) ?? []).map((v) => str(v)).find((m) => m !== undefined && PUBLIC.has(m));
        if (a && hit) {
          ctx.report(a.attr, { range: ctx.at(a.attr), message: message(r.labels.join('.'), hit) });
        }
      }
    }
    for (const p of mod.resources('google_storage_bucket_iam_policy')) {
      const data = p.attributes.find((a) => a.name === 'policy_data');
      if (data && /"(allUsers|allAuthenticatedUsers)"/.test(data.value.raw)) {
        ctx.report(data, { range: ctx.at(data), message: message(p.labels.join('.'), /allAuthenticatedUsers/.test(data.value.raw) ? 'allAuthenticatedUsers' : 'allUsers') });
      }
    }
    for (const d of mod.dataSources('google_iam_policy')) {
      for (const b of mod.nested(d, 'binding')) {
        const members = mod.attr(b, 'members');
        const hit = (listOf(members?.value) ?? []).map((v) => str(v)).find((m) => m !== undefined && PUBLIC.has(m));
        if (members && hit) {
          ctx.report(members.attr, { range: ctx.at(members.attr), message: message(d.labels.join('.'), hit) });
        }
      }
    }
  },
});

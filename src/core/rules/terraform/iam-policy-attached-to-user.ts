import { terraformRule } from './support/rule';
import { listOf } from './support/values';

/** The message for a policy attached directly to a user. */
export function message(resource: string): string {
  return `'${resource}' attaches a policy directly to a user: attach it to a group or a role and make users members, so access is managed in one place`;
}

/** IAM policies should be attached to groups or roles, not users. */
export const rule = terraformRule({
  id: 'terraform/iam-policy-attached-to-user',
  meta: {
    title: 'IAM policy attached directly to a user',
    description: 'Permissions attached user by user drift apart and are forgotten when people change teams; groups and roles keep access reviewable.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_40' }, { tool: 'tfsec', id: 'aws-iam-no-user-attached-policies' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const r of mod.resources('aws_iam_user_policy', 'aws_iam_user_policy_attachment')) {
      ctx.report(r, { range: r.headerRange, message: message(r.labels.join('.')) });
    }
    for (const r of mod.resources('aws_iam_policy_attachment')) {
      const users = mod.attr(r, 'users');
      const list = listOf(users?.value);
      if (users && (list === undefined || list.length > 0) && users.value.kind !== 'null') {
        if (list === undefined && users.value.kind === 'unknown' && users.attr.value.type !== 'reference') {
          continue;
        }
        ctx.report(users.attr, { range: ctx.at(users.attr), message: message(r.labels.join('.')) });
      }
    }
  },
});

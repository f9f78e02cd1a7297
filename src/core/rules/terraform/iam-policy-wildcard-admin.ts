import { terraformRule } from './support/rule';
import { hasWildcard } from './support/policy';
import { allows, policiesOf } from './support/policies';

/** The message for a policy granting every action on every resource. */
export function message(where: string): string {
  return `${where} allows Action "*" on Resource "*" (full administrator): grant only the actions and resources the workload needs`;
}

const IAM_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];

/** IAM policies must not grant "*" on "*". */
export const rule = terraformRule({
  id: 'terraform/iam-policy-wildcard-admin',
  meta: {
    title: 'IAM policy grants full administrator access',
    description: 'An Allow statement with Action "*" and Resource "*" gives whoever holds the policy control of the whole account, including IAM itself.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_62' }, { tool: 'checkov', id: 'CKV_AWS_1' }, { tool: 'checkov', id: 'CKV_AWS_63' }, { tool: 'tfsec', id: 'aws-iam-no-policy-wildcards' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const used of policiesOf(mod, IAM_TYPES)) {
      // a policy document that only feeds a resource policy (bucket, queue…) is not an IAM grant
      if (used.users.length > 0 && !used.users.some((u) => IAM_TYPES.includes(u.labels[0] ?? ''))) {
        continue;
      }
      const where = used.doc.dataSource ? `Policy document '${used.doc.dataSource.labels[1] ?? ''}'` : `Policy of '${used.resource?.labels[1] ?? ''}'`;
      for (const st of allows(used.doc)) {
        if (hasWildcard(st.actions, ['*:*']) && hasWildcard(st.resources) && st.principals.length === 0) {
          ctx.report(used.doc.anchor, { range: st.actionsRange ?? st.range, message: message(where) });
        }
      }
    }
  },
});

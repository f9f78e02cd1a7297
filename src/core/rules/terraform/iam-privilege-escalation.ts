import { terraformRule } from './support/rule';
import { hasWildcard } from './support/policy';
import type { PolicyStatement } from './support/policy';
import { allows, policiesOf } from './support/policies';
import { str } from './support/values';

/** The message for a policy that lets its holder grant itself more. */
export function message(where: string, actions: string, how: string): string {
  return `${where} allows ${actions} on every resource: ${how}. Scope Resource to the roles, users or policies it must manage`;
}

const IAM_TYPES = ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy', 'aws_iam_role'];

/** Ways to gain permissions, after the public research on IAM privilege escalation. */
const PATHS: readonly { actions: readonly string[]; how: string }[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'a new default version of any managed policy can grant anything' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'an older, broader version of a policy can be made the active one' },
  { actions: ['iam:AttachUserPolicy'], how: 'AdministratorAccess can be attached to any user' },
  { actions: ['iam:AttachGroupPolicy'], how: 'AdministratorAccess can be attached to any group' },
  { actions: ['iam:AttachRolePolicy'], how: 'AdministratorAccess can be attached to any role' },
  { actions: ['iam:PutUserPolicy'], how: 'an inline policy granting anything can be written on any user' },
  { actions: ['iam:PutGroupPolicy'], how: 'an inline policy granting anything can be written on any group' },
  { actions: ['iam:PutRolePolicy'], how: 'an inline policy granting anything can be written on any role' },
  { actions: ['iam:AddUserToGroup'], how: 'any user can be added to an administrators group' },
  { actions: ['iam:CreateAccessKey'], how: 'access keys can be minted for any user, administrators included' },
  { actions: ['iam:CreateLoginProfile'], how: 'a console password can be set on any user without one' },
  { actions: ['iam:UpdateLoginProfile'], how: "any user's console password can be reset" },
  { actions: ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'], how: 'any role can be made assumable, then assumed' },
  { actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'an instance can be started with any role and its credentials read from the metadata service' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction'], how: 'a function can be created with any role and run with its permissions' },
  { actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'a Glue endpoint can be created with any role and logged into' },
  { actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'a stack can be deployed with any role, creating whatever that role may create' },
  { actions: ['iam:PassRole', 'datapipeline:CreatePipeline'], how: 'a pipeline can run commands with any role' },
  { actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'], how: 'a task can be run with any role as its task role' },
  { actions: ['iam:PassRole', 'codebuild:CreateProject'], how: 'a build can run commands with any role' },
  { actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance'], how: 'a notebook can be opened with any role' },
  { actions: ['lambda:UpdateFunctionCode'], how: 'the code of any function can be replaced and run with that function’s role' },
];

/** Whether a policy action pattern (`iam:Put*`, `iam:*`) grants `action`. IAM actions are case-insensitive. */
export function grants(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (!p.includes('*') && !p.includes('?')) {
    return p === a;
  }
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(a);
}

function granted(st: PolicyStatement, action: string): boolean {
  return (st.actions ?? []).some((v) => {
    const s = str(v);
    return s !== undefined && s !== '*' && grants(s, action);
  });
}

/** IAM policies must not let their holder escalate its own privileges. */
export const rule = terraformRule({
  id: 'terraform/iam-privilege-escalation',
  meta: {
    title: 'IAM policy allows privilege escalation',
    description: 'Some IAM actions on every resource let whoever holds them grant themselves more: write or attach any policy, mint keys or passwords for other users, or pass any role to compute they start. The policy is then as strong as the strongest role in the account.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_286' }, { tool: 'checkov', id: 'CKV_AWS_287' }, { tool: 'checkov', id: 'CKV_AWS_289' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const used of policiesOf(mod, IAM_TYPES)) {
      if (used.users.length > 0 && !used.users.some((u) => IAM_TYPES.includes(u.labels[0] ?? ''))) {
        continue;
      }
      // statements scoped by resource or condition are not counted: only grants on every resource
      const open = allows(used.doc).filter((st) => hasWildcard(st.resources) && !st.hasCondition && st.principals.length === 0 && !hasWildcard(st.actions, ['*:*']));
      if (open.length === 0) {
        continue;
      }
      const where = used.doc.dataSource ? `Policy document '${used.doc.dataSource.labels[1] ?? ''}'` : `Policy of '${used.resource?.labels[1] ?? ''}'`;
      for (const path of PATHS) {
        const holders = path.actions.map((a) => open.find((st) => granted(st, a)));
        if (holders.every((h) => h !== undefined)) {
          const st = holders[holders.length - 1] as PolicyStatement;
          ctx.report(used.doc.anchor, { range: st.actionsRange ?? st.range, message: message(where, path.actions.join(' with '), path.how) });
          break;
        }
      }
    }
  },
});

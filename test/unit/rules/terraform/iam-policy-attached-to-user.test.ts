import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/iam-policy-attached-to-user';

tfTable('terraform/iam-policy-attached-to-user', [
  { what: 'managed policy attached to a user', input: `resource "aws_iam_user_policy_attachment" "ci" {\n  user       = aws_iam_user.ci.name\n  policy_arn = aws_iam_policy.deploy.arn\n}\n`, want: [1], messages: [message('aws_iam_user_policy_attachment.ci')] },
  { what: 'inline user policy', input: `resource "aws_iam_user_policy" "ci" {\n  user   = "ci"\n  policy = jsonencode({ Statement = [] })\n}\n`, want: [1] },
  { what: 'policy attachment with users', input: `resource "aws_iam_policy_attachment" "x" {\n  name       = "x"\n  users      = ["alice"]\n  policy_arn = aws_iam_policy.p.arn\n}\n`, want: [3] },
  { what: 'policy attachment with users from a variable default', files: { 'main.tf': `resource "aws_iam_policy_attachment" "x" {\n  name       = "x"\n  users      = var.users\n  policy_arn = aws_iam_policy.p.arn\n}\n`, 'variables.tf': `variable "users" {\n  default = ["bob"]\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'attachment to groups and roles', input: `resource "aws_iam_group_policy_attachment" "devs" {\n  group      = aws_iam_group.devs.name\n  policy_arn = aws_iam_policy.p.arn\n}\nresource "aws_iam_policy_attachment" "r" {\n  name       = "r"\n  roles      = [aws_iam_role.app.name]\n  users      = []\n  policy_arn = aws_iam_policy.p.arn\n}\n`, want: [] },
]);

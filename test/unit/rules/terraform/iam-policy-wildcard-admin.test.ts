import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/iam-policy-wildcard-admin';

tfTable('terraform/iam-policy-wildcard-admin', [
  { what: 'jsonencode policy', input: `resource "aws_iam_policy" "admin" {\n  name = "admin"\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n`, want: [7], messages: [message("Policy of 'admin'")] },
  { what: 'heredoc JSON with lists', input: `resource "aws_iam_role_policy" "ci" {\n  role   = aws_iam_role.ci.id\n  policy = <<-EOT\n    {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Action": ["*"],\n        "Resource": ["*"]\n      }]\n    }\n  EOT\n}\n`, want: [8] },
  { what: 'aws_iam_policy_document data source', input: `data "aws_iam_policy_document" "admin" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n`, want: [3], messages: [message("Policy document 'admin'")] },
  { what: 'escaped JSON string', input: `resource "aws_iam_user_policy" "u" {\n  user   = "ci"\n  policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}"\n}\n`, want: [3] },
  { what: 'actions through a local in another file', files: { 'iam.tf': `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = local.actions, Resource = "*" }]\n  })\n}\n`, 'locals.tf': `locals {\n  actions = ["*"]\n}\n` }, want: { 'iam.tf': [3], 'locals.tf': [] } },
  { what: 'scoped actions', input: `resource "aws_iam_policy" "read" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]\n  })\n}\n`, want: [] },
  { what: 'deny everything', input: `data "aws_iam_policy_document" "deny" {\n  statement {\n    effect    = "Deny"\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n`, want: [] },
  { what: 'wildcard action on one resource', input: `resource "aws_iam_policy" "bucket" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::acme-data/*" }]\n  })\n}\n`, want: [] },
]);

// Regression corpus (issue 17): Terraform shapes met on public repositories, written here.
import { corpusTable } from '../../helpers/corpus';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const searchDomain = (name: string, vpc: boolean): string[] => [
  `resource "aws_opensearch_domain" "${name}" {`,
  `  domain_name    = "${name}"`,
  '  engine_version = "OpenSearch_2.13"',
  ...(vpc ? ['  vpc_options {', '    subnet_ids         = [var.subnet_id]', '    security_group_ids = [var.search_sg_id]', '  }'] : []),
  `  access_policies = data.aws_iam_policy_document.${name}_access.json`,
  '}',
  `data "aws_iam_policy_document" "${name}_access" {`,
  '  statement {',
  '    principals {',
  '      type        = "AWS"',
  '      identifiers = ["*"]',
  '    }',
  '    actions   = ["es:*"]',
  `    resources = ["arn:aws:es:eu-west-1:111122223333:domain/${name}/*"]`,
  '  }',
  '}',
];

corpusTable('regression: terraform', [
  {
    what: 'an open access policy on a search domain inside a VPC is a warning (its security groups decide who reaches it); on a public domain an error',
    rule: 'terraform/iam-wildcard-principal',
    files: { 'search/main.tf': lines(...searchDomain('internal', true), ...searchDomain('public', false)) },
    want: [
      { path: 'search/main.tf', line: 14, severity: 'warning' },
      { path: 'search/main.tf', line: 29, severity: 'error' },
    ],
  },
]);

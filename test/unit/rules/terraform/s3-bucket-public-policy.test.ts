import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/s3-bucket-public-policy';

tfTable('terraform/s3-bucket-public-policy', [
  {
    what: 'jsonencode policy with Principal "*"',
    input: `resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`,
    want: [7],
    messages: [message('site')],
  },
  {
    what: 'heredoc JSON with AWS "*"',
    input: `resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"},
      "Action": "s3:*",
      "Resource": ["\${aws_s3_bucket.b.arn}", "\${aws_s3_bucket.b.arn}/*"]
    }
  ]
}
POLICY
}
`,
    want: [9],
  },
  {
    what: 'policy document data source in another file',
    files: {
      'main.tf': `resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = data.aws_iam_policy_document.public.json\n}\n`,
      'policies.tf': `data "aws_iam_policy_document" "public" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::acme-site/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\n`,
    },
    want: { 'main.tf': [], 'policies.tf': [7] },
  },
  { what: 'policy in a local', input: `locals {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = { AWS = ["*"] }, Action = "s3:GetObject", Resource = "*" }]\n  })\n}\nresource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = local.policy\n}\n`, want: [3] },
  { what: 'public principal limited by a condition', input: `resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::b/*"\n      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1a2b3c4d" } }\n    }]\n  })\n}\n`, want: [] },
  { what: 'deny statement and named principal', input: `resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [\n      { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = "arn:aws:s3:::b/*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },\n      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" },\n    ]\n  })\n}\n`, want: [] },
  {
    what: 'a Condition only on HTTPS still lets anyone in',
    input: `resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}
`,
    want: [6],
  },
  {
    what: 'a Referer condition is sent by the client',
    input: `data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::site/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:Referer"
      values   = ["https://www.example.com/*"]
    }
  }
}
resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}
`,
    want: [7],
  },
  {
    what: 'a condition on the VPC endpoint restricts the caller',
    input: `resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { Bool = { "aws:SecureTransport" = "true" }, StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d" } }
    }]
  })
}
`,
    want: [],
  },
]);

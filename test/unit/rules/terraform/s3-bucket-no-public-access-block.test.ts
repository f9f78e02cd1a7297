import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/s3-bucket-no-public-access-block';

const bucket = `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`;
const pab = (flags: string) => `resource "aws_s3_bucket_public_access_block" "data" {\n  bucket = aws_s3_bucket.data.id\n${flags}}\n`;
const all = `  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n`;

tfTable('terraform/s3-bucket-no-public-access-block', [
  { what: 'bucket without a block', input: bucket, want: [1], messages: [message('data')] },
  { what: 'complete block beside the bucket', input: bucket + pab(all), want: [] },
  { what: 'complete block in another file', files: { 'main.tf': bucket, 's3-security.tf': pab(all) }, want: { 'main.tf': [], 's3-security.tf': [] } },
  { what: 'one setting false', input: bucket + pab(all.replace('block_public_policy     = true', 'block_public_policy     = false')), want: [7] },
  { what: 'settings missing', input: bucket + pab(`  block_public_acls = true\n`), want: [4] },
  { what: 'setting through a variable default', files: { 'main.tf': bucket + pab(all.replace('restrict_public_buckets = true', 'restrict_public_buckets = var.restrict')), 'variables.tf': `variable "restrict" {\n  default = false\n}\n` }, want: { 'main.tf': [9], 'variables.tf': [] } },
  { what: 'companion for all buckets through for_each', input: `resource "aws_s3_bucket" "b" {\n  for_each = toset(["a", "b"])\n  bucket   = "acme-\${each.key}"\n}\nresource "aws_s3_bucket_public_access_block" "b" {\n  for_each                = aws_s3_bucket.b\n  bucket                  = each.value.id\n${all}}\n`, want: [] },
  { what: 'account-wide block', input: bucket + `resource "aws_s3_account_public_access_block" "this" {\n${all}}\n`, want: [] },
]);

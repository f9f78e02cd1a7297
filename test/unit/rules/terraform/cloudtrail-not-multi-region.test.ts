import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/cloudtrail-not-multi-region';

tfTable('terraform/cloudtrail-not-multi-region', [
  { what: 'single region by default', input: `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n}\n`, want: [1], messages: [message('main')] },
  { what: 'explicitly single region', input: `resource "aws_cloudtrail" "main" {\n  is_multi_region_trail = false\n}\n`, want: [2] },
  { what: 'through a variable default', files: { 'main.tf': `resource "aws_cloudtrail" "main" {\n  is_multi_region_trail = var.multi_region\n}\n`, 'variables.tf': `variable "multi_region" {\n  default = false\n}\n` }, want: { 'main.tf': [2], 'variables.tf': [] } },
  { what: 'multi-region', input: `resource "aws_cloudtrail" "main" {\n  is_multi_region_trail = true\n}\n`, want: [] },
  { what: 'unknown', input: `resource "aws_cloudtrail" "main" {\n  is_multi_region_trail = var.multi_region\n}\n`, want: [] },
]);

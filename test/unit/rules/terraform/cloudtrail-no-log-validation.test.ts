import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/cloudtrail-no-log-validation';

tfTable('terraform/cloudtrail-no-log-validation', [
  { what: 'validation not set', input: `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n}\n`, want: [1], messages: [message('main')] },
  { what: 'validation off', input: `resource "aws_cloudtrail" "main" {\n  enable_log_file_validation = false\n}\n`, want: [2] },
  { what: 'off through a local', input: `locals {\n  validate = false\n}\nresource "aws_cloudtrail" "main" {\n  enable_log_file_validation = local.validate\n}\n`, want: [5] },
  { what: 'validation on', input: `resource "aws_cloudtrail" "main" {\n  enable_log_file_validation = true\n}\n`, want: [] },
  { what: 'from an unset variable', input: `resource "aws_cloudtrail" "main" {\n  enable_log_file_validation = var.validate\n}\n`, want: [] },
]);

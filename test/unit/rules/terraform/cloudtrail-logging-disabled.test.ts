import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/cloudtrail-logging-disabled';

tfTable('terraform/cloudtrail-logging-disabled', [
  { what: 'logging turned off', input: `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n  enable_logging = false\n}\n`, want: [4], messages: [message('main')] },
  { what: 'off as a string', input: `resource "aws_cloudtrail" "main" {\n  enable_logging = "false"\n}\n`, want: [2] },
  { what: 'off through a local', input: `locals {\n  logging = false\n}\nresource "aws_cloudtrail" "main" {\n  enable_logging = local.logging\n}\n`, want: [5] },
  { what: 'default (logging)', input: `resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-trail"\n}\n`, want: [] },
  { what: 'explicitly on', input: `resource "aws_cloudtrail" "main" {\n  enable_logging = true\n}\n`, want: [] },
]);

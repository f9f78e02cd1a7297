import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/dynamodb-no-point-in-time-recovery';

const table = (body: string) => `resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n${body}}\n`;

tfTable('terraform/dynamodb-no-point-in-time-recovery', [
  { what: 'no recovery block', input: table(''), want: [1], messages: [message('orders')] },
  { what: 'recovery disabled', input: table(`  point_in_time_recovery {\n    enabled = false\n  }\n`), want: [5] },
  { what: 'disabled through a variable default', files: { 'main.tf': table(`  point_in_time_recovery {\n    enabled = var.pitr\n  }\n`), 'variables.tf': `variable "pitr" {\n  default = false\n}\n` }, want: { 'main.tf': [5], 'variables.tf': [] } },
  { what: 'recovery enabled', input: table(`  point_in_time_recovery {\n    enabled = true\n  }\n`), want: [] },
  { what: 'recovery via a dynamic block', input: table(`  dynamic "point_in_time_recovery" {\n    for_each = [true]\n    content {\n      enabled = point_in_time_recovery.value\n    }\n  }\n`), want: [] },
]);

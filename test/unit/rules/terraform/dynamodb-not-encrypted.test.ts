import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/dynamodb-not-encrypted';

const table = (body: string) => `resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n${body}}\n`;

tfTable('terraform/dynamodb-not-encrypted', [
  { what: 'no server_side_encryption block', input: table(''), want: [1], messages: [message('orders')] },
  { what: 'encryption disabled', input: table(`  server_side_encryption {\n    enabled = false\n  }\n`), want: [5] },
  { what: 'disabled through a local', input: `locals {\n  sse = false\n}\n` + table(`  server_side_encryption {\n    enabled = local.sse\n  }\n`), want: [8] },
  { what: 'KMS encryption', input: table(`  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.ddb.arn\n  }\n`), want: [] },
  { what: 'set through a dynamic block', input: table(`  dynamic "server_side_encryption" {\n    for_each = var.kms_key_arn == null ? [] : [1]\n    content {\n      enabled     = true\n      kms_key_arn = var.kms_key_arn\n    }\n  }\n`), want: [] },
]);

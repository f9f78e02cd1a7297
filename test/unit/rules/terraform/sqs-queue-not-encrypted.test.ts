import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/sqs-queue-not-encrypted';

tfTable('terraform/sqs-queue-not-encrypted', [
  { what: 'queue without encryption settings', input: `resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n`, want: [1], messages: [message('jobs')] },
  { what: 'SSE-SQS turned off', input: `resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = false\n}\n`, want: [3] },
  { what: 'turned off through a local', input: `locals {\n  sse = false\n}\nresource "aws_sqs_queue" "jobs" {\n  sqs_managed_sse_enabled = local.sse\n}\n`, want: [5] },
  { what: 'KMS key', input: `resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = "alias/aws/sqs"\n}\n`, want: [] },
  { what: 'an empty key id names no key', input: `resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = ""\n}\n`, want: [3] },
  { what: 'an empty key id beside SSE-SQS', input: `resource "aws_sqs_queue" "jobs" {\n  kms_master_key_id       = ""\n  sqs_managed_sse_enabled = true\n}\n`, want: [] },
  { what: 'SSE-SQS on', input: `resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = true\n}\n`, want: [] },
]);

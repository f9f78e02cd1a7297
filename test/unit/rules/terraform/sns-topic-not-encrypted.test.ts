import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/sns-topic-not-encrypted';

tfTable('terraform/sns-topic-not-encrypted', [
  { what: 'topic without a key', input: `resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n`, want: [1], messages: [message('alerts')] },
  { what: 'empty key', input: `resource "aws_sns_topic" "alerts" {\n  name              = "alerts"\n  kms_master_key_id = ""\n}\n`, want: [3] },
  { what: 'empty key through a variable default', files: { 'main.tf': `resource "aws_sns_topic" "alerts" {\n  kms_master_key_id = var.kms_key\n}\n`, 'variables.tf': `variable "kms_key" {\n  default = ""\n}\n` }, want: { 'main.tf': [2], 'variables.tf': [] } },
  { what: 'AWS managed key', input: `resource "aws_sns_topic" "alerts" {\n  kms_master_key_id = "alias/aws/sns"\n}\n`, want: [] },
  { what: 'customer managed key', input: `resource "aws_sns_topic" "alerts" {\n  kms_master_key_id = aws_kms_key.sns.id\n}\n`, want: [] },
]);

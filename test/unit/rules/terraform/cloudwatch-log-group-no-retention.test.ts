import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/cloudwatch-log-group-no-retention';

tfTable('terraform/cloudwatch-log-group-no-retention', [
  { what: 'no retention', input: `resource "aws_cloudwatch_log_group" "app" {\n  name = "/ecs/app"\n}\n`, want: [1], messages: [message('app')] },
  { what: 'retention 0 (never expire)', input: `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/ecs/app"\n  retention_in_days = 0\n}\n`, want: [3] },
  { what: '0 through a variable default', files: { 'main.tf': `resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.retention\n}\n`, 'variables.tf': `variable "retention" {\n  default = 0\n}\n` }, want: { 'main.tf': [2], 'variables.tf': [] } },
  { what: 'a year', input: `resource "aws_cloudwatch_log_group" "app" {\n  name              = "/ecs/app"\n  retention_in_days = 365\n}\n`, want: [] },
  { what: 'from a variable', input: `resource "aws_cloudwatch_log_group" "app" {\n  retention_in_days = var.retention\n}\n`, want: [] },
]);

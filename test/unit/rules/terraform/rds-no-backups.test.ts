import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/rds-no-backups';

tfTable('terraform/rds-no-backups', [
  { what: 'retention 0', input: `resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 0\n}\n`, want: [3], messages: [message('db')] },
  { what: 'retention "0" through a local', input: `locals {\n  retention = "0"\n}\nresource "aws_db_instance" "db" {\n  backup_retention_period = local.retention\n}\n`, want: [5] },
  { what: 'through a variable default in another file', files: { 'main.tf': `resource "aws_db_instance" "db" {\n  backup_retention_period = var.retention\n}\n`, 'variables.tf': `variable "retention" {\n  default = 0\n}\n` }, want: { 'main.tf': [2], 'variables.tf': [] } },
  { what: 'seven days', input: `resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\n`, want: [] },
  { what: 'default retention', input: `resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n`, want: [] },
  { what: 'read replica without backups', input: `resource "aws_db_instance" "replica" {\n  replicate_source_db     = aws_db_instance.db.identifier\n  backup_retention_period = 0\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/rds-no-deletion-protection';

tfTable('terraform/rds-no-deletion-protection', [
  { what: 'instance without deletion protection', input: `resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n`, want: [1], messages: [message('db')] },
  { what: 'cluster with protection off', input: `resource "aws_rds_cluster" "c" {\n  engine              = "aurora-postgresql"\n  deletion_protection = false\n}\n`, want: [3] },
  { what: 'off through a variable default', files: { 'main.tf': `resource "aws_db_instance" "db" {\n  deletion_protection = var.deletion_protection\n}\n`, 'variables.tf': `variable "deletion_protection" {\n  default = false\n}\n` }, want: { 'main.tf': [2], 'variables.tf': [] } },
  { what: 'protected', input: `resource "aws_db_instance" "db" {\n  deletion_protection = true\n}\n`, want: [] },
  { what: 'conditional on the environment is unknown', input: `resource "aws_db_instance" "db" {\n  deletion_protection = var.env == "prod"\n}\n`, want: [] },
]);

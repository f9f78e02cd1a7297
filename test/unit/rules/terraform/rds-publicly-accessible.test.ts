import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/rds-publicly-accessible';

tfTable('terraform/rds-publicly-accessible', [
  { what: 'instance publicly accessible', input: `resource "aws_db_instance" "db" {\n  engine              = "postgres"\n  instance_class      = "db.t4g.micro"\n  publicly_accessible = true\n}\n`, want: [4], messages: [message('db')] },
  { what: 'aurora cluster instance', input: `resource "aws_rds_cluster_instance" "i" {\n  cluster_identifier  = aws_rds_cluster.c.id\n  instance_class      = "db.r6g.large"\n  publicly_accessible = "true"\n}\n`, want: [4] },
  { what: 'through a variable default in another file', files: { 'db.tf': `resource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n`, 'variables.tf': `variable "public" {\n  type    = bool\n  default = true\n}\n` }, want: { 'db.tf': [2], 'variables.tf': [] } },
  { what: 'through a local', input: `locals {\n  expose = true\n}\nresource "aws_db_instance" "db" {\n  publicly_accessible = local.expose\n}\n`, want: [5] },
  { what: 'Redshift cluster and DMS instance', input: `resource "aws_redshift_cluster" "dw" {\n  publicly_accessible = true\n}\nresource "aws_dms_replication_instance" "dms" {\n  publicly_accessible = true\n}\n`, want: [2, 5] },
  { what: 'private instance', input: `resource "aws_db_instance" "db" {\n  publicly_accessible = false\n}\n`, want: [] },
  { what: 'default (not set)', input: `resource "aws_db_instance" "db" {\n  engine = "mysql"\n}\n`, want: [] },
  { what: 'variable without default', input: `variable "public" {\n  type = bool\n}\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n`, want: [] },
]);

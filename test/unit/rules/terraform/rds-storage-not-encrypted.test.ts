import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/rds-storage-not-encrypted';

tfTable('terraform/rds-storage-not-encrypted', [
  { what: 'instance without storage_encrypted', input: `resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t4g.micro"\n}\n`, want: [1], messages: [message('db')] },
  { what: 'explicitly false', input: `resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = false\n}\n`, want: [3] },
  { what: 'aurora cluster without encryption', input: `resource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n}\n`, want: [1] },
  { what: 'false through a variable default', files: { 'main.tf': `resource "aws_rds_cluster" "c" {\n  engine            = "aurora-mysql"\n  storage_encrypted = var.encrypted\n}\n`, 'variables.tf': `variable "encrypted" {\n  default = false\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'Redshift, DocumentDB and Neptune clusters', input: `resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  encrypted          = false\n}\nresource "aws_docdb_cluster" "docs" {\n  engine = "docdb"\n}\nresource "aws_neptune_cluster" "graph" {\n  storage_encrypted = true\n}\n`, want: [3, 5], messages: [message('dw', 'encrypted'), message('docs')] },
  { what: 'encrypted', input: `resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn\n}\n`, want: [] },
  { what: 'read replica and aurora instance inherit', input: `resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\nresource "aws_db_instance" "aurora" {\n  engine = "aurora-mysql"\n}\n`, want: [] },
  { what: 'serverless v1 cluster', input: `resource "aws_rds_cluster" "s" {\n  engine      = "aurora-mysql"\n  engine_mode = "serverless"\n}\n`, want: [] },
]);

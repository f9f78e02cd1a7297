import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/elasticache-not-encrypted';

tfTable('terraform/elasticache-not-encrypted', [
  { what: 'neither at rest nor in transit', input: `resource "aws_elasticache_replication_group" "cache" {\n  replication_group_id = "cache"\n  description          = "sessions"\n}\n`, want: [1, 1], messages: [message('cache', 'at rest'), message('cache', 'in transit')] },
  { what: 'at rest disabled', input: `resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = false\n  transit_encryption_enabled = true\n}\n`, want: [2] },
  { what: 'transit disabled through a variable default', files: { 'main.tf': `resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = var.tls\n}\n`, 'variables.tf': `variable "tls" {\n  default = false\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'both enabled', input: `resource "aws_elasticache_replication_group" "cache" {\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n  kms_key_id                 = aws_kms_key.cache.arn\n}\n`, want: [] },
  { what: 'memcached has no such settings', input: `resource "aws_elasticache_replication_group" "m" {\n  engine = "memcached"\n}\n`, want: [] },
]);

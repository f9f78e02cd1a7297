import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/s3-bucket-no-access-logging';

const bucket = `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`;
const logs = `resource "aws_s3_bucket" "access_logs" {\n  bucket = "acme-access-logs"\n}\n`;
const logging = `resource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "data/"\n}\n`;

tfTable('terraform/s3-bucket-no-access-logging', [
  { what: 'bucket without logging', input: bucket, want: [1], messages: [message('data')] },
  { what: 'logging configured; the log bucket itself is exempt', input: bucket + logs + logging, want: [] },
  { what: 'logging in another file', files: { 'main.tf': bucket + logs, 'logging.tf': logging }, want: { 'main.tf': [], 'logging.tf': [] } },
  { what: 'target bucket named without "log"', input: bucket + `resource "aws_s3_bucket" "audit" {\n  bucket = "acme-audit"\n}\n` + logging.replace('access_logs', 'audit'), want: [] },
  { what: 'two buckets, one logged', input: bucket + `resource "aws_s3_bucket" "media" {\n  bucket = "acme-media"\n}\n` + logs + logging, want: [4] },
  { what: 'inline logging block (provider v3)', input: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  logging {\n    target_bucket = "acme-access-logs"\n  }\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/s3-bucket-no-encryption';

const bucket = `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`;
const sse = `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n`;

tfTable('terraform/s3-bucket-no-encryption', [
  { what: 'bucket without encryption', input: bucket, want: [1], messages: [message('data')] },
  { what: 'companion beside the bucket', input: bucket + sse, want: [] },
  { what: 'companion in another file of the module', files: { 'main.tf': bucket, 'encryption.tf': sse }, want: { 'main.tf': [], 'encryption.tf': [] } },
  { what: 'companion for another bucket only', input: bucket + `resource "aws_s3_bucket" "other" {\n  bucket = "acme-other"\n}\n` + sse.replace(/data/g, 'other'), want: [1] },
  { what: 'inline configuration (provider v3)', input: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}\n`, want: [] },
  { what: 'companion whose target cannot be told', input: bucket + sse.replace('aws_s3_bucket.data.id', 'var.bucket_id'), want: [] },
  { what: 'companion by literal bucket name', input: bucket + sse.replace('aws_s3_bucket.data.id', '"acme-data"'), want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/s3-bucket-no-versioning';

const bucket = `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n`;
const versioning = (status: string) => `resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = ${status}\n  }\n}\n`;

tfTable('terraform/s3-bucket-no-versioning', [
  { what: 'bucket without versioning', input: bucket, want: [1], messages: [message('data')] },
  { what: 'versioning enabled beside it', input: bucket + versioning('"Enabled"'), want: [] },
  { what: 'versioning suspended', input: bucket + versioning('"Suspended"'), want: [7], messages: [message('data', 'Suspended')] },
  { what: 'status through a local', input: `locals {\n  versioning = "Disabled"\n}\n` + bucket + versioning('local.versioning'), want: [10] },
  { what: 'versioning in another file', files: { 'main.tf': bucket, 'versioning.tf': versioning('"Enabled"') }, want: { 'main.tf': [], 'versioning.tf': [] } },
  { what: 'inline versioning disabled (provider v3)', input: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  versioning {\n    enabled = false\n  }\n}\n`, want: [4] },
  { what: 'inline versioning enabled', input: `resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  versioning {\n    enabled = true\n  }\n}\n`, want: [] },
]);

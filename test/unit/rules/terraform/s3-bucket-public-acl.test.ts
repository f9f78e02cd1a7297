import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/s3-bucket-public-acl';

tfTable('terraform/s3-bucket-public-acl', [
  { what: 'inline canned ACL (provider v3)', input: `resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n  acl    = "public-read"\n}\n`, want: [3], messages: [message('site', 'public-read')] },
  { what: 'aws_s3_bucket_acl companion', input: `resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "public-read-write"\n}\n`, want: [3] },
  { what: 'ACL through a variable default in another file', files: { 'main.tf': `resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = var.acl\n}\n`, 'variables.tf': `variable "acl" {\n  default = "authenticated-read"\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'grant to AllUsers in an access control policy', input: `resource "aws_s3_bucket_acl" "x" {\n  bucket = aws_s3_bucket.x.id\n  access_control_policy {\n    grant {\n      grantee {\n        type = "Group"\n        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"\n      }\n      permission = "READ"\n    }\n    owner {\n      id = data.aws_canonical_user_id.current.id\n    }\n  }\n}\n`, want: [7] },
  { what: 'private and log-delivery ACLs', input: `resource "aws_s3_bucket_acl" "a" {\n  bucket = aws_s3_bucket.a.id\n  acl    = "private"\n}\nresource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  acl    = "log-delivery-write"\n}\n`, want: [] },
  { what: 'ACL from an unset variable', input: `resource "aws_s3_bucket_acl" "a" {\n  bucket = aws_s3_bucket.a.id\n  acl    = var.acl\n}\n`, want: [] },
]);

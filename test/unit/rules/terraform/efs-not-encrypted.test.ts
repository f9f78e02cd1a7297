import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/efs-not-encrypted';

tfTable('terraform/efs-not-encrypted', [
  { what: 'file system without encryption', input: `resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n}\n`, want: [1], messages: [message('shared')] },
  { what: 'encrypted = false', input: `resource "aws_efs_file_system" "shared" {\n  encrypted = false\n}\n`, want: [2] },
  { what: 'false through a local', input: `locals {\n  encrypt = false\n}\nresource "aws_efs_file_system" "shared" {\n  encrypted = local.encrypt\n}\n`, want: [5] },
  { what: 'encrypted with a key', input: `resource "aws_efs_file_system" "shared" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}\n`, want: [] },
  { what: 'unknown value', input: `resource "aws_efs_file_system" "shared" {\n  encrypted = var.encrypted\n}\n`, want: [] },
]);

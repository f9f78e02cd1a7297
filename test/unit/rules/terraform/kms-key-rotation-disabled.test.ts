import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/kms-key-rotation-disabled';

tfTable('terraform/kms-key-rotation-disabled', [
  { what: 'key without rotation', input: `resource "aws_kms_key" "data" {\n  description = "data"\n}\n`, want: [1], messages: [message('data')] },
  { what: 'rotation off', input: `resource "aws_kms_key" "data" {\n  enable_key_rotation = false\n}\n`, want: [2] },
  { what: 'off through a local', input: `locals {\n  rotate = false\n}\nresource "aws_kms_key" "data" {\n  enable_key_rotation = local.rotate\n}\n`, want: [5] },
  { what: 'rotation on', input: `resource "aws_kms_key" "data" {\n  enable_key_rotation = true\n}\n`, want: [] },
  { what: 'asymmetric and HMAC keys cannot rotate', input: `resource "aws_kms_key" "sign" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n}\nresource "aws_kms_key" "mac" {\n  customer_master_key_spec = "HMAC_256"\n  key_usage                = "GENERATE_VERIFY_MAC"\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/variable-secret-default';

tfTable('terraform/variable-secret-default', [
  { what: 'a password default', input: `variable "db_password" {\n  type    = string\n  default = "Sup3rS3cret!"\n}\n`, want: [3], messages: [message('db_password')] },
  { what: 'an API token default', input: `variable "datadog_api_key" {\n  default = "3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c"\n}\n`, want: [2] },
  { what: 'a known credential format under any name', input: `variable "bootstrap" {\n  default = "ghp_abcdefghijklmnopqrstuvwxyz0123456789AB"\n}\n`, want: [2] },
  { what: 'secret variable without default', input: `variable "db_password" {\n  type      = string\n  sensitive = true\n}\n`, want: [] },
  { what: 'empty default', input: `variable "api_token" {\n  default = ""\n}\n`, want: [] },
  { what: 'not a secret name', input: `variable "password_length" {\n  default = 32\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n`, want: [] },
  { what: 'secret name holding a secret ARN', input: `variable "db_password_secret_arn" {\n  default = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db"\n}\n`, want: [] },
]);

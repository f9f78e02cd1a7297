import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/provider-hardcoded-credentials';

tfTable('terraform/provider-hardcoded-credentials', [
  {
    what: 'access and secret keys written in the provider',
    input: `provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}
`,
    want: [3, 4],
    messages: [message('aws', 'access_key'), message('aws', 'secret_key')],
  },
  { what: 'a password through a local', input: `locals {\n  pw = "hunter2-prod-pass"\n}\nprovider "postgresql" {\n  host     = "db.internal"\n  password = local.pw\n}\n`, want: [6] },
  { what: 'a token in a nested block', input: `provider "vault" {\n  address = "https://vault.example.com"\n  auth_login {\n    path = "auth/approle/login"\n    token = "s.9f8a7b6c5d4e3f2a1b0c"\n  }\n}\n`, want: [5] },
  { what: 'credentials from variables are reported at the variable, not here', input: `provider "aws" {\n  access_key = var.access_key\n  secret_key = var.secret_key\n}\n`, want: [] },
  { what: 'profile and assume_role only', input: `provider "aws" {\n  region  = "us-east-1"\n  profile = "prod"\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/deploy"\n  }\n}\n`, want: [] },
  { what: 'a placeholder value', input: `provider "github" {\n  token = ""\n}\n`, want: [] },
]);

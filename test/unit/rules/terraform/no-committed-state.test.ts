import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/no-committed-state';

const withState = { fileExists: (p: string) => p === 'terraform.tfstate' };
const ignoredAbove = { fileExists: (p: string) => p === 'terraform.tfstate', readFile: (p: string) => (p === '../../.gitignore' ? '.terraform/\n*.tfstate\n*.tfstate.*\n' : undefined) };
const ignoredOther = { fileExists: (p: string) => p === 'terraform.tfstate', readFile: (p: string) => (p === '.gitignore' ? 'node_modules/\n!terraform.tfstate\nstate/*.tfstate\n' : undefined) };

tfTable('terraform/no-committed-state', [
  { what: 'a state file a .gitignore above keeps out of version control', input: `terraform {\n  required_version = ">= 1.5"\n}\n`, env: ignoredAbove, want: [] },
  { what: 'a .gitignore that does not cover the state file (negation, other path)', input: `terraform {\n  required_version = ">= 1.5"\n}\n`, env: ignoredOther, want: [1] },
  { what: 'state file beside the module', input: `terraform {\n  required_version = ">= 1.5"\n}\n`, env: withState, want: [1], messages: [message('file', 'terraform.tfstate')] },
  { what: 'state beside a lone root file without settings', input: `provider "aws" {\n  region = "eu-west-1"\n}\n`, env: withState, want: [1] },
  { what: 'local backend keeping state in the tree', input: `terraform {\n  backend "local" {\n    path = "state/terraform.tfstate"\n  }\n}\n`, want: [3] },
  { what: 'local backend with the default path', input: `terraform {\n  backend "local" {}\n}\n`, want: [2] },
  { what: 'remote state read from a committed file', input: `data "terraform_remote_state" "net" {\n  backend = "local"\n  config = {\n    path = "../network/terraform.tfstate"\n  }\n}\n`, want: [3] },
  { what: 'remote backend and no state file', input: `terraform {\n  backend "s3" {\n    bucket = "acme-tf-state"\n    key    = "app/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n`, env: { fileExists: () => false }, want: [] },
  { what: 'local backend outside the repository', input: `terraform {\n  backend "local" {\n    path = "/var/lib/terraform/app.tfstate"\n  }\n}\n`, want: [] },
]);

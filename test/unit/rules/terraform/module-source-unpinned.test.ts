import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/module-source-unpinned';

tfTable('terraform/module-source-unpinned', [
  { what: 'registry module without version', input: `module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  name   = "main"\n}\n`, want: [1], messages: [message('vpc', 'registry')] },
  { what: 'git without ref', input: `module "net" {\n  source = "git::https://github.com/acme/terraform-net.git"\n}\n`, want: [2], messages: [message('net', 'git')] },
  { what: 'github shorthand on a branch', input: `module "net" {\n  source = "github.com/acme/terraform-net?ref=main"\n}\n`, want: [2], messages: [message('net', 'branch', 'main')] },
  { what: 'private registry without version', input: `module "app" {\n  source = "app.terraform.io/acme/app/aws"\n}\n`, want: [1] },
  { what: 'registry with version', input: `module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.8.1"\n}\n`, want: [] },
  { what: 'git pinned to a tag and to a sha', input: `module "a" {\n  source = "git::https://github.com/acme/a.git?ref=v1.4.2"\n}\nmodule "b" {\n  source = "git@github.com:acme/b.git?ref=3f1c2a9b8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b"\n}\n`, want: [] },
  { what: 'local module', input: `module "svc" {\n  source = "./modules/service"\n}\nmodule "up" {\n  source = "../shared"\n}\n`, want: [] },
]);

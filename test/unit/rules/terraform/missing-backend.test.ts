import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeFiles } from '../../../../src/core';
import { ready } from '../../../helpers/core';
import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/missing-backend';

const settings = `terraform {\n  required_version = ">= 1.5"\n}\n`;
const provider = `provider "aws" {\n  region = "eu-west-1"\n}\n`;

const registryExample = settings + provider + `module "eks" {\n  source  = "acme-modules/eks/aws"\n  version = "~> 21.0"\n}\n`;

tfTable('terraform/missing-backend', [
  { what: 'root module without backend', input: settings + provider, want: [1], messages: [message()] },
  { what: 'settings and providers in separate files', files: { 'versions.tf': settings, 'providers.tf': provider }, want: { 'versions.tf': [1], 'providers.tf': [] } },
  { what: 'backend in another file of the folder', files: { 'main.tf': settings + provider, 'backend.tf': `terraform {\n  backend "s3" {}\n}\n` }, want: { 'main.tf': [], 'backend.tf': [] } },
  { what: 'backend beside providers', input: `terraform {\n  backend "gcs" {\n    bucket = "acme-tf-state"\n  }\n}\nprovider "google" {\n  project = "acme"\n}\n`, want: [] },
  { what: 'terraform cloud', input: `terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n${provider}`, want: [] },
  { what: 'child module (no provider block)', input: `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n`, want: [] },
  { what: 'example of the repository\'s module (examples/ folder)', files: { 'examples/complete/main.tf': settings + provider + `module "vpc" {\n  source = "../../modules/vpc"\n}\n` }, want: { 'examples/complete/main.tf': [] } },
  { what: 'test fixture root module calling the repository\'s module (tests/ folder)', files: { 'tests/fixtures/basic/main.tf': settings + provider + `module "queue" {\n  source = "../../../modules/queue"\n}\n` }, want: { 'tests/fixtures/basic/main.tf': [] } },
  { what: 'example calling the module it shows by its registry address (reported, at info: see below)', files: { 'examples/complete/main.tf': registryExample }, want: { 'examples/complete/main.tf': [1] } },
  { what: 'a root module in a folder named examples that calls no module is still one', files: { 'examples/terraform/main.tf': settings + provider }, want: { 'examples/terraform/main.tf': [1] } },
  { what: 'root module that instantiates the repository itself (source = "../..")', files: { 'wrappers/demo/main.tf': settings + provider + `module "this" {\n  source = "../.."\n}\n` }, want: { 'wrappers/demo/main.tf': [] } },
  { what: 'live root module calling a local module is still a root module', files: { 'envs/prod/main.tf': settings + provider + `module "vpc" {\n  source = "../../modules/vpc"\n}\n` }, want: { 'envs/prod/main.tf': [1] } },
  { what: 'a folder merely named like a sample (contests/) is not one', files: { 'contests/main.tf': settings + provider }, want: { 'contests/main.tf': [1] } },
]);

describe('terraform/missing-backend severity', () => {
  before(ready);
  const severityOf = (path: string, text: string): string[] =>
    (analyzeFiles([{ path, text }], {}, () => ({})).get(path) ?? []).filter((f) => f.ruleId === 'terraform/missing-backend').map((f) => f.severity);

  it('is info for a root module in an examples folder that calls a registry module (probably the example of a published module)', () => {
    assert.deepEqual(severityOf('examples/complete/main.tf', registryExample), ['info']);
  });

  it('stays a warning for the same module outside such a folder', () => {
    assert.deepEqual(severityOf('live/eks/main.tf', registryExample), ['warning']);
  });
});

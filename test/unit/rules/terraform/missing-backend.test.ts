import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/missing-backend';

const settings = `terraform {\n  required_version = ">= 1.5"\n}\n`;
const provider = `provider "aws" {\n  region = "eu-west-1"\n}\n`;

tfTable('terraform/missing-backend', [
  { what: 'root module without backend', input: settings + provider, want: [1], messages: [message()] },
  { what: 'settings and providers in separate files', files: { 'versions.tf': settings, 'providers.tf': provider }, want: { 'versions.tf': [1], 'providers.tf': [] } },
  { what: 'backend in another file of the folder', files: { 'main.tf': settings + provider, 'backend.tf': `terraform {\n  backend "s3" {}\n}\n` }, want: { 'main.tf': [], 'backend.tf': [] } },
  { what: 'backend beside providers', input: `terraform {\n  backend "gcs" {\n    bucket = "acme-tf-state"\n  }\n}\nprovider "google" {\n  project = "acme"\n}\n`, want: [] },
  { what: 'terraform cloud', input: `terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n${provider}`, want: [] },
  { what: 'child module (no provider block)', input: `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/provider-version-unpinned';

tfTable('terraform/provider-version-unpinned', [
  { what: 'source without version', input: `terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n`, want: [3], messages: [message('aws')] },
  { what: 'one of two unpinned', input: `terraform {\n  required_providers {\n    aws    = { source = "hashicorp/aws", version = "~> 5.0" }\n    random = { source = "hashicorp/random" }\n  }\n}\n`, want: [4] },
  { what: 'empty version string', input: `terraform {\n  required_providers {\n    google = {\n      source  = "hashicorp/google"\n      version = ""\n    }\n  }\n}\n`, want: [3] },
  { what: 'pinned', input: `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = ">= 5.40, < 6.0"\n    }\n  }\n}\n`, want: [] },
  { what: 'legacy string form', input: `terraform {\n  required_providers {\n    aws = "~> 4.0"\n  }\n}\n`, want: [] },
  { what: 'no required_providers', input: `terraform {\n  required_version = ">= 1.5"\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/ecr-no-scan-on-push';

tfTable('terraform/ecr-no-scan-on-push', [
  { what: 'no scanning configuration', input: `resource "aws_ecr_repository" "api" {\n  name = "api"\n}\n`, want: [1], messages: [message('api')] },
  { what: 'scan_on_push false', input: `resource "aws_ecr_repository" "api" {\n  image_scanning_configuration {\n    scan_on_push = false\n  }\n}\n`, want: [3] },
  { what: 'false through a local', input: `locals {\n  scan = false\n}\nresource "aws_ecr_repository" "api" {\n  image_scanning_configuration {\n    scan_on_push = local.scan\n  }\n}\n`, want: [6] },
  { what: 'scanning on', input: `resource "aws_ecr_repository" "api" {\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n`, want: [] },
  { what: 'registry-wide scanning', input: `resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "ENHANCED"\n  rule {\n    scan_frequency = "SCAN_ON_PUSH"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}\nresource "aws_ecr_repository" "api" {\n  name = "api"\n}\n`, want: [] },
]);

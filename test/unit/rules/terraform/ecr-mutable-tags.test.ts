import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/ecr-mutable-tags';

tfTable('terraform/ecr-mutable-tags', [
  { what: 'default mutability', input: `resource "aws_ecr_repository" "api" {\n  name = "api"\n}\n`, want: [1], messages: [message('api')] },
  { what: 'explicitly mutable', input: `resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "MUTABLE"\n}\n`, want: [3] },
  { what: 'mutable through a local', input: `locals {\n  mutability = "MUTABLE"\n}\nresource "aws_ecr_repository" "api" {\n  image_tag_mutability = local.mutability\n}\n`, want: [5] },
  { what: 'immutable', input: `resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "IMMUTABLE"\n}\n`, want: [] },
  { what: 'unknown', input: `resource "aws_ecr_repository" "api" {\n  image_tag_mutability = var.mutability\n}\n`, want: [] },
]);

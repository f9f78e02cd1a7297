import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/ec2-imdsv1-enabled';

tfTable('terraform/ec2-imdsv1-enabled', [
  { what: 'instance without metadata options', input: `resource "aws_instance" "web" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n}\n`, want: [1], messages: [message('aws_instance.web')] },
  { what: 'tokens optional', input: `resource "aws_launch_template" "app" {\n  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens   = "optional"\n  }\n}\n`, want: [4] },
  { what: 'metadata options without http_tokens', input: `resource "aws_instance" "web" {\n  metadata_options {\n    http_put_response_hop_limit = 1\n  }\n}\n`, want: [2] },
  { what: 'optional through a local', input: `locals {\n  tokens = "optional"\n}\nresource "aws_launch_configuration" "lc" {\n  image_id = "ami-123"\n  metadata_options {\n    http_tokens = local.tokens\n  }\n}\n`, want: [7] },
  { what: 'tokens required', input: `resource "aws_instance" "web" {\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n`, want: [] },
  { what: 'metadata endpoint disabled', input: `resource "aws_instance" "web" {\n  metadata_options {\n    http_endpoint = "disabled"\n  }\n}\n`, want: [] },
  { what: 'instance from a launch template', input: `resource "aws_instance" "web" {\n  launch_template {\n    id = aws_launch_template.app.id\n  }\n}\n`, want: [] },
  { what: 'options set through a dynamic block', input: `resource "aws_instance" "web" {\n  dynamic "metadata_options" {\n    for_each = [1]\n    content {\n      http_tokens = "required"\n    }\n  }\n}\n`, want: [] },
]);

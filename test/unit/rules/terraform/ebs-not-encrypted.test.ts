import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/ebs-not-encrypted';

tfTable('terraform/ebs-not-encrypted', [
  { what: 'volume without encryption', input: `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n`, want: [1], messages: [message("Volume 'data'")] },
  { what: 'volume with encrypted = false', input: `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = false\n}\n`, want: [4] },
  { what: 'instance root device without encryption', input: `resource "aws_instance" "web" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n  root_block_device {\n    volume_size = 20\n  }\n}\n`, want: [4] },
  { what: 'launch template device encryption through a variable default', files: { 'lt.tf': `resource "aws_launch_template" "app" {\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 30\n      encrypted   = var.encrypt\n    }\n  }\n}\n`, 'variables.tf': `variable "encrypt" {\n  default = false\n}\n` }, want: { 'lt.tf': [6], 'variables.tf': [] } },
  { what: 'encrypted volume and device', input: `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\nresource "aws_instance" "web" {\n  root_block_device {\n    encrypted = true\n  }\n}\n`, want: [] },
  { what: 'account default encryption in the module', files: { 'main.tf': `resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 10\n}\n`, 'account.tf': `resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n` }, want: { 'main.tf': [], 'account.tf': [] } },
  { what: 'volume restored from a snapshot', input: `resource "aws_ebs_volume" "restored" {\n  availability_zone = "eu-west-1a"\n  snapshot_id       = "snap-0123456789abcdef0"\n}\n`, want: [] },
]);

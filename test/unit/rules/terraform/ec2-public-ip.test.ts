import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/ec2-public-ip';

tfTable('terraform/ec2-public-ip', [
  { what: 'instance with a public address', input: `resource "aws_instance" "web" {\n  ami                         = "ami-123"\n  associate_public_ip_address = true\n}\n`, want: [3], messages: [message('aws_instance.web')] },
  { what: 'launch template interface', input: `resource "aws_launch_template" "app" {\n  network_interfaces {\n    associate_public_ip_address = true\n  }\n}\n`, want: [3] },
  { what: 'through a variable default', files: { 'main.tf': `resource "aws_launch_configuration" "lc" {\n  image_id                    = "ami-123"\n  associate_public_ip_address = var.public_ip\n}\n`, 'variables.tf': `variable "public_ip" {\n  default = true\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'private instance', input: `resource "aws_instance" "web" {\n  associate_public_ip_address = false\n}\n`, want: [] },
  { what: 'not set', input: `resource "aws_instance" "web" {\n  subnet_id = aws_subnet.private.id\n}\n`, want: [] },
]);

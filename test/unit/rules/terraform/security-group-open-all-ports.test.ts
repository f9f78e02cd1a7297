import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/security-group-open-all-ports';

tfTable('terraform/security-group-open-all-ports', [
  { what: 'protocol -1 from anywhere', input: `resource "aws_security_group" "open" {\n  description = "open"\n  ingress {\n    description = "all"\n    from_port   = 0\n    to_port     = 0\n    protocol    = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`, want: [8], messages: [message('open', '0.0.0.0/0')] },
  { what: 'full TCP range on a rule', input: `resource "aws_security_group_rule" "all" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 65535\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`, want: [6] },
  { what: 'vpc ingress rule with ip_protocol -1', input: `resource "aws_vpc_security_group_ingress_rule" "all" {\n  security_group_id = aws_security_group.a.id\n  cidr_ipv4         = "0.0.0.0/0"\n  ip_protocol       = "-1"\n}\n`, want: [3] },
  { what: 'protocol "all" through a variable', files: { 'main.tf': `resource "aws_security_group_rule" "all" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = var.protocol\n  cidr_blocks = ["::/0"]\n}\n`, 'variables.tf': `variable "protocol" {\n  default = "all"\n}\n` }, want: { 'main.tf': [6], 'variables.tf': [] } },
  { what: 'all ports inside the VPC', input: `resource "aws_security_group_rule" "vpc" {\n  type        = "ingress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["10.0.0.0/16"]\n}\n`, want: [] },
  { what: 'egress everywhere', input: `resource "aws_security_group_rule" "out" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`, want: [] },
]);

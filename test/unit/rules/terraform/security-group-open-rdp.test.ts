import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/security-group-open-rdp';

tfTable('terraform/security-group-open-rdp', [
  { what: 'inline ingress on 3389', input: `resource "aws_security_group" "win" {\n  description = "windows"\n  ingress {\n    description = "rdp"\n    from_port   = 3389\n    to_port     = 3389\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`, want: [8], messages: [message('win', '0.0.0.0/0')] },
  { what: 'security group rule with protocol number 6', input: `resource "aws_security_group_rule" "rdp" {\n  type        = "ingress"\n  from_port   = 3389\n  to_port     = 3389\n  protocol    = "6"\n  cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]\n}\n`, want: [6] },
  { what: 'vpc ingress rule IPv6', input: `resource "aws_vpc_security_group_ingress_rule" "rdp" {\n  security_group_id = aws_security_group.win.id\n  cidr_ipv6         = "::/0"\n  from_port         = 3389\n  to_port           = 3389\n  ip_protocol       = "tcp"\n}\n`, want: [3] },
  { what: 'port through a local', input: `locals {\n  rdp = 3389\n}\nresource "aws_security_group_rule" "rdp" {\n  type        = "ingress"\n  from_port   = local.rdp\n  to_port     = local.rdp\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n`, want: [9] },
  { what: 'RDP from the corporate range', input: `resource "aws_security_group_rule" "rdp" {\n  type        = "ingress"\n  from_port   = 3389\n  to_port     = 3389\n  protocol    = "tcp"\n  cidr_blocks = ["203.0.113.0/24"]\n}\n`, want: [] },
  { what: 'unknown CIDR', input: `resource "aws_security_group_rule" "rdp" {\n  type        = "ingress"\n  from_port   = 3389\n  to_port     = 3389\n  protocol    = "tcp"\n  cidr_blocks = var.allowed\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/security-group-missing-description';

tfTable('terraform/security-group-missing-description', [
  { what: 'group and rule without description', input: `resource "aws_security_group" "app" {\n  name = "app"\n  ingress {\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n`, want: [1, 3], messages: [message("Security group 'app'"), message("An ingress rule of 'app'")] },
  { what: 'standalone rules', input: `resource "aws_security_group_rule" "a" {\n  type              = "ingress"\n  from_port         = 443\n  to_port           = 443\n  protocol          = "tcp"\n  cidr_blocks       = ["10.0.0.0/8"]\n  security_group_id = aws_security_group.app.id\n}\nresource "aws_vpc_security_group_egress_rule" "b" {\n  security_group_id = aws_security_group.app.id\n  cidr_ipv4         = "0.0.0.0/0"\n  ip_protocol       = "-1"\n}\n`, want: [1, 9] },
  { what: 'empty description', input: `resource "aws_security_group" "app" {\n  description = ""\n}\n`, want: [1] },
  { what: 'dynamic rule without description', input: `resource "aws_security_group" "app" {\n  description = "app"\n  dynamic "ingress" {\n    for_each = [80, 443]\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["10.0.0.0/8"]\n    }\n  }\n}\n`, want: [3] },
  { what: 'everything described', input: `resource "aws_security_group" "app" {\n  description = "Application servers"\n  ingress {\n    description = "HTTPS from the VPC"\n    from_port   = 443\n    to_port     = 443\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n}\n`, want: [] },
  { what: 'description from a variable', input: `resource "aws_security_group" "app" {\n  description = var.description\n}\n`, want: [] },
]);

import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/lb-listener-outdated-tls';

tfTable('terraform/lb-listener-outdated-tls', [
  { what: 'the 2016-08 policy', input: `resource "aws_lb_listener" "https" {\n  port       = 443\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-2016-08"\n}\n`, want: [4], messages: [message('https', 'ELBSecurityPolicy-2016-08')] },
  { what: 'a TLS 1.1 policy', input: `resource "aws_lb_listener" "https" {\n  protocol   = "HTTPS"\n  ssl_policy = "ELBSecurityPolicy-TLS-1-1-2017-01"\n}\n`, want: [3] },
  { what: 'policy through a variable default', files: { 'main.tf': `resource "aws_lb_listener" "tls" {\n  protocol   = "TLS"\n  ssl_policy = var.ssl_policy\n}\n`, 'variables.tf': `variable "ssl_policy" {\n  default = "ELBSecurityPolicy-TLS13-1-0-2021-06"\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'TLS 1.2 and 1.3 policies', input: `resource "aws_lb_listener" "a" {\n  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n}\nresource "aws_lb_listener" "b" {\n  ssl_policy = "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"\n}\nresource "aws_lb_listener" "c" {\n  ssl_policy = "ELBSecurityPolicy-FS-1-2-Res-2020-10"\n}\n`, want: [] },
  { what: 'HTTP listener without policy', input: `resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n}\n`, want: [] },
]);

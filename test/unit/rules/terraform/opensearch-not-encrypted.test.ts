import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/opensearch-not-encrypted';

const secure = `  encrypt_at_rest {\n    enabled = true\n  }\n  node_to_node_encryption {\n    enabled = true\n  }\n  domain_endpoint_options {\n    enforce_https       = true\n    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"\n  }\n`;

tfTable('terraform/opensearch-not-encrypted', [
  { what: 'domain without any encryption', input: `resource "aws_elasticsearch_domain" "logs" {\n  domain_name = "logs"\n}\n`, want: [1, 1, 1], messages: [message('logs', 'at rest'), message('logs', 'between nodes'), message('logs', 'in transit')] },
  { what: 'at rest disabled', input: `resource "aws_opensearch_domain" "search" {\n${secure.replace('enabled = true', 'enabled = false')}}\n`, want: [3] },
  { what: 'HTTPS off through a variable default is left to opensearch-http-allowed', files: { 'main.tf': `resource "aws_opensearch_domain" "search" {\n${secure.replace('enforce_https       = true', 'enforce_https       = var.https')}}\n`, 'variables.tf': `variable "https" {\n  default = false\n}\n` }, want: { 'main.tf': [], 'variables.tf': [] } },
  { what: 'fully encrypted', input: `resource "aws_opensearch_domain" "search" {\n  domain_name = "search"\n${secure}}\n`, want: [] },
  { what: 'settings through dynamic blocks', input: `resource "aws_opensearch_domain" "search" {\n  dynamic "encrypt_at_rest" {\n    for_each = [1]\n    content {\n      enabled = true\n    }\n  }\n  node_to_node_encryption {\n    enabled = true\n  }\n  domain_endpoint_options {\n    enforce_https = true\n  }\n}\n`, want: [] },
]);

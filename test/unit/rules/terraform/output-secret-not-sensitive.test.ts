import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/output-secret-not-sensitive';

tfTable('terraform/output-secret-not-sensitive', [
  { what: 'a password attribute', input: `output "db" {\n  value = aws_db_instance.main.password\n}\n`, want: [1], messages: [message('db', "'aws_db_instance.main.password'")] },
  { what: 'random_password result', input: `output "admin" {\n  value = random_password.admin.result\n}\n`, want: [1] },
  { what: 'an access key secret in a template', input: `output "creds" {\n  value = "\${aws_iam_access_key.ci.id}:\${aws_iam_access_key.ci.secret}"\n}\n`, want: [1] },
  { what: 'a secret-like output name with a reference', input: `output "api_token" {\n  value = module.auth.value\n}\n`, want: [1] },
  { what: 'sensitive = false', input: `output "key" {\n  value     = tls_private_key.ssh.private_key_pem\n  sensitive = false\n}\n`, want: [1] },
  { what: 'marked sensitive', input: `output "db_password" {\n  value     = aws_db_instance.main.password\n  sensitive = true\n}\n`, want: [] },
  { what: 'an id or endpoint', input: `output "db_endpoint" {\n  value = aws_db_instance.main.endpoint\n}\noutput "access_key_id" {\n  value = aws_iam_access_key.ci.id\n}\n`, want: [] },
  { what: 'deliberately revealed with nonsensitive()', input: `output "token_hint" {\n  value = nonsensitive(random_password.admin.result)\n}\n`, want: [] },
]);

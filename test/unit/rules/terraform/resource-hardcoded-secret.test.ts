import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/resource-hardcoded-secret';

tfTable('terraform/resource-hardcoded-secret', [
  { what: 'database master password', input: `resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  username = "admin"\n  password = "Aa1234321Bb"\n}\n`, want: [4], messages: [message('aws_db_instance.db', 'password')] },
  { what: 'Lambda environment variable', input: `resource "aws_lambda_function" "f" {\n  function_name = "f"\n  environment {\n    variables = {\n      STAGE       = "prod"\n      DB_PASSWORD = "s3cr3t-prod-pw"\n    }\n  }\n}\n`, want: [4], messages: [message('aws_lambda_function.f', 'variables.DB_PASSWORD')] },
  { what: 'AWS key in user_data', input: `resource "aws_instance" "web" {\n  ami       = "ami-123"\n  user_data = <<-EOF\n    #!/bin/bash\n    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n  EOF\n}\n`, want: [3], messages: [message('aws_instance.web', 'user_data', 'AWS access key id')] },
  { what: 'secret string through a local in another file', files: { 'main.tf': `resource "aws_secretsmanager_secret_version" "v" {\n  secret_id     = aws_secretsmanager_secret.s.id\n  secret_string = jsonencode(local.creds)\n}\n`, 'locals.tf': `locals {\n  creds = { username = "app", password = "hunter2-prod" }\n}\n` }, want: { 'main.tf': [3], 'locals.tf': [] } },
  { what: 'module input', input: `module "db" {\n  source          = "./modules/db"\n  master_password = "Pr0d-Passw0rd!"\n}\n`, want: [3] },
  { what: 'generated and referenced secrets', input: `resource "aws_db_instance" "db" {\n  password = random_password.db.result\n}\nresource "aws_elasticache_replication_group" "c" {\n  auth_token = var.auth_token\n}\n`, want: [] },
  { what: 'settings under secret-like names', input: `resource "aws_cognito_user_pool_client" "c" {\n  token_validity_units {\n    access_token  = "hours"\n    id_token      = "hours"\n    refresh_token = "days"\n  }\n}\nresource "aws_api_gateway_method" "m" {\n  authorization = "NONE"\n}\nresource "aws_efs_file_system" "fs" {\n  creation_token = "shared-uploads"\n}\nresource "aws_db_instance" "db" {\n  manage_master_user_password = true\n  password_length             = 32\n}\n`, want: [] },
]);

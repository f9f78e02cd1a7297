/**
 * Environment variables that hold credentials. Their values are redacted from what reaches the
 * model (src/agent/node/secretValues.ts), and they are the variables to strip from the
 * environment of commands the agent runs. Pure: names in, answers out.
 */

/** Credentials known by their whole name (what the CLIs and CI systems read). */
const CREDENTIAL_NAMES = new Set([
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'OPENAI_API_KEY',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GITLAB_TOKEN',
  'CI_JOB_TOKEN',
  'CI_REGISTRY_PASSWORD',
  'NPM_TOKEN',
  'NODE_AUTH_TOKEN',
  'NPM_CONFIG__AUTH',
  'NPM_CONFIG__AUTHTOKEN',
  'VAULT_TOKEN',
  'DOCKER_PASSWORD',
  'DOCKER_AUTH_CONFIG',
  'ARM_CLIENT_SECRET',
  'ARM_ACCESS_KEY',
  'ARM_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_CLIENT_SECRET',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
  'GOOGLE_CREDENTIALS',
  'GOOGLE_CLOUD_KEYFILE_JSON',
  'CLOUDSDK_AUTH_ACCESS_TOKEN',
  'DIGITALOCEAN_TOKEN',
  'HCLOUD_TOKEN',
  'TFE_TOKEN',
  'PGPASSWORD',
  'MYSQL_PWD',
  'REDISCLI_AUTH',
  'TOKEN',
  'SECRET',
  'PASSWORD',
  'API_KEY',
]);

/**
 * Credentials by the last words of their name: `SENTRY_AUTH_TOKEN`, `TF_VAR_db_password`,
 * `STRIPE_SECRET_KEY`, `OPENAI_API_KEY`. Anchored at the end, so `TOKENIZERS_PARALLELISM`,
 * `SSH_AUTH_SOCK` and `*_TOKEN_FILE` (a path) are not credentials.
 */
const CREDENTIAL_SUFFIX =
  /_(TOKEN|SECRET|SECRET_KEY|PASSWORD|PASSWD|PASSPHRASE|PWD|API_KEY|APIKEY|ACCESS_KEY|PRIVATE_KEY|SIGNING_KEY|ENCRYPTION_KEY|MASTER_KEY|ACCOUNT_KEY|STORAGE_KEY|AUTHTOKEN|AUTH|CREDENTIALS|CONNECTION_STRING|WEBHOOK_URL|SECRET_ACCESS_KEY|DSN|PAT|ROLE_ID|SECRET_ID)$/;

/** Credentials by the first words of their name (`TF_TOKEN_app_terraform_io`). */
const CREDENTIAL_PREFIX = /^TF_TOKEN_/;

/** Whether an environment variable's name says it holds a credential (case-insensitive). */
export function isCredentialVariable(name: string): boolean {
  const n = name.toUpperCase();
  return CREDENTIAL_NAMES.has(n) || CREDENTIAL_SUFFIX.test(n) || CREDENTIAL_PREFIX.test(n);
}

/** The names of the credential variables set in an environment, sorted. */
export function credentialVariables(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.keys(env)
    .filter((name) => env[name] !== undefined && isCredentialVariable(name))
    .sort();
}

/** A value that carries a password whatever its variable is called (`postgres://u:pw@db/x`). */
export function isCredentialValue(value: string): boolean {
  return /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:[^\s@/]+@/i.test(value);
}

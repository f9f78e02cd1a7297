import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { validatePolicy } from '../../../src/core/policies/validate';
import { tfTable } from '../rules/terraform/tf-table';

const sql = (flags: string): string => `resource "google_sql_database_instance" "db" {\n  name             = "db"\n  database_version = "MYSQL_8_0"\n\n  settings {\n    tier = "db-f1-micro"\n${flags}  }\n}\n`;
const flag = (name: string, value: string): string => `    database_flags {\n      name  = "${name}"\n      value = "${value}"\n    }\n`;

// `some`: the name and the value must be found in the same database_flags block
tfTable('terraform/gcp-sql-mysql-local-infile', [
  { what: 'name and value in the same block', input: sql(flag('skip_show_database', 'on') + flag('local_infile', 'on')), want: [13] },
  { what: 'name in one block, the value "on" in another', input: sql(flag('local_infile', 'off') + flag('skip_show_database', 'on')), want: [] },
  { what: 'flags from a variable without default are unknown', input: `variable "flags" {}\n${sql('    dynamic "database_flags" {\n      for_each = var.flags\n      content {\n        name  = database_flags.value.name\n        value = database_flags.value.value\n      }\n    }\n')}`, want: [] },
  { what: 'a PostgreSQL instance is out of scope', input: sql(flag('local_infile', 'on')).replace('MYSQL_8_0', 'POSTGRES_15'), want: [] },
]);

// `not some`: reported on the resource when no block sets the flag, never when the flags are unknown
const pg = (flags: string): string => sql(flags).replace('MYSQL_8_0', 'POSTGRES_15');
tfTable('terraform/gcp-sql-postgres-log-connections-off', [
  { what: 'no flags at all', input: pg(''), want: [1] },
  { what: 'the flag on', input: pg(flag('log_connections', 'on')), want: [] },
  { what: 'flags from a variable without default', input: `variable "flags" {}\n${pg('    dynamic "database_flags" {\n      for_each = var.flags\n      content {\n        name  = database_flags.value.name\n        value = database_flags.value.value\n      }\n    }\n')}`, want: [] },
  { what: 'a read replica inherits the flags', input: pg('').replace('  name             = "db"\n', '  name             = "db"\n  master_instance_name = "primary"\n'), want: [] },
]);

const key = (period: string): string => `resource "google_kms_crypto_key" "k" {\n  name            = "k"\n  key_ring        = "ring"\n  rotation_period = "${period}"\n}\n`;
tfTable('terraform/gcp-kms-key-rotation', [
  { what: 'exactly 90 days', input: key('7776000s'), want: [] },
  { what: 'one second more than 90 days', input: key('7776001s'), want: [4] },
  { what: 'a day', input: key('86400s'), want: [] },
  { what: 'a year', input: key('31536000s'), want: [4] },
  { what: '100 days', input: key('8640000s'), want: [4] },
]);

tfTable('terraform/azure-storage-network-default-allow', [
  { what: 'public network access off makes the default action moot', input: `resource "azurerm_storage_account" "s" {\n  name                          = "s"\n  public_network_access_enabled = false\n\n  network_rules {\n    default_action = "Allow"\n  }\n}\n`, want: [] },
  { what: 'the separate network rules resource', input: `resource "azurerm_storage_account_network_rules" "s" {\n  storage_account_id = "id"\n  default_action     = "Allow"\n}\n`, want: [3] },
]);

tfTable('terraform/azure-app-service-http-allowed', [
  { what: 'https_only from a variable without default is unknown', input: `variable "https" {}\nresource "azurerm_linux_web_app" "w" {\n  name       = "w"\n  https_only = var.https\n\n  site_config {}\n}\n`, want: [] },
  { what: 'the azurerm 2.x app service resource', input: `resource "azurerm_app_service" "w" {\n  name       = "w"\n  https_only = false\n}\n`, want: [3] },
]);

tfTable('terraform/azure-redis-non-ssl-port', [
  { what: 'the azurerm 4.x name', input: `resource "azurerm_redis_cache" "r" {\n  name                 = "r"\n  non_ssl_port_enabled = true\n}\n`, want: [3] },
  { what: 'the azurerm 3.x name, off', input: `resource "azurerm_redis_cache" "r" {\n  name                = "r"\n  enable_non_ssl_port = false\n}\n`, want: [] },
]);

describe('the some condition in user policies', () => {
  it('is accepted for Terraform and checked inside', () => {
    const base = { id: 'terraform/team-flag', subject: { resources: ['google_sql_database_instance'] }, title: 'x', severity: 'info', message: 'm' };
    assert.deepEqual(validatePolicy({ ...base, when: { path: 'settings.database_flags', some: { path: 'name', equals: 'x' } } }, new Set()).problems, []);
    assert.deepEqual(validatePolicy({ ...base, when: { path: 'settings.database_flags', some: { path: 'name', equal: 'x' } } }, new Set()).problems.map((p) => p.at.join('.')), ['when.some.equal']);
  });

  it('is refused for Kubernetes policies', () => {
    const p = { id: 'kubernetes/team-x', subject: { kinds: ['Pod'] }, title: 'x', severity: 'info', message: 'm', when: { path: 'spec.containers', some: { path: 'name', equals: 'x' } } };
    assert.deepEqual(validatePolicy(p, new Set()).problems.map((x) => x.message), ['some applies to Terraform policies only']);
  });
});

const ipConfig = (body: string): string => `resource "google_sql_database_instance" "db" {\n  name             = "db"\n  database_version = "POSTGRES_15"\n\n  settings {\n    tier = "db-f1-micro"\n\n    ip_configuration {\n${body}    }\n  }\n}\n`;
tfTable('terraform/gcp-sql-ssl-not-required', [
  { what: 'require_ssl = false alone (google provider 4)', input: ipConfig('      require_ssl = false\n'), want: [9] },
  { what: 'require_ssl = false overridden by ssl_mode', input: ipConfig('      require_ssl = false\n      ssl_mode    = "ENCRYPTED_ONLY"\n'), want: [] },
  { what: 'ssl_mode allowing clear text', input: ipConfig('      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"\n'), want: [9] },
]);

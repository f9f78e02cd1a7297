import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, applyFixes, detectKind } from '../../../src/core';
import type { AnalyzeEnv } from '../../../src/core';
import { camelCase, isPulumiExpression, propertyNames, terraformTypeOf } from '../../../src/core/policies/pulumi';
import { parseYamlFile } from '../../../src/core/parsers/yaml';
import { ready } from '../../helpers/core';

describe('Pulumi type token → Terraform resource type', () => {
  it('maps the bridged tokens of the classic providers', () => {
    assert.equal(terraformTypeOf('aws:rds/instance:Instance'), 'aws_db_instance');
    assert.equal(terraformTypeOf('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup'), 'aws_default_security_group');
    assert.equal(terraformTypeOf('aws:s3/accessPoint:AccessPoint'), 'aws_s3_access_point');
    assert.equal(terraformTypeOf('gcp:storage/bucket:Bucket'), 'google_storage_bucket');
    assert.equal(terraformTypeOf('azure:storage/account:Account'), 'azurerm_storage_account');
  });
  it('reads the short form pkg:module:Type as pkg:module/type:Type', () => {
    assert.equal(terraformTypeOf('gcp:storage:Bucket'), 'google_storage_bucket');
    assert.equal(terraformTypeOf('aws:rds:Instance'), 'aws_db_instance');
  });
  it('maps nothing it is not sure of', () => {
    // native providers are not bridged from Terraform
    assert.equal(terraformTypeOf('azure-native:storage:StorageAccount'), undefined);
    assert.equal(terraformTypeOf('aws-native:s3:Bucket'), undefined);
    // the S3 bucket changed schema between provider major versions
    assert.equal(terraformTypeOf('aws:s3/bucket:Bucket'), undefined);
    assert.equal(terraformTypeOf('aws:s3/Bucket:Bucket'), undefined);
    assert.equal(terraformTypeOf('kubernetes:apps/v1:Deployment'), undefined);
    assert.equal(terraformTypeOf('constructor'), undefined);
    assert.equal(terraformTypeOf('toString'), undefined);
  });
});

describe('Terraform attribute → Pulumi property', () => {
  it('is lowerCamelCase, then the plural of a repeated block', () => {
    assert.equal(camelCase('backup_retention_period'), 'backupRetentionPeriod');
    assert.deepEqual(propertyNames('google_storage_bucket', 'uniform_bucket_level_access'), ['uniformBucketLevelAccess', 'uniformBucketLevelAccesses']);
    assert.deepEqual(propertyNames('google_sql_database_instance', 'database_flags'), ['databaseFlags', 'databaseFlagses']);
    assert.deepEqual(propertyNames('aws_instance', 'ebs_block_device'), ['ebsBlockDevice', 'ebsBlockDevices']);
    assert.deepEqual(propertyNames('google_compute_firewall', 'deny'), ['deny', 'denies']);
  });
  it('keeps map keys and knows the bridge renames', () => {
    assert.deepEqual(propertyNames('google_compute_instance', 'serial-port-enable'), ['serial-port-enable']);
    assert.deepEqual(propertyNames('aws_db_instance', 'name'), ['dbName']);
    assert.deepEqual(propertyNames('aws_lambda_function', 'function_name'), ['name']);
  });
  it('takes interpolations and fn:: calls for computed values', () => {
    const file = parseYamlFile('a: ${db.port}\nb: plain\nc:\n  fn::select: [0, [1]]\nd:\n  x: 1\ne: $${not}\n');
    const doc = file.documents[0];
    const value = (k: string): unknown => (doc.contents as { items: { key: { value: string }; value: unknown }[] }).items.find((p) => p.key.value === k)?.value;
    assert.equal(isPulumiExpression(value('a')), true);
    assert.equal(isPulumiExpression(value('b')), false);
    assert.equal(isPulumiExpression(value('c')), true);
    assert.equal(isPulumiExpression(value('d')), false);
    // an escaped `$${` is text, but taken as unknown too: unknown is never reported
    assert.equal(isPulumiExpression(value('e')), true);
  });
});

describe('Pulumi YAML files are detected', () => {
  const beside = (names: string[]): AnalyzeEnv => ({ fileExists: (p: string) => names.includes(p) });
  it('the project file and stack files', () => {
    assert.equal(detectKind('infra/Pulumi.yaml'), 'pulumi');
    assert.equal(detectKind('infra/Pulumi.yml'), 'pulumi');
    assert.equal(detectKind('infra/Pulumi.prod.yaml'), 'pulumi');
  });
  it('Main.yaml only beside a project file', () => {
    assert.equal(detectKind('infra/Main.yaml', 'resources: {}\n', beside(['Pulumi.yaml'])), 'pulumi');
    assert.equal(detectKind('infra/Main.yaml', 'resources: {}\n', beside([])), undefined);
    assert.equal(detectKind('infra/Main.yaml', 'resources: {}\n'), undefined);
  });
});

const project = (resources: string, runtime = 'yaml'): string => `name: shop\nruntime: ${runtime}\nresources:\n${resources}`;

/** The 1-based lines where a rule fires on a program. */
function lines(ruleId: string, text: string, path = 'infra/Pulumi.yaml', env: AnalyzeEnv = {}): number[] {
  return analyze(path, text, {}, env)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.range.start.line + 1);
}

const rds = (props: string): string =>
  project(`  orders:\n    type: aws:rds/instance:Instance\n    properties:\n      engine: postgres\n      instanceClass: db.t4g.micro\n${props}`);

describe('Terraform policies on Pulumi YAML programs', () => {
  before(ready);

  it('RDS: a literal on the property, anchored on its key', () => {
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n')), [9]);
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 7\n')), []);
    const f = analyze('infra/Pulumi.yaml', rds('      backupRetentionPeriod: 0\n')).find((x) => x.ruleId === 'terraform/rds-no-backups');
    assert.match(f?.message ?? '', /orders/);
  });
  it('RDS: the where of the policy reads Pulumi names (a replica inherits backups)', () => {
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n      replicateSourceDb: ${primary.identifier}\n')), []);
  });
  it('RDS: values computed when the program runs are never reported', () => {
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: ${retention}\n')), []);
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod:\n        fn::invoke:\n          function: x\n')), []);
    assert.deepEqual(lines('terraform/rds-default-admin-username', rds('      username: ${pulumi.stack}-admin\n')), []);
    assert.deepEqual(lines('terraform/rds-default-admin-username', rds('      username: admin\n')), [9]);
  });
  it('RDS: a reviewable fix maps back to the camelCase key', () => {
    const text = rds('      autoMinorVersionUpgrade: false\n');
    const found = analyze('infra/Pulumi.yaml', text).filter((f) => f.ruleId === 'terraform/rds-auto-minor-upgrade-disabled');
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [9]);
    assert.equal(found[0].fix?.title, 'Set autoMinorVersionUpgrade to true');
    const fixed = applyFixes(text, found, true).text;
    assert.match(fixed, /autoMinorVersionUpgrade: true/);
    assert.deepEqual(lines('terraform/rds-auto-minor-upgrade-disabled', fixed), []);
  });
  it('a resource read with get:, or of an unmapped token, is not checked', () => {
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n    get:\n      id: orders-db\n')), []);
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n').replace('aws:rds/instance:Instance', 'aws-native:rds:DbInstance')), []);
  });
  it('only programs: a project file of another runtime and stack files are not read', () => {
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n').replace('runtime: yaml', 'runtime: nodejs')), []);
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n'), 'infra/Pulumi.dev.yaml'), []);
    assert.deepEqual(lines('terraform/rds-no-backups', rds('      backupRetentionPeriod: 0\n').replace('runtime: yaml', 'runtime:\n  name: yaml')), [10]);
  });
  it('Main.yaml beside the project file', () => {
    const main = `resources:\n  orders:\n    type: aws:rds:Instance\n    properties:\n      backupRetentionPeriod: 0\n`;
    assert.deepEqual(lines('terraform/rds-no-backups', main, 'infra/Main.yaml', { fileExists: (p) => p === 'Pulumi.yaml' }), [5]);
  });

  it('GCS bucket: an absent property is reported on the resource, with a fix that inserts it', () => {
    const text = project(`  assets:\n    type: gcp:storage/bucket:Bucket\n    properties:\n      location: EU\n`);
    const found = analyze('infra/Pulumi.yaml', text).filter((f) => f.ruleId === 'terraform/gcp-storage-uniform-access-disabled');
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [4]);
    const fixed = applyFixes(text, found, true).text;
    assert.match(fixed, /uniformBucketLevelAccess: true/);
    assert.deepEqual(lines('terraform/gcp-storage-uniform-access-disabled', fixed), []);
  });
  it('GCS bucket: a nested object (a MaxItems-1 block) is read by its camelCase path', () => {
    const bucket = (versioning: string): string => project(`  assets:\n    type: gcp:storage:Bucket\n    properties:\n      location: EU\n      uniformBucketLevelAccess: true\n${versioning}`);
    assert.deepEqual(lines('terraform/gcp-storage-versioning-disabled', bucket('      versioning:\n        enabled: false\n')), [10]);
    assert.deepEqual(lines('terraform/gcp-storage-versioning-disabled', bucket('      versioning:\n        enabled: true\n')), []);
    assert.deepEqual(lines('terraform/gcp-storage-uniform-access-disabled', bucket('')), []);
  });

  it('Azure storage account: nested network rules and the applicability test', () => {
    const account = (extra: string): string =>
      project(`  store:\n    type: azure:storage/account:Account\n    properties:\n      resourceGroupName: rg\n      accountTier: Standard\n      accountReplicationType: LRS\n${extra}`);
    const rules = '      networkRules:\n        defaultAction: Allow\n';
    assert.deepEqual(lines('terraform/azure-storage-network-default-allow', account(rules)), [11]);
    assert.deepEqual(lines('terraform/azure-storage-network-default-allow', account(`${rules}      publicNetworkAccessEnabled: false\n`)), []);
    assert.deepEqual(lines('terraform/azure-storage-network-default-allow', account('      networkRules:\n        defaultAction: Deny\n')), []);
    assert.deepEqual(lines('terraform/azure-storage-nested-public-allowed', account('      allowNestedItemsToBePublic: true\n')), [10]);
  });

  it('S3 access point: a nested block of public access settings', () => {
    const ap = (v: string): string => project(`  ap:\n    type: aws:s3/accessPoint:AccessPoint\n    properties:\n      bucket: \${bucket.id}\n      publicAccessBlockConfiguration:\n        blockPublicAcls: ${v}\n        blockPublicPolicy: true\n        ignorePublicAcls: true\n        restrictPublicBuckets: true\n`);
    assert.deepEqual(lines('terraform/s3-access-point-public', ap('false')), [9]);
    assert.deepEqual(lines('terraform/s3-access-point-public', ap('true')), []);
    assert.deepEqual(lines('terraform/s3-access-point-public', ap('${config.block}')), []);
  });

  it('default security group: rules written as a list of objects', () => {
    const sg = (props: string): string => project(`  default:\n    type: aws:ec2/defaultSecurityGroup:DefaultSecurityGroup\n    properties:\n      vpcId: \${vpc.id}\n${props}`);
    assert.deepEqual(lines('terraform/default-security-group-open', sg('      ingress:\n        - protocol: "-1"\n          self: true\n          fromPort: 0\n          toPort: 0\n')), [8]);
    assert.deepEqual(lines('terraform/default-security-group-open', sg('')), []);
  });

  it('Cloud SQL: some (name and value in the same database flag), and not some', () => {
    const sql = (version: string, flags: string): string =>
      project(`  db:\n    type: gcp:sql/databaseInstance:DatabaseInstance\n    properties:\n      databaseVersion: ${version}\n      settings:\n        tier: db-f1-micro\n${flags}`);
    const flags = (...f: [string, string][]): string => `        databaseFlags:\n${f.map(([n, v]) => `          - name: ${n}\n            value: "${v}"\n`).join('')}`;
    assert.deepEqual(lines('terraform/gcp-sql-mysql-local-infile', sql('MYSQL_8_0', flags(['skip_show_database', 'on'], ['local_infile', 'on']))), [14]);
    assert.deepEqual(lines('terraform/gcp-sql-mysql-local-infile', sql('MYSQL_8_0', flags(['local_infile', 'off'], ['skip_show_database', 'on']))), []);
    assert.deepEqual(lines('terraform/gcp-sql-mysql-local-infile', sql('MYSQL_8_0', '        databaseFlags: ${flags}\n')), []);
    assert.deepEqual(lines('terraform/gcp-sql-postgres-log-connections-off', sql('POSTGRES_15', '')), [4]);
    assert.deepEqual(lines('terraform/gcp-sql-postgres-log-connections-off', sql('POSTGRES_15', flags(['log_connections', 'on']))), []);
    assert.deepEqual(lines('terraform/gcp-sql-postgres-log-connections-off', sql('POSTGRES_15', '        databaseFlags:\n          fn::invoke:\n            function: x\n')), []);
  });

  it('a user policy of aurora.yaml on a mapped Terraform type runs on programs too', () => {
    const policy = {
      id: 'custom/rds-small-storage',
      subject: { kind: 'terraform' as const, resources: ['aws_db_instance'] },
      title: 'Small RDS storage',
      description: 'Our databases start at 50 GB.',
      severity: 'warning' as const,
      when: { path: 'allocated_storage', lessThan: 50 },
      message: "Database '{name}' has {value} GB",
      remedy: 'Raise allocated_storage.',
    };
    const found = analyze('infra/Pulumi.yaml', rds('      allocatedStorage: 20\n'), { policies: [policy] }).filter((f) => f.ruleId === 'custom/rds-small-storage');
    assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.message]), [[9, "Database 'orders' has 20 GB"]]);
  });

  it('one catalog entry per id: the Pulumi check is not a rule of its own', async () => {
    const { catalog } = await import('../../../src/core');
    assert.equal(catalog().filter((c) => c.id === 'terraform/rds-no-backups').length, 1);
  });
});

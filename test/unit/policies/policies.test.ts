import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, analyzeFiles, parseAnalyzeConfig } from '../../../src/core';
import { splitPath, validPath } from '../../../src/core/policies/evaluate';
import { registryAddress } from '../../../src/core/policies/modules';
import { POLICIES } from '../../../src/core/policies';
import { validatePolicy } from '../../../src/core/policies/validate';
import { ready } from '../../helpers/core';
import { tfTable } from '../rules/terraform/tf-table';
import { message as backupsMessage } from '../../../src/core/rules/terraform/rds-no-backups';

const USER = `policies:
  - id: kubernetes/team-internal-lb
    subject: {kinds: [Service]}
    title: Load balancers are internal
    severity: warning
    where: {path: spec.type, equals: LoadBalancer}
    when:
      not:
        path: metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"]
        equals: internal
    message: "Service '{name}' is not an internal load balancer"
  - id: terraform/team-tags
    subject: {resources: [aws_s3_bucket]}
    title: Buckets are tagged with an owner
    severity: info
    when: {path: tags.owner, absent: true}
    message: "Bucket '{name}' has no owner tag"
    fix: {path: force_destroy, value: false, safe: false}
`;

describe('policy paths', () => {
  it('splits dots and quoted keys', () => {
    assert.deepEqual(splitPath('metadata.annotations["a.b/c"].x'), ['metadata', 'annotations', 'a.b/c', 'x']);
    assert.deepEqual(splitPath("a['x.y']"), ['a', 'x.y']);
  });
  it('rejects malformed paths', () => {
    for (const bad of ['', 'a..b', '.a', 'a.', 'a["x"', 'a[x]']) {
      assert.equal(validPath(bad), false, bad);
    }
    for (const good of ['a', 'a.b', 'a["x.y"]', 'metadata.labels["pod-security.kubernetes.io/enforce"]']) {
      assert.equal(validPath(good), true, good);
    }
  });
});

describe('built-in policies', () => {
  it('have the shape users write in aurora.yaml (valid paths, operators, patterns)', () => {
    for (const p of POLICIES) {
      const { kind: _kind, ...subject } = p.subject;
      // equivalents and limits are built-in only: they feed the catalog and the docs page
      const { equivalents: _eq, limits: _limits, ...rest } = p;
      assert.deepEqual(validatePolicy(JSON.parse(JSON.stringify({ ...rest, subject })), new Set()).problems, [], p.id);
    }
  });
});

describe('module sources', () => {
  it('reads registry and git forms, not submodules', () => {
    assert.equal(registryAddress('terraform-aws-modules/rds/aws'), 'terraform-aws-modules/rds/aws');
    assert.equal(registryAddress('git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.5.0'), 'terraform-aws-modules/rds/aws');
    assert.equal(registryAddress('terraform-aws-modules/rds/aws//modules/db_instance'), undefined);
    assert.equal(registryAddress('./modules/rds'), undefined);
  });
});

// the example: a module input is checked like the resource attribute it sets
tfTable('terraform/rds-no-backups', [
  { what: 'rds module with retention 0', input: `module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  version                 = "6.5.0"\n  backup_retention_period = 0\n}\n`, want: [4], messages: [backupsMessage('db')] },
  { what: 'rds module read replica', input: `module "replica" {\n  source                  = "terraform-aws-modules/rds/aws"\n  replicate_source_db     = module.db.db_instance_identifier\n  backup_retention_period = 0\n}\n`, want: [] },
  { what: 'rds module with retention 7', input: `module "db" {\n  source                  = "terraform-aws-modules/rds/aws"\n  backup_retention_period = 7\n}\n`, want: [] },
  { what: 'aurora module through a local', input: `locals {\n  keep = 0\n}\nmodule "cluster" {\n  source                  = "terraform-aws-modules/rds-aurora/aws"\n  backup_retention_period = local.keep\n}\n`, want: [6] },
  { what: 'an unrelated module with the same input', input: `module "db" {\n  source                  = "acme/database/aws"\n  backup_retention_period = 0\n}\n`, want: [] },
]);

tfTable('terraform/cloudtrail-not-encrypted', [
  { what: 'empty key id is not encryption', input: `resource "aws_cloudtrail" "t" {\n  name       = "t"\n  kms_key_id = ""\n}\n`, want: [3] },
  { what: 'key from a variable without default is unknown', input: `variable "key" {}\nresource "aws_cloudtrail" "t" {\n  kms_key_id = var.key\n}\n`, want: [] },
]);

tfTable('terraform/module-security-group-open-admin', [
  { what: 'cidrs from a variable default', input: `variable "cidrs" {\n  default = ["0.0.0.0/0"]\n}\nmodule "sg" {\n  source              = "terraform-aws-modules/security-group/aws"\n  ingress_cidr_blocks = var.cidrs\n  ingress_rules       = ["rdp-tcp"]\n}\n`, want: [7] },
  { what: 'https only', input: `module "sg" {\n  source              = "terraform-aws-modules/security-group/aws"\n  ingress_cidr_blocks = ["0.0.0.0/0"]\n  ingress_rules       = ["https-443-tcp"]\n}\n`, want: [] },
]);

describe('user policies (aurora.yaml policies:)', () => {
  before(ready);

  it('are read from aurora.yaml and run on Kubernetes and Terraform files', () => {
    const { config, problems } = parseAnalyzeConfig(USER);
    assert.deepEqual(problems, []);
    assert.equal(config.policies?.length, 2);
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 443\n';
    const f = analyze('k8s/svc.yaml', svc, config).filter((x) => x.ruleId === 'kubernetes/team-internal-lb');
    assert.deepEqual(f.map((x) => [x.range.start.line, x.message]), [[1, "Service 'web' is not an internal load balancer"]]);
    const internal = svc.replace('  name: web\n', '  name: web\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n');
    assert.deepEqual(analyze('k8s/svc.yaml', internal, config).filter((x) => x.ruleId === 'kubernetes/team-internal-lb'), []);
    const tf = analyzeFiles([{ path: 'infra/main.tf', text: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  tags = {\n    team = "x"\n  }\n}\n' }], config).get('infra/main.tf') ?? [];
    assert.deepEqual(tf.filter((x) => x.ruleId === 'terraform/team-tags').map((x) => [x.range.start.line, x.severity]), [[2, 'info']]);
  });

  it('take severity overrides and are off without the config', () => {
    const { config } = parseAnalyzeConfig(`${USER}rules:\n  terraform/team-tags: error\n`);
    const text = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';
    assert.equal(analyze('main.tf', text, config).find((x) => x.ruleId === 'terraform/team-tags')?.severity, 'error');
    assert.equal(analyze('main.tf', text).find((x) => x.ruleId === 'terraform/team-tags'), undefined);
  });

  it('are explained at the line when invalid, and left out', () => {
    const bad = USER.replace('equals: internal', 'equal: internal').replace('subject: {resources: [aws_s3_bucket]}', 'subject: {kinds: [Service]}');
    const { config, problems } = parseAnalyzeConfig(bad);
    assert.deepEqual(
      problems.map((p) => [p.range.start.line + 1, p.message]),
      [
        [10, "policies[0] (kubernetes/team-internal-lb): unknown operator 'equal': expected path with one of absent, present, blank, equals, in, notIn, matches, contains, lessThan, greaterThan, references, some; or all, any, not"],
        [13, 'policies[1] (terraform/team-tags): subject.kinds is for kubernetes policies, but the id starts with terraform/'],
      ],
    );
    assert.equal(config.policies, undefined);
    const findings = analyze('aurora.yaml', bad).filter((x) => x.ruleId === 'aurora/invalid-policy');
    assert.deepEqual(findings.map((x) => x.range.start.line + 1), [10, 13]);
  });

  it('refuse patterns with nested repetition (aurora.yaml comes with the repository)', () => {
    const { problems } = parseAnalyzeConfig(USER.replace('when: {path: tags.owner, absent: true}', 'when: {path: tags.owner, matches: "^(a+)+$"}'));
    assert.deepEqual(problems.map((p) => [p.range.start.line + 1, p.message]), [[16, 'policies[1] (terraform/team-tags): matches: a repeated group that itself repeats, such as (a+)+, can take exponential time: rewrite it without nested repetition']]);
  });

  it('may not reuse a rule id', () => {
    const { problems } = parseAnalyzeConfig(USER.replace('terraform/team-tags', 'terraform/rds-no-backups'));
    assert.match(problems[0]?.message ?? '', /already a rule or policy/);
  });
});

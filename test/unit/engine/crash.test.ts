import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALL_RULES, createEngine, INTERNAL_ERROR, internalErrorMessage } from '../../../src/core';
import type { FolderRule, Rule } from '../../../src/core';
import type { AnyRule } from '../../../src/core/rule';
import type { TerraformModel } from '../../../src/core/parsers/terraform';
import type { YamlFile } from '../../../src/core/parsers/yaml';
import { ready } from '../../helpers/core';

// Rules that fail on purpose, beside the real catalog: the engine must turn each failure into an
// internal-error finding naming the rule, and keep every other rule's findings.
const fileRule: Rule<TerraformModel> = {
  id: 'terraform/test-throws-in-file',
  meta: { title: 'Throws on every file', description: 'A test rule that throws on every file it sees.', severity: 'warning', kind: 'terraform', fixable: false },
  check() {
    throw new Error('file rule boom');
  },
};
const folderRule: FolderRule<TerraformModel> = {
  id: 'terraform/test-throws-in-folder',
  meta: { title: 'Throws on every folder', description: 'A test rule that throws on every folder it sees.', severity: 'warning', kind: 'terraform', fixable: false },
  checkFolder() {
    throw new TypeError('folder rule boom');
  },
};
const documentRule: Rule<YamlFile> = {
  id: 'kubernetes/test-throws-per-document',
  meta: { title: 'Throws on every document', description: 'A test rule of document scope that throws on every document.', severity: 'warning', kind: 'kubernetes', fixable: false },
  scope: 'document',
  check() {
    throw new Error('document rule boom');
  },
};
const engine = createEngine([...ALL_RULES, fileRule, folderRule, documentRule] as readonly AnyRule[]);

const volume = 'resource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n}\n';
const crashes = (findings: readonly { ruleId: string; message: string; severity: string }[]): string[] =>
  findings.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => `${f.severity} ${f.message}`).sort();

describe('a rule that throws', () => {
  before(ready);

  it('becomes an internal-error finding naming it, file rule and folder rule alike (analyze)', () => {
    const findings = engine.analyze('infra/main.tf', volume);
    assert.deepEqual(crashes(findings), [`info ${internalErrorMessage(folderRule.id, 'folder rule boom')}`, `info ${internalErrorMessage(fileRule.id, 'file rule boom')}`].sort());
    assert.ok(findings.some((f) => f.ruleId === 'terraform/ebs-not-encrypted'), 'the other rules still ran');
  });

  it('is reported on every file of the folder the folder rule was given (analyzeFiles)', () => {
    const results = engine.analyzeFiles([
      { path: 'infra/main.tf', text: volume },
      { path: 'infra/variables.tf', text: 'variable "region" {\n  default = "eu-west-1"\n}\n' },
    ]);
    for (const path of ['infra/main.tf', 'infra/variables.tf']) {
      assert.ok(crashes(results.get(path) ?? []).includes(`info ${internalErrorMessage(folderRule.id, 'folder rule boom')}`), `${path} shows the folder rule's failure`);
    }
    assert.ok((results.get('infra/main.tf') ?? []).some((f) => f.ruleId === 'terraform/ebs-not-encrypted'));
  });

  it('is reported for a document-scoped rule while typing in a stream, and not kept as a result', () => {
    const stream = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';
    for (let round = 0; round < 2; round++) {
      const findings = engine.analyzeFiles([{ path: 'k8s/cm.yaml', text: stream }], {}, () => ({}), { onType: true }).get('k8s/cm.yaml') ?? [];
      assert.ok(crashes(findings).length >= 1, `round ${round}: the failure shows`);
      assert.ok(crashes(findings).every((m) => m.includes(documentRule.id)));
    }
  });

  it('follows the configured severity of internal-error, and nothing when it is off', () => {
    assert.deepEqual(crashes(engine.analyze('main.tf', volume, { rules: { 'internal-error': 'error' } })).map((m) => m.split(' ')[0]), ['error', 'error']);
    assert.deepEqual(crashes(engine.analyze('main.tf', volume, { rules: { 'internal-error': 'off' } })), []);
  });

  it('does not run when it is off', () => {
    assert.deepEqual(crashes(engine.analyze('main.tf', volume, { rules: { [fileRule.id]: 'off', [folderRule.id]: 'off' } })), []);
  });
});

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { toSarif } from '../../../src/cli/format';
import { repositoryWebUrl, ruleDocsUrl } from '../../../src/cli/ruleLinks';
import { repoRoot } from '../../helpers/core';
import { runCli, tempProject } from './cliRun';

const root = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository: { url: string } };

describe('SARIF helpUri', () => {
  it('reads package.json repository in its usual spellings', () => {
    const want = 'https://github.com/acme/lint';
    for (const form of ['https://github.com/acme/lint', 'git+https://github.com/acme/lint.git', 'github:acme/lint', 'acme/lint', { url: 'https://github.com/acme/lint.git' }, 'git://github.com/acme/lint.git']) {
      assert.equal(repositoryWebUrl(form), want, JSON.stringify(form));
    }
    assert.equal(repositoryWebUrl(undefined), undefined);
    assert.equal(repositoryWebUrl('not a url'), undefined);
    assert.equal(ruleDocsUrl('docs/rules/dockerfile/no-latest-tag.md', { url: 'https://github.com/acme/mono', directory: 'tools/aurora/' }), 'https://github.com/acme/mono/blob/HEAD/tools/aurora/docs/rules/dockerfile/no-latest-tag.md');
    assert.equal(ruleDocsUrl('docs/rules/x.md', ''), undefined);
  });

  it('every rule links to its page in the repository named by package.json', () => {
    const base = repositoryWebUrl(pkg.repository);
    assert.ok(base, 'package.json has a repository');
    const log = toSarif([], '1.0.0') as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
    const rules = log.runs[0].tool.driver.rules;
    assert.ok(rules.length > 100);
    for (const rule of rules) {
      assert.ok(rule.helpUri, `${rule.id} has a helpUri`);
      const prefix = `${base}/blob/HEAD/`;
      assert.ok(rule.helpUri.startsWith(prefix), rule.helpUri);
      const page = decodeURIComponent(rule.helpUri.slice(prefix.length));
      assert.ok(fs.existsSync(path.join(root, page)), `${rule.id}: ${page} exists in the repository`);
    }
  });

  it('the built CLI writes it too', () => {
    const dir = tempProject({ 'Dockerfile': 'FROM ubuntu\n' });
    try {
      const log = JSON.parse(runCli(['check', '.', '--format', 'sarif'], dir).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } } }[] };
      const rule = log.runs[0].tool.driver.rules.find((r) => r.id === 'dockerfile/no-latest-tag');
      assert.equal(rule?.helpUri, `${repositoryWebUrl(pkg.repository)}/blob/HEAD/docs/rules/dockerfile/no-latest-tag.md`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

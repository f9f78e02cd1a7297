import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALL_RULES, analyze, analyzeFiles } from '../../src/core';
import type { AnyRule } from '../../src/core/rule';
import { executeTool } from '../../src/agent/tools';
import type { ToolEnv } from '../../src/agent/tools';
import { NodeWorkspace } from '../../src/agent/node/workspace';
import type { Shell } from '../../src/agent/ports';
import { ready, repoRoot } from '../helpers/core';
import { goldenCase } from '../helpers/golden';
import type { GoldenCase } from '../helpers/golden';
import { builtCliEnv } from '../helpers/cli';

// Every rule of the catalog must fire on its own bad example (test/golden/<rule-id>/bad) through
// every way a host analyses a file: analyze() (CLI fix, fuzz, agent), analyzeFiles() (workspace
// scan, CLI check, agent prompt), analyzeFiles() on type (the editor), the agent's re-lint after
// write_file, and the built CLI. A rule that only one path runs (as 41 Terraform rules once ran only in analyzeFiles) fails.

const cases: { rule: AnyRule; c: GoldenCase; slug: string }[] = [];
for (const rule of ALL_RULES) {
  const c = goldenCase(rule);
  if (c) {
    cases.push({ rule, c, slug: rule.id.replace('/', '__') });
  }
}

/** Rules that fire only when the host answers about neighbouring files (the agent passes no such host). */
const needsHost = (c: GoldenCase): boolean => c.env.fileExists !== undefined;

describe('every rule fires through every entry point', () => {
  let tmp = '';
  before(async () => {
    await ready();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-entry-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('every rule has a bad example', () => {
    assert.deepEqual(ALL_RULES.filter((r) => !cases.some((c) => c.rule === r)).map((r) => r.id), []);
  });

  it('analyze()', () => {
    const silent = cases.filter(({ rule, c }) => !analyze(c.path, c.bad, {}, c.env).some((f) => f.ruleId === rule.id));
    assert.deepEqual(silent.map((s) => s.rule.id), []);
  });

  it('analyze() with the file among other files of its folder', () => {
    const neighbour = { path: 'README.md', text: '# notes\n' };
    const silent = cases.filter(({ rule, c }) => {
      const folder = [{ ...neighbour, path: path.posix.join(path.posix.dirname(c.path), neighbour.path) }];
      return !analyze(c.path, c.bad, {}, c.env, folder).some((f) => f.ruleId === rule.id);
    });
    assert.deepEqual(silent.map((s) => s.rule.id), []);
  });

  it('analyzeFiles()', () => {
    const silent = cases.filter(({ rule, c }) => !(analyzeFiles([{ path: c.path, text: c.bad }], {}, () => c.env).get(c.path) ?? []).some((f) => f.ruleId === rule.id));
    assert.deepEqual(silent.map((s) => s.rule.id), []);
  });

  it('analyzeFiles() while typing (the editor: onType, reusing earlier parses)', () => {
    // twice: the second run starts from what the first one left in the on-type caches
    for (const run of ['first', 'again']) {
      const silent = cases.filter(({ rule, c }) => !(analyzeFiles([{ path: c.path, text: c.bad }], {}, () => c.env, { onType: true }).get(c.path) ?? []).some((f) => f.ruleId === rule.id));
      assert.deepEqual(silent.map((s) => s.rule.id), [], run);
    }
  });

  it("the agent's re-lint after write_file", async () => {
    const silent: string[] = [];
    const shell: Shell = { run: () => Promise.reject(new Error('no commands in this test')) };
    // the agent may never write aurora.yaml (its own contract): the write is refused below the
    // policy, so the aurora/* rules have no re-lint to fire in; that refusal is checked here too
    for (const { rule, c, slug } of cases.filter((x) => !needsHost(x.c))) {
      const root = path.join(tmp, 'agent', slug);
      if (rule.id.startsWith('aurora/')) {
        fs.mkdirSync(root, { recursive: true });
        const env: ToolEnv = { workspace: new NodeWorkspace(root), shell, analyzeConfig: {}, redact: false, outputLimit: 100_000, commandTimeoutMs: 1000 };
        const refused = await executeTool('write_file', { path: c.path, content: c.bad }, { decision: 'allow', reasons: [], hosts: [], paths: [path.join(root, ...c.path.split('/'))] }, env);
        assert.equal(refused.ok, false, `${rule.id}: the agent wrote ${c.path}`);
        continue;
      }
      fs.mkdirSync(root, { recursive: true });
      const env: ToolEnv = { workspace: new NodeWorkspace(root), shell, analyzeConfig: {}, redact: false, outputLimit: 100_000, commandTimeoutMs: 1000 };
      const abs = path.join(root, ...c.path.split('/'));
      const outcome = await executeTool('write_file', { path: c.path, content: c.bad }, { decision: 'allow', reasons: [], hosts: [], paths: [abs] }, env);
      if (!outcome.findings?.some((f) => f.ruleId === rule.id) || !outcome.output.includes(rule.id)) {
        silent.push(rule.id);
      }
    }
    assert.deepEqual(silent, []);
  });

  it('the CLI (aurora-devops check)', () => {
    const root = path.join(tmp, 'cli');
    for (const { c, slug } of cases) {
      const file = path.join(root, slug, ...c.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, c.bad);
    }
    const r = spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), 'check', '--format', 'json', '--fail-on', 'never', root], { env: builtCliEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const found = JSON.parse(r.stdout) as { file: string; ruleId: string }[];
    const fired = new Set(found.map((f) => `${path.relative(root, path.resolve(root, f.file)).split(path.sep)[0]} ${f.ruleId}`));
    assert.deepEqual(cases.filter(({ rule, slug }) => !fired.has(`${slug} ${rule.id}`)).map((x) => x.rule.id), []);
  });
});

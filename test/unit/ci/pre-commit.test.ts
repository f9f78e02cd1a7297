import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { detectKind } from '../../../src/core';
import { repoRoot } from '../../helpers/core';
import { runCli, tempProject } from './cliRun';

interface Hook {
  id: string;
  language: string;
  entry: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(repoRoot(), '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** pre-commit's filter is a Python regex searched in the path; `(?i)` becomes the i flag here. */
function filesFilter(hook: Hook): RegExp {
  assert.ok(hook.files.startsWith('(?i)'));
  return new RegExp(hook.files.slice('(?i)'.length), 'i');
}

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'aurora-devops');

  it('declares a node hook running check serially', () => {
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.match(hook.entry, /^aurora-devops check\b/);
    assert.equal(hook.require_serial, true);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.ok(pkg.bin[hook.entry.split(' ')[0]], 'the entry is the package bin');
  });

  it('its files filter takes every path the core reads and leaves others', () => {
    assert.ok(hook);
    const filter = filesFilter(hook);
    const read = [
      'Dockerfile',
      'svc/Dockerfile.prod',
      'svc/api.dockerfile',
      'Containerfile',
      'infra/main.tf',
      'compose.yaml',
      'deploy/docker-compose.prod.yml',
      '.github/workflows/ci.yml',
      '.gitlab-ci.yml',
      '.gitlab/ci/build.yml',
      'aurora.yaml',
      'Pulumi.dev.yaml',
    ];
    for (const p of read) {
      assert.ok(detectKind(p, '') !== undefined, `the core reads ${p}`);
      assert.ok(filter.test(p), p);
    }
    // Kubernetes manifests are known by content, so every YAML passes the filter
    assert.equal(detectKind('k8s/app.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
    assert.ok(filter.test('k8s/app.yaml'));
    for (const p of ['README.md', 'src/main.ts', 'Dockerfile.d/notes', 'main.tf.bak', 'yaml/readme.txt']) {
      assert.ok(!filter.test(p), p);
    }
  });

  it('its entry checks the files pre-commit passes', () => {
    assert.ok(hook);
    const dir = tempProject({ 'Dockerfile': 'FROM ubuntu\n', 'k8s/notes.yaml': 'a: 1\n' });
    try {
      const args = [...hook.entry.split(' ').slice(1), 'Dockerfile', 'k8s/notes.yaml'];
      const r = runCli(args, dir);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^Dockerfile:1:6: warning .*\[dockerfile\/no-latest-tag\]$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

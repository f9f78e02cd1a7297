import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { detectKind } from '../../../src/core';
import { repoRoot } from '../../helpers/core';
import { runCli, tempProject, writeFiles } from './cliRun';

interface Hook {
  id: string;
  language: string;
  entry: string;
  files: string;
  require_serial?: boolean;
  pass_filenames?: boolean;
}

const hooks = parse(fs.readFileSync(path.join(repoRoot(), '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** pre-commit's filter is a Python regex searched in the path; `(?i)` becomes the i flag here. */
function filesFilter(hook: Hook): RegExp {
  assert.ok(hook.files.startsWith('(?i)'));
  return new RegExp(hook.files.slice('(?i)'.length), 'i');
}

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks.find((h) => h.id === 'aurora-devops');

  it('declares a node hook running check serially on what changed', () => {
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'aurora-devops check --changed-since HEAD');
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

  it('its entry checks the staged files with their folders, not the rest of the repository', () => {
    assert.ok(hook);
    assert.equal(hook.pass_filenames, false);
    const pod = (app: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  selector:\n    matchLabels: { app: ${app} }\n  template:\n    metadata:\n      labels: { app: ${app} }\n    spec:\n      containers:\n        - name: ${app}\n          image: shop/${app}:1.0\n`;
    const service = (port: number): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: { app: api }\n  ports: [{ port: ${port}, targetPort: 8080 }]\n`;
    const dir = tempProject({ 'old/Dockerfile': 'FROM ubuntu\n', 'k8s/api.yaml': pod('api'), 'k8s/web.yaml': pod('web'), 'k8s/service.yaml': service(80) });
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', HOME: dir } });
      assert.equal(r.status, 0, r.stderr);
    };
    try {
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'base');
      // staged: the Service (port changed) and the web Deployment (image tag dropped); the
      // Deployment the Service selects is unchanged and must still count as its neighbour
      writeFiles(dir, { 'k8s/service.yaml': service(81), 'k8s/web.yaml': pod('web').replace('shop/web:1.0', 'shop/web') });
      git('add', 'k8s/service.yaml', 'k8s/web.yaml');
      const args = hook.entry.split(' ').slice(1);
      const r = runCli([...args, '--format', 'json'], dir);
      const found = JSON.parse(r.stdout) as { file: string; ruleId: string }[];
      assert.ok(found.some((f) => f.file === 'k8s/web.yaml'), r.stdout + r.stderr);
      assert.ok(!found.some((f) => f.ruleId === 'kubernetes/service-selector-mismatch'), r.stdout);
      assert.ok(found.every((f) => f.file === 'k8s/web.yaml' || f.file === 'k8s/service.yaml'), r.stdout);
      // the same two files handed over alone (what pass_filenames would do) misjudge the Service
      const alone = JSON.parse(runCli(['check', 'k8s/service.yaml', 'k8s/web.yaml', '--format', 'json'], dir).stdout) as { ruleId: string }[];
      assert.ok(alone.some((f) => f.ruleId === 'kubernetes/service-selector-mismatch'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

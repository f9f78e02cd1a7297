import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runCli, tempProject, writeFiles } from './cliRun';

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const DEPLOYMENT = (name: string, app: string): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    `    matchLabels: { app: ${app} }`,
    '  template:',
    '    metadata:',
    `      labels: { app: ${app} }`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    '          image: shop/api:1.0',
    '',
  ].join('\n');
const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', 'spec:', '  selector: { app: api }', '  ports: [{ port: 80, targetPort: 8080 }]', ''].join('\n');

interface Json {
  file: string;
  ruleId: string;
}

describe('check --changed-since', () => {
  it('reports only files changed since REF (committed, staged, unstaged, untracked), analysed with their folder', () => {
    const dir = tempProject({ 'old/Dockerfile': 'FROM ubuntu\n', 'k8s/deployment.yaml': DEPLOYMENT('api', 'api'), 'k8s/service.yaml': SERVICE, 'notes.txt': 'x\n' });
    try {
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', 'base');
      const all = JSON.parse(runCli(['check', '.', '--format', 'json'], dir).stdout) as Json[];
      assert.ok(all.some((f) => f.file === 'old/Dockerfile'), 'the unchanged file has findings of its own');

      // nothing changed: nothing analysed, nothing reported
      const none = runCli(['check', '.', '--changed-since', 'HEAD'], dir);
      assert.equal(none.code, 0, none.stderr);
      assert.match(none.stdout, /No problems found in 0 files/);

      git(dir, 'switch', '-q', '-c', 'feature');
      writeFiles(dir, { 'svc/Dockerfile': 'FROM node\n' });
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', 'svc');
      writeFiles(dir, { 'staged/Dockerfile': 'FROM alpine\n', 'untracked/Dockerfile': 'FROM debian\n' });
      git(dir, 'add', 'staged/Dockerfile');
      // the Service is edited (unstaged): its selector now matches no pod of the folder
      fs.writeFileSync(path.join(dir, 'k8s/service.yaml'), SERVICE.replace('{ app: api }', '{ app: web }'));
      const r = runCli(['check', '.', '--changed-since', 'main', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stderr);
      const files = [...new Set((JSON.parse(r.stdout) as Json[]).map((f) => f.file))].sort();
      assert.deepEqual(files, ['k8s/service.yaml', 'staged/Dockerfile', 'svc/Dockerfile', 'untracked/Dockerfile']);

      // folder context: with the Deployment beside it the Service's selector is judged against it.
      // The same Service checked alone (no neighbours) loses that finding, so context mattered.
      const withContext = (JSON.parse(r.stdout) as Json[]).filter((f) => f.file === 'k8s/service.yaml').map((f) => f.ruleId);
      const alone = (JSON.parse(runCli(['check', 'k8s/service.yaml', '--format', 'json'], dir).stdout) as Json[]).map((f) => f.ruleId);
      assert.notDeepEqual(withContext.sort(), alone.sort());

      // a REF git does not know is a usage error that says what to do
      const bad = runCli(['check', '.', '--changed-since', 'no-such-ref'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--changed-since no-such-ref: not a commit/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('outside a git repository it is a usage error', () => {
    const dir = tempProject({ 'Dockerfile': 'FROM ubuntu\n' });
    try {
      const r = runCli(['check', '.', '--changed-since', 'main'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /not in a git repository/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../src/core';
import { runCli, tempProject } from './cliRun';
import { ready } from '../../helpers/core';

const DOCKERFILE = ['FROM node:20', 'WORKDIR /app', 'ADD app /app', 'RUN npm ci', ''].join('\n');
/** The same Dockerfile with lines moved down and re-indented, and one new finding (a second ADD). */
const EDITED = ['# syntax=docker/dockerfile:1', '', 'FROM node:20', 'WORKDIR /app', 'LABEL team=shop', '   ADD   app  /app', 'ADD extra /extra', 'RUN npm ci', ''].join('\n');

function jsonFindings(stdout: string): { file: string; line: number; ruleId: string }[] {
  return JSON.parse(stdout) as { file: string; line: number; ruleId: string }[];
}

describe('check --baseline', () => {
  it('write, add a finding, move lines: only the new one is reported', async () => {
    await ready();
    // the test means something only if ADD is flagged at all
    assert.ok(analyze('Dockerfile', DOCKERFILE, {}, {}).some((f) => f.ruleId === 'dockerfile/add-instead-of-copy'));
    const dir = tempProject({ 'svc/Dockerfile': DOCKERFILE, 'other/Dockerfile': 'FROM node:20\nADD app /app\n' });
    try {
      const before = jsonFindings(runCli(['check', '.', '--format', 'json'], dir).stdout);
      assert.ok(before.length >= 2);
      const w = runCli(['check', '.', '--write-baseline', 'aurora-baseline.json'], dir);
      assert.equal(w.code, 0, w.stderr);
      assert.match(w.stderr, new RegExp(`wrote ${before.length} findings to aurora-baseline.json`));
      const written = JSON.parse(fs.readFileSync(path.join(dir, 'aurora-baseline.json'), 'utf8')) as { version: number; findings: { file: string; fingerprint: string }[] };
      assert.equal(written.version, 1);
      assert.equal(written.findings.length, before.length);
      assert.ok(written.findings.every((f) => /^[0-9a-f]{64}$/.test(f.fingerprint)));

      // unchanged: nothing reported, exit 0
      const same = runCli(['check', '.', '--baseline', 'aurora-baseline.json'], dir);
      assert.equal(same.code, 0, same.stdout + same.stderr);
      assert.match(same.stdout, /No problems found/);
      assert.match(same.stderr, new RegExp(`${before.length} known findings not reported`));
      assert.doesNotMatch(same.stderr, /gone/);

      // lines moved and re-indented, one ADD added, other/Dockerfile's ADD fixed
      fs.writeFileSync(path.join(dir, 'svc/Dockerfile'), EDITED);
      fs.writeFileSync(path.join(dir, 'other/Dockerfile'), 'FROM node:20\nCOPY app /app\n');
      const after = runCli(['check', '.', '--baseline', 'aurora-baseline.json', '--format', 'json'], dir);
      const reported = jsonFindings(after.stdout);
      assert.deepEqual(
        reported.map((f) => `${f.file}:${f.line}:${f.ruleId}`),
        ['svc/Dockerfile:7:dockerfile/add-instead-of-copy'],
        after.stderr,
      );
      assert.equal(after.code, 1);
      // other/Dockerfile's ADD was fixed: one baselined finding is gone
      assert.match(after.stderr, /; 1 baselined finding is gone/);

      // without the baseline the moved findings are all there again
      const all = jsonFindings(runCli(['check', '.', '--format', 'json'], dir).stdout);
      assert.ok(all.length > reported.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('aurora.yaml baseline: is honoured, relative to aurora.yaml, and checking a sub-folder counts nothing gone elsewhere', () => {
    const dir = tempProject({ 'svc/Dockerfile': DOCKERFILE, 'other/Dockerfile': 'FROM alpine\n', 'aurora.yaml': 'baseline: ci/aurora-baseline.json\n' });
    try {
      fs.mkdirSync(path.join(dir, 'ci'));
      assert.equal(runCli(['check', '.', '--write-baseline', 'ci/aurora-baseline.json'], dir).code, 0);
      // aurora.yaml with the key passes its own rules; a baseline that is not a string does not
      const own = runCli(['check', 'aurora.yaml', '--fail-on', 'info'], dir);
      assert.equal(own.code, 0, own.stdout + own.stderr);
      fs.writeFileSync(path.join(dir, 'wrong.yaml'), 'baseline: [a, b]\nbaselines: x\n');
      fs.mkdirSync(path.join(dir, 'w'));
      fs.renameSync(path.join(dir, 'wrong.yaml'), path.join(dir, 'w', 'aurora.yaml'));
      const wrong = runCli(['check', 'w/aurora.yaml', '--format', 'json'], dir);
      assert.deepEqual((JSON.parse(wrong.stdout) as { ruleId: string }[]).map((f) => f.ruleId).sort(), ['aurora/unknown-key', 'aurora/wrong-type']);
      const r = runCli(['check', 'svc'], path.join(dir));
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stderr, /gone/);
      const inside = runCli(['check', '.'], path.join(dir, 'svc'));
      assert.equal(inside.code, 0, inside.stdout + inside.stderr);
      // an explicit --baseline wins; a missing one is a usage error that says how to make one
      const missing = runCli(['check', '.', '--baseline', 'nope.json'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json: .*--write-baseline/);
      fs.writeFileSync(path.join(dir, 'bad.json'), '{"findings": 3}');
      assert.equal(runCli(['check', '.', '--baseline', 'bad.json'], dir).code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a repeated line needs its own baseline entry', () => {
    const dir = tempProject({ 'Dockerfile': 'FROM node:20\nADD a /a\n' });
    try {
      runCli(['check', '.', '--write-baseline', 'b.json'], dir);
      fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:20\nADD a /a\nADD a /a\n');
      const r = jsonFindings(runCli(['check', '.', '--baseline', 'b.json', '--format', 'json'], dir).stdout);
      assert.deepEqual(r.map((f) => `${f.line}:${f.ruleId}`), ['3:dockerfile/add-instead-of-copy']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { GITLAB_SEVERITY, toGitlab } from '../../../src/cli/formats/gitlab';
import type { Finding } from '../../../src/core';
import { repoRoot } from '../../helpers/core';
import { runCli, tempProject } from './cliRun';

const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

/** The fields GitLab's Code Quality report requires, checked on every issue. */
function assertCodeQuality(report: unknown): Record<string, unknown>[] {
  assert.ok(Array.isArray(report));
  const prints = new Set<string>();
  for (const issue of report as Record<string, unknown>[]) {
    assert.equal(typeof issue.description, 'string');
    assert.ok((issue.description as string).length > 0);
    assert.equal(typeof issue.check_name, 'string');
    assert.equal(typeof issue.fingerprint, 'string');
    assert.ok(!prints.has(issue.fingerprint as string), `duplicate fingerprint ${String(issue.fingerprint)}`);
    prints.add(issue.fingerprint as string);
    assert.ok(SEVERITIES.includes(issue.severity as string), String(issue.severity));
    const location = issue.location as { path: string; lines: { begin: number } };
    assert.equal(typeof location.path, 'string');
    assert.ok(!path.isAbsolute(location.path) && !location.path.includes('\\'));
    assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
  }
  return report as Record<string, unknown>[];
}

const at = (line: number): Finding['range'] => ({ start: { line, character: 0 }, end: { line, character: 4 } });

describe('--format gitlab', () => {
  it('maps severities onto GitLab levels', () => {
    assert.deepEqual(GITLAB_SEVERITY, { info: 'info', warning: 'minor', error: 'major' });
  });

  it('gives equal lines distinct fingerprints, and keeps them when lines move', () => {
    const text = 'FROM a\nFROM a\n';
    const f = (line: number): Finding => ({ ruleId: 'r/x', severity: 'error', message: 'm', range: at(line) });
    const one = assertCodeQuality(toGitlab([{ file: 'Dockerfile', findings: [f(0), f(1)] }], () => text));
    assert.equal(one.length, 2);
    assert.equal((one[0].location as { lines: { begin: number } }).lines.begin, 1);
    assert.equal(one[0].severity, 'major');
    const moved = toGitlab([{ file: 'Dockerfile', findings: [f(3), f(4)] }], () => '# c\n\n' + '\n  FROM   a\nFROM a\n');
    assert.deepEqual(
      moved.map((i) => i.fingerprint),
      one.map((i) => i.fingerprint),
    );
    // another file or another rule: another fingerprint
    assert.notEqual(toGitlab([{ file: 'b/Dockerfile', findings: [f(0)] }], () => text)[0].fingerprint, one[0].fingerprint);
  });

  it('the CLI writes a report for real files', () => {
    const dir = tempProject({ 'svc/Dockerfile': 'FROM ubuntu\nADD app /app\n', '.gitlab-ci.yml': 'build:\n  image: node:latest\n  script: [make]\n' });
    try {
      const r = runCli(['check', '.', '--format', 'gitlab'], dir);
      assert.equal(r.code, 1, r.stderr);
      const report = assertCodeQuality(JSON.parse(r.stdout));
      assert.ok(report.some((i) => i.check_name === 'dockerfile/no-latest-tag' && (i.location as { path: string }).path === 'svc/Dockerfile'));
      assert.ok(report.some((i) => (i.location as { path: string }).path === '.gitlab-ci.yml'));
      // nothing found: still a valid (empty) report, which GitLab needs to clear the widget
      const empty = runCli(['check', 'svc', '--format', 'gitlab', '--fail-on', 'never'], dir);
      fs.writeFileSync(path.join(dir, 'svc', 'Dockerfile'), '# nothing here\n');
      const cleared = runCli(['check', 'svc', '--format', 'gitlab'], dir);
      assert.ok(JSON.parse(empty.stdout).length > 0, empty.stderr);
      assert.deepEqual(JSON.parse(cleared.stdout), [], cleared.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the template publishes the report as codequality and passes our own check', () => {
    const template = path.join(repoRoot(), 'templates', 'aurora.gitlab-ci.yml');
    const doc = parse(fs.readFileSync(template, 'utf8')) as { aurora: { script: string[]; artifacts: { reports: { codequality: string } } } };
    const report = doc.aurora.artifacts.reports.codequality;
    assert.ok(doc.aurora.script.some((line) => line.includes('--format gitlab') && line.includes(`> ${report}`)));
    const dir = tempProject({ '.gitlab-ci.yml': fs.readFileSync(template, 'utf8') });
    try {
      const r = runCli(['check', '.', '--fail-on', 'info'], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /No problems found in 1 file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

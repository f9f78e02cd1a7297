import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { excludeGlobProblem, excludeMatcher, parseAnalyzeConfig } from '../../../src/core';
import { runCli, tempProject } from '../../helpers/cli';

describe('exclude patterns', () => {
  const cases: { globs: string[]; yes: string[]; no: string[] }[] = [
    { globs: ['test/fixtures'], yes: ['test/fixtures/Dockerfile', 'test/fixtures/a/b.yaml'], no: ['test/fixtures.yaml', 'src/test/fixtures/x.yaml', 'test/Dockerfile'] },
    { globs: ['testdata'], yes: ['testdata/pod.yaml', 'a/b/testdata/c.yaml', 'x/testdata'], no: ['testdata2/pod.yaml', 'a/mytestdata/c.yaml'] },
    { globs: ['*.generated.yaml'], yes: ['k8s/app.generated.yaml', 'app.generated.yaml'], no: ['k8s/app.yaml'] },
    { globs: ['/examples'], yes: ['examples/a.yaml'], no: ['docs/examples/a.yaml'] },
    { globs: ['vendor/'], yes: ['vendor/x/Dockerfile', 'a/vendor/Dockerfile'], no: ['vendor'] },
    { globs: ['**/e2e/**'], yes: ['test/e2e/x.yaml', 'e2e/x.yaml'], no: ['e2e.yaml'] },
    { globs: ['.github/workflows/experimental-*.yml'], yes: ['.github/workflows/experimental-a.yml'], no: ['.github/workflows/ci.yml'] },
    { globs: ['./deploy/{dev,test}/*.yaml'], yes: ['deploy/dev/a.yaml', 'deploy/test/b.yaml'], no: ['deploy/prod/a.yaml'] },
    // an unusable pattern is ignored rather than guessed at
    { globs: ['..\\x', '!keep.yaml'], yes: [], no: ['keep.yaml', 'x/a.yaml'] },
  ];
  for (const c of cases) {
    it(`${c.globs.join(', ')}`, () => {
      const match = excludeMatcher(c.globs);
      for (const p of c.yes) {
        assert.equal(match(p), true, `${p} excluded`);
      }
      for (const p of c.no) {
        assert.equal(match(p), false, `${p} not excluded`);
      }
    });
  }

  it('aurora.yaml: usable globs are read, unusable ones are problems at their line', () => {
    const r = parseAnalyzeConfig('rules:\n  dockerfile/no-latest-tag: off\nexclude:\n  - testdata\n  - ../up\n  - 3\n');
    assert.deepEqual(r.exclude, ['testdata', '3']);
    assert.deepEqual(
      r.problems.map((p) => [p.range.start.line + 1, p.message]),
      [[5, `exclude: ${excludeGlobProblem('../up')}; this entry is ignored`]],
    );
    assert.deepEqual(parseAnalyzeConfig('exclude: testdata\n').problems.map((p) => p.message), ['exclude: expected a list of globs; it is ignored']);
    assert.deepEqual(parseAnalyzeConfig('exclude:\n').problems, []);
  });
});

describe('check with exclude', () => {
  const files = {
    'Dockerfile': 'FROM alpine:3.20\nUSER app\n',
    'test/fixtures/Dockerfile': 'FROM alpine:latest\n',
    'testdata/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: a\n      image: nginx\n',
    'testdata/notes.yaml': 'title: not an infrastructure file\n',
  };

  it('aurora.yaml exclude: and --exclude leave files out and count them as skipped (excluded)', async () => {
    const dir = tempProject({ ...files, 'aurora.yaml': 'exclude:\n  - test/fixtures\n' });
    try {
      const all = await runCli(['check', '.', '--format', 'sarif'], dir);
      const run = (JSON.parse(all.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; properties: { skipped: Record<string, number> }; invocations: { toolExecutionNotifications: { descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[] }).runs[0];
      const flagged = new Set(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
      assert.equal(flagged.has('test/fixtures/Dockerfile'), false);
      assert.equal(flagged.has('testdata/pod.yaml'), true);
      // testdata/notes.yaml is of no known kind: counted, not listed
      assert.deepEqual(run.properties.skipped, { excluded: 1, unrecognised: 1 });
      assert.deepEqual(
        run.invocations[0].toolExecutionNotifications.map((n) => [n.descriptor.id, n.locations[0].physicalLocation.artifactLocation.uri]),
        [['skipped/excluded', 'test/fixtures/Dockerfile']],
      );

      const both = await runCli(['check', '.', '--exclude', 'testdata', '--exclude', '*.md'], dir);
      assert.equal(both.code, 0, both.stdout + both.stderr);
      // notes.yaml is no infrastructure file: left out, but not counted as a skipped one
      assert.match(both.stdout, / in 2 files; 2 skipped \(2 excluded\)[.;]/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an explicit file argument is excluded too; patterns are relative to aurora.yaml, not the working directory', async () => {
    const dir = tempProject({ 'infra/aurora.yaml': 'exclude:\n  - /legacy\n', 'infra/legacy/Dockerfile': 'FROM alpine:latest\n', 'infra/Dockerfile': 'FROM alpine:3.20\nUSER app\n' });
    try {
      const r = await runCli(['check', 'infra', 'infra/legacy/Dockerfile'], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /in 2 files; 1 skipped \(1 excluded\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unusable --exclude is a usage error (exit 2, one line); in aurora.yaml a warning and a finding', async () => {
    const dir = tempProject({ ...files, 'aurora.yaml': 'exclude:\n  - test\\fixtures\n' });
    try {
      const bad = await runCli(['check', '.', '--exclude', '../elsewhere'], dir);
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr.trim().split('\n').length, 1);
      assert.match(bad.stderr, /--exclude '\.\.\/elsewhere': patterns are relative to the working directory/);
      const r = await runCli(['check', '.', '--format', 'json'], dir);
      assert.match(r.stderr, /aurora\.yaml:2: exclude: use \/ between folders/);
      const found = (JSON.parse(r.stdout) as { file: string; ruleId: string }[]).filter((f) => f.ruleId === 'aurora/invalid-exclude');
      assert.deepEqual(found.map((f) => f.file), ['aurora.yaml']);
      // the unusable pattern excludes nothing
      assert.ok((JSON.parse(r.stdout) as { file: string }[]).some((f) => f.file === 'test/fixtures/Dockerfile'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a workflow named aurora.yml', () => {
  it('is checked as a workflow and never read as the config', async () => {
    const workflow = 'on: push\npermissions: {contents: read}\njobs:\n  lint:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 10\n    steps:\n      - run: npx aurora-devops check .\n';
    const dir = tempProject({ '.github/workflows/aurora.yml': workflow, 'Dockerfile': 'FROM alpine:latest\n' });
    try {
      // as a config, `on:`/`jobs:` would be unknown keys; as a workflow it passes
      const r = await runCli(['check', '.github/workflows/aurora.yml', '--format', 'json', '--severity', 'info'], dir);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as { ruleId: string }[]).map((f) => f.ruleId).filter((id) => id.startsWith('aurora/')), []);
      assert.equal(r.stderr, '');
      // checking the folder does not take the workflow for the config either: rules keep their defaults
      const all = await runCli(['check', '.github/workflows', 'Dockerfile', '--format', 'json'], dir);
      assert.ok((JSON.parse(all.stdout) as { ruleId: string }[]).some((f) => f.ruleId === 'dockerfile/no-latest-tag'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

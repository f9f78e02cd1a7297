import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { checkArgs, readInputs } from '../../../src/cli/action';
import { repoRoot } from '../../helpers/core';
import { builtCliEnv, runCli, tempProject } from '../../helpers/cli';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

const root = repoRoot();
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYml;

/**
 * Run the action as the runner does: every declared input becomes INPUT_<NAME> (upper case,
 * hyphens kept), set to the given value or the default from action.yml, and `runs.main` is run
 * with node in the workspace.
 */
function runAction(workspace: string, given: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  // the CLI's code cache in the tests' folder, not ~/.cache (test/helpers/cli.ts)
  const env: NodeJS.ProcessEnv = builtCliEnv({ PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_WORKSPACE: workspace, GITHUB_ACTIONS: 'true' });
  for (const [name, spec] of Object.entries(action.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = given[name] ?? spec.default ?? '';
  }
  const r = spawnSync(process.execPath, [path.join(root, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the GitHub Action', () => {
  it('declares the inputs and runs on node20 from the built bundle', () => {
    assert.equal(action.runs.using, 'node20');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'format', 'paths', 'sarif-file']);
    assert.ok(fs.existsSync(path.join(root, action.runs.main)), `${action.runs.main}: run \`npm run build\` first`);
  });

  it('reads inputs the way the runner names them', () => {
    const inputs = readInputs({ 'INPUT_PATHS': ' k8s\n  infra/prod ', 'INPUT_FAIL-ON': 'error', 'INPUT_FORMAT': '', 'INPUT_SARIF-FILE': 'out/a.sarif', 'INPUT_CONFIG': '' });
    assert.deepEqual(inputs, { paths: ['k8s', 'infra/prod'], config: undefined, failOn: 'error', format: 'github', sarifFile: 'out/a.sarif' });
    assert.deepEqual(checkArgs(inputs, 'sarif'), ['check', 'k8s', 'infra/prod', '--format', 'sarif', '--fail-on', 'error']);
    assert.deepEqual(readInputs({}).paths, ['.']);
  });

  it('annotates, writes SARIF and fails the step on findings; inputs change what it does', () => {
    const ws = tempProject({ 'svc/Dockerfile': 'FROM ubuntu\nADD app /app\n', 'docs/readme.txt': 'x\n', 'quiet.yaml': 'rules:\n  dockerfile/no-latest-tag: off\n  dockerfile/add-instead-of-copy: off\n' });
    try {
      const r = runAction(ws, { paths: 'svc', 'sarif-file': 'reports/aurora.sarif' });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^::warning file=svc\/Dockerfile,line=1,col=6,endLine=1,endColumn=\d+,title=dockerfile\/no-latest-tag::/m);
      const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'reports', 'aurora.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
      assert.equal(sarif.version, '2.1.0');
      assert.ok(sarif.runs[0].results.some((res) => res.ruleId === 'dockerfile/no-latest-tag'));

      const never = runAction(ws, { paths: 'svc', 'fail-on': 'never', format: 'text' });
      assert.equal(never.code, 0);
      assert.match(never.stdout, /^svc\/Dockerfile:1:6: warning /m);

      const configured = runAction(ws, { paths: 'svc', config: 'quiet.yaml', format: 'json' });
      const ids = (JSON.parse(configured.stdout) as { ruleId: string }[]).map((f) => f.ruleId);
      assert.ok(!ids.includes('dockerfile/no-latest-tag') && !ids.includes('dockerfile/add-instead-of-copy'), ids.join(' '));

      const bad = runAction(ws, { 'fail-on': 'sometimes' });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--fail-on must be one of/);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('the repository\'s workflow uses the action with declared inputs, uploads SARIF and passes our own check', async () => {
    const file = path.join('.github', 'workflows', 'lint.yml');
    const workflow = parse(fs.readFileSync(path.join(root, file), 'utf8')) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const own = steps.find((s) => s.uses === './');
    assert.ok(own?.with);
    for (const key of Object.keys(own.with)) {
      assert.ok(key in action.inputs, `${key} is an input of action.yml`);
    }
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, own.with['sarif-file']);
    const r = await runCli(['check', file, '--fail-on', 'info'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No problems found in 1 file/);
  });
});

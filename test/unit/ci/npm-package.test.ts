import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../../helpers/core';
import { tempProject } from '../../helpers/cli';

const root = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean; files: string[]; dependencies?: Record<string, string>; bin: Record<string, string> };

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32' });
  return { code: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

describe('the npm package', () => {
  it('is publishable, ships the CLI with its wasm and sandbox, and has no run-time dependencies to fetch', () => {
    assert.notEqual(pkg.private, true);
    for (const f of ['dist/cli.js', 'dist/cli-core.js', 'dist/cli-tools.js', 'dist/wasm', 'dist/sandbox.mjs', 'dist/vendor']) {
      assert.ok(pkg.files.includes(f), f);
    }
    assert.equal(pkg.bin['aurora-devops'], 'dist/cli.js');
    // the bundles hold everything: a dependency here would be fetched at install time
    assert.deepEqual(pkg.dependencies ?? {}, {});
  });

  it('npm pack gives a tarball that installs globally into a new prefix offline and runs check', () => {
    assert.ok(fs.existsSync(path.join(root, 'dist', 'cli.js')), 'run `npm run build` first');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-pack-'));
    // an empty cache and --offline: the install may use nothing but the tarball
    const env = { ...process.env, npm_config_cache: path.join(tmp, 'cache'), npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' };
    try {
      // dist/ is built already; --ignore-scripts skips prepack's rebuild (run by a real `npm pack`)
      const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], root, env);
      assert.equal(packed.code, 0, packed.stderr);
      const info = (JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[])[0];
      const shipped = info.files.map((f) => f.path);
      for (const f of ['dist/cli.js', 'dist/cli-core.js', 'dist/cli-tools.js', 'dist/sandbox.mjs', 'dist/wasm/tree-sitter.wasm', 'dist/wasm/tree-sitter-bash.wasm', 'dist/wasm/tree-sitter-terraform.wasm', 'package.json']) {
        assert.ok(shipped.includes(f), `${f} is in the tarball`);
      }
      for (const f of shipped) {
        assert.ok(!/^(src|test|out|node_modules)\//.test(f) && !f.endsWith('.map') && f !== 'dist/main.js', `${f} should not be in the tarball`);
      }
      const prefix = path.join(tmp, 'prefix');
      const installed = npm(['install', '--global', '--offline', '--prefix', prefix, path.join(tmp, info.filename)], tmp, env);
      assert.equal(installed.code, 0, installed.stderr);

      const bin = process.platform === 'win32' ? path.join(prefix, 'aurora-devops.cmd') : path.join(prefix, 'bin', 'aurora-devops');
      const project = tempProject({ 'Dockerfile': 'FROM ubuntu\nRUN curl -fsSL https://get.example.sh | sh\n', 'main.tf': 'resource "aws_s3_bucket_acl" "a" {\n  bucket = "b"\n  acl    = "public-read"\n}\n' });
      try {
        // nothing from this repository on the way: only the installed package and node itself
        const runEnv = { PATH: [path.dirname(bin), path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter), HOME: tmp };
        const version = spawnSync(bin, ['--version'], { cwd: project, env: runEnv, encoding: 'utf8' });
        assert.equal(version.stdout.trim(), pkg.version, version.stderr);
        const r = spawnSync(bin, ['check', '.', '--format', 'json'], { cwd: project, env: runEnv, encoding: 'utf8' });
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stderr, '');
        const ids = new Set((JSON.parse(r.stdout) as { ruleId: string }[]).map((f) => f.ruleId));
        // one finding from each parser: dockerfile-ast, tree-sitter-bash (wasm), tree-sitter-hcl (wasm)
        assert.ok(ids.has('dockerfile/no-latest-tag'), [...ids].join(' '));
        assert.ok([...ids].some((id) => /curl|pipe/.test(id)), [...ids].join(' '));
        assert.ok([...ids].some((id) => id.startsWith('terraform/')), [...ids].join(' '));
        assert.ok(![...ids].some((id) => id === 'internal-error' || id === 'parse-error'));
        // the launcher's V8 code cache, by default in ~/.cache/aurora-devops (HOME is tmp here)
        assert.deepEqual(fs.readdirSync(path.join(tmp, '.cache', 'aurora-devops')).map((f) => f.replace(/[0-9a-f]{32}/, 'KEY')), ['cli-core-KEY.cache']);
        // the tool commands live in dist/cli-tools.js, loaded only when one runs
        const policy = spawnSync(bin, ['policy', '--command', 'ls', '--format', 'json'], { cwd: project, env: runEnv, encoding: 'utf8' });
        // no aurora.yaml here: the command is denied (exit 3), which is the policy speaking, not a failure
        assert.equal(policy.stderr, '');
        assert.equal((JSON.parse(policy.stdout) as { decision?: unknown }).decision, 'deny', policy.stdout);
        assert.equal(policy.status, 3);
      } finally {
        fs.rmSync(project, { recursive: true, force: true });
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

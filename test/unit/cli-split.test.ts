import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TOOL_DESCRIPTORS } from '../../src/cli/registry';
import { TOOL_COMMANDS } from '../../src/cli/tools';
import { builtCliEnv } from '../helpers/cli';
import { repoRoot } from '../helpers/core';

// `check`, `fix` and `rules` load dist/cli-core.js only (run by the launcher dist/cli.js); the
// agent, policy, pin and generate commands live in dist/cli-tools.js, loaded when one of them runs. main.ts repeats their names, summaries
// and usage lines for --help: they must stay those of the commands themselves.

const dist = path.join(repoRoot(), 'dist');

describe('the CLI split into a core bundle and a tools bundle', () => {
  it('main.ts describes each tool command as the command itself does', () => {
    assert.deepEqual(
      TOOL_DESCRIPTORS.map((c) => ({ name: c.name, summary: c.summary, usage: c.usage })),
      TOOL_COMMANDS.map((c) => ({ name: c.name, summary: c.summary, usage: c.usage })),
    );
  });

  it('dist/cli-core.js holds no agent, model client or generator code, and loads dist/cli-tools.js', () => {
    const core = fs.readFileSync(path.join(dist, 'cli-core.js'), 'utf8');
    const map = JSON.parse(fs.readFileSync(path.join(dist, 'cli-core.js.map'), 'utf8')) as { sources: string[] };
    const heavy = map.sources.filter((s) => /src\/agent\/|src\/generate\/|@anthropic-ai\/sdk/.test(s));
    assert.deepEqual(heavy, []);
    assert.ok(core.includes('./cli-tools.js'));
    assert.ok(fs.existsSync(path.join(dist, 'cli-tools.js')));
  });

  it('dist/cli.js is the small launcher of dist/cli-core.js, and the core has no import() (lost with a code cache)', () => {
    const launcher = fs.readFileSync(path.join(dist, 'cli.js'), 'utf8');
    assert.ok(launcher.startsWith('#!/usr/bin/env node\n'));
    assert.ok(launcher.length < 20_000, `${launcher.length} bytes`);
    assert.ok(launcher.includes('cli-core.js'));
    const map = JSON.parse(fs.readFileSync(path.join(dist, 'cli.js.map'), 'utf8')) as { sources: string[] };
    assert.deepEqual(map.sources.map((s) => s.replace(/^(\.\.\/)+/, '')), ['src/cli/launch.ts']);
    // V8 drops a vm.Script's import() callback when the script comes from the code cache: every
    // import() in the core must be a require() (scripts/build.mjs)
    const core = fs.readFileSync(path.join(dist, 'cli-core.js'), 'utf8');
    assert.doesNotMatch(core, /\bimport\(/);
    assert.ok(!core.startsWith('#!'));
  });

  it('a tool command runs from the built CLI (policy, from dist/cli-tools.js)', () => {
    const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'policy', '--command', 'ls', '--format', 'json'], { cwd: repoRoot(), env: builtCliEnv(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout));
  });
});

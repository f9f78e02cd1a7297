import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseShell, hasFlag } from '../../src/core/parsers/shell';
import { ready } from '../helpers/core';

describe('shell parser (tree-sitter-bash)', () => {
  before(ready);

  it('splits lists, pipelines and substitutions into simple commands', () => {
    const s = parseShell('apt-get update && apt-get install -y curl | tee log; echo "$(id -u)"');
    assert.deepEqual(s.commands.map((c) => c.name), ['apt-get', 'apt-get', 'tee', 'echo', 'id']);
    const install = s.commands[1];
    assert.equal(install.pipeIndex, 0);
    assert.equal(install.pipeLength, 2);
    assert.equal(s.commands[2].pipeIndex, 1);
    assert.equal(s.commands[4].substitutionDepth, 1);
    assert.equal(s.hasError, false);
  });

  it('removes quotes and escapes from words and marks expansions', () => {
    const s = parseShell(`curl 'https://a.example/x' "https://b.example/$P" h\\ ost $'\\x41'`);
    const args = s.commands[0].args;
    assert.deepEqual(args.map((a) => a.value), ['https://a.example/x', 'https://b.example/$P', 'h ost', 'A']);
    assert.deepEqual(args.map((a) => a.dynamic), [false, true, false, false]);
  });

  it('keeps offsets that point back into the text', () => {
    const text = 'cd /tmp &&   wget -qO- https://x.example/i.sh | sh';
    const s = parseShell(text);
    const wget = s.commands.find((c) => c.name === 'wget');
    assert.ok(wget);
    assert.equal(text.slice(wget.start, wget.end), 'wget -qO- https://x.example/i.sh');
    assert.equal(text.slice(wget.args[0].start, wget.args[0].end), '-qO-');
  });

  it('collects redirections, env prefixes and assignments', () => {
    const s = parseShell('FOO=1 BAR=2 make build > out.log 2>&1\nX=3');
    const make = s.commands[0];
    assert.deepEqual(make.assignments.map((a) => a.name), ['FOO', 'BAR']);
    assert.ok(make.redirects.some((r) => r.target?.value === 'out.log'));
    assert.deepEqual(s.assignments.map((a) => a.name), ['X']);
  });

  it('handles line continuations as one command', () => {
    const s = parseShell('apt-get install \\\n  -y \\\n  curl');
    assert.equal(s.commands.length, 1);
    assert.ok(hasFlag(s.commands[0], '-y'));
  });

  it('hasFlag finds clustered short flags and --long=value forms', () => {
    const s = parseShell('tar -xzf a.tgz && pip install --no-cache-dir=1 x');
    assert.ok(hasFlag(s.commands[0], '-z'));
    assert.ok(!hasFlag(s.commands[0], '-v'));
    assert.ok(hasFlag(s.commands[1], '--no-cache-dir'));
  });

  it('reports syntax errors', () => {
    const s = parseShell('echo "unterminated');
    assert.equal(s.hasError, true);
  });
});

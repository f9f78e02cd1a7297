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

  it('gives a list or pipeline redirection to its last command, as bash does', () => {
    const targets = (text: string, name: string): string[] =>
      (parseShell(text).commands.find((c) => c.name === name)?.redirects ?? []).map((r) => r.target?.value ?? '');
    // tree-sitter-bash hangs these on the whole list / pipeline
    assert.deepEqual(targets('true && echo x > out', 'echo'), ['out']);
    assert.deepEqual(targets('true && echo x > out', 'true'), []);
    assert.deepEqual(targets('echo x | cat > out', 'cat'), ['out']);
    assert.deepEqual(targets('echo x | cat > out', 'echo'), []);
    assert.deepEqual(targets('a && b || c > out 2>&1', 'c'), ['out', '1']);
    assert.deepEqual(targets('a > g && b > f', 'a'), ['g']);
    assert.deepEqual(targets('a > g && b > f', 'b'), ['f']);
    assert.deepEqual(targets('x=$(a && b > f)', 'b'), ['f']);
    assert.deepEqual(parseShell('true && echo x > out').compoundRedirects, []);
  });

  it('keeps redirections of compound commands apart, with where the compound starts', () => {
    for (const text of ['{ echo a; } > out', '( echo a ) > out', 'if true; then echo a; fi > out', 'for i in 1; do echo $i; done > out', 'while false; do :; done > out', 'case x in x) echo;; esac > out', '[[ -n x ]] > out', 'true && { echo a; } > out']) {
      const s = parseShell(text);
      assert.equal(s.compoundRedirects.length, 1, text);
      const c = s.compoundRedirects[0];
      assert.deepEqual(c.redirects.map((r) => r.target?.value), ['out'], text);
      assert.ok(text.slice(c.start).startsWith(text.includes('&&') ? '{' : text.slice(0, 2)), text);
      assert.ok(s.commands.every((cmd) => cmd.redirects.length === 0), text);
    }
  });

  it('says which compound node a redirection belongs to', () => {
    const node = (text: string): string[] => parseShell(text).compoundRedirects.map((c) => c.node);
    assert.deepEqual(node('{ echo a; } > out'), ['group']);
    assert.deepEqual(node('( echo a ) 2> out'), ['subshell']);
    assert.deepEqual(node('if true; then echo a; fi >> out'), ['if']);
    assert.deepEqual(node('for i in 1; do echo $i; done > out'), ['for']);
    assert.deepEqual(node('for ((i=0; i<2; i++)); do echo; done > out'), ['for']);
    assert.deepEqual(node('until false; do :; done > out'), ['while']);
    assert.deepEqual(node('case x in x) echo;; esac &> out'), ['case']);
    assert.deepEqual(node('[[ -n x ]] > out'), ['test']);
    assert.deepEqual(node('f() { echo; } > out'), ['function']);
  });

  it('lists declarations with their options', () => {
    const s = parseShell('export -f f; declare -fx g; export X=1; local y');
    assert.deepEqual(s.declarations.map((d) => [d.keyword, d.options]), [['export', ['-f']], ['declare', ['-fx']], ['export', []], ['local', []]]);
  });

  it('reports syntax errors', () => {
    const s = parseShell('echo "unterminated');
    assert.equal(s.hasError, true);
  });
});

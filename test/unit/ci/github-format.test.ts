import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { escapeData, escapeProperty, toGithubCommands } from '../../../src/cli/formats/github';
import type { Finding } from '../../../src/core';
import { runCli, tempProject } from './cliRun';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'dockerfile/no-latest-tag',
    severity: 'warning',
    message: 'm',
    range: { start: { line: 0, character: 5 }, end: { line: 0, character: 11 } },
    ...over,
  };
}

/** Undo the runner's escaping, as the runner does when it reads the command. */
function unescape(text: string): string {
  return text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

describe('--format github', () => {
  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    assert.equal(escapeData('100% a:b,c\r\nd'), '100%25 a:b,c%0D%0Ad');
    assert.equal(escapeProperty('100% a:b,c\r\nd'), '100%25 a%3Ab%2Cc%0D%0Ad');
    // %25 first: an already escaped-looking text must come back unchanged, not decoded
    assert.equal(unescape(escapeProperty('x%0Ay:z')), 'x%0Ay:z');
  });

  it('writes one command per finding with 1-based positions and the rule as title', () => {
    const out = toGithubCommands([
      {
        file: 'odd,dir/a:b/Dockerfile',
        findings: [
          finding({ message: 'Line one\nline two: 50% done, ok' }),
          finding({ ruleId: 'dockerfile/x', severity: 'error', range: { start: { line: 2, character: 0 }, end: { line: 4, character: 3 } } }),
          finding({ ruleId: 'dockerfile/y', severity: 'info' }),
        ],
      },
    ]);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0], '::warning file=odd%2Cdir/a%3Ab/Dockerfile,line=1,col=6,endLine=1,endColumn=12,title=dockerfile/no-latest-tag::Line one%0Aline two: 50%25 done, ok');
    // a finding across lines: no columns (the runner rejects them there)
    assert.equal(lines[1], '::error file=odd%2Cdir/a%3Ab/Dockerfile,line=3,endLine=5,title=dockerfile/x::m');
    assert.match(lines[2], /^::notice file=/);
    // each line parses back: command, properties split on ',' and ':' only at the escaped points
    const m = /^::(\w+) ([^:]*)::(.*)$/.exec(lines[0]);
    assert.ok(m);
    const props = Object.fromEntries(m[2].split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, unescape(v)]));
    assert.equal(props.file, 'odd,dir/a:b/Dockerfile');
    assert.equal(unescape(m[3]), 'Line one\nline two: 50% done, ok');
    assert.equal(toGithubCommands([]), '');
  });

  it('the CLI prints annotations for a real file and keeps the exit code', () => {
    const dir = tempProject({ 'svc/Dockerfile': 'FROM ubuntu\nADD app /app\n' });
    try {
      const r = runCli(['check', '.', '--format', 'github'], dir);
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.ok(lines.length >= 2);
      for (const line of lines) {
        assert.match(line, /^::(error|warning|notice) file=svc\/Dockerfile,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[a-z-]+\/[a-z0-9-]+::\S/);
      }
      assert.ok(lines.some((l) => l.startsWith('::warning file=svc/Dockerfile,line=1,col=6,') && l.includes('title=dockerfile/no-latest-tag::')));
      const clean = runCli(['check', '.', '--format', 'github', '--fail-on', 'never'], dir);
      assert.equal(clean.code, 0);
      assert.equal(runCli(['check', '.', '--format', 'bogus'], dir).code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

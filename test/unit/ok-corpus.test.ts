import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES, analyzeFiles, detectKind } from '../../src/core';
import { ready, repoRoot } from '../helpers/core';

const okRoot = path.join(repoRoot(), 'test', 'fixtures', 'ok');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...listFiles(full));
    } else {
      out.push(full);
    }
  }
  return out;
}

describe('ok/ corpus of clean, realistic files', () => {
  before(ready);
  const files = listFiles(okRoot).map((f) => path.relative(okRoot, f).split(path.sep).join('/'));

  it('covers every analysed kind that has rules', () => {
    const kinds = new Set(files.map((f) => detectKind(f, fs.readFileSync(path.join(okRoot, f), 'utf8'))));
    for (const kind of new Set(ALL_RULES.map((r) => r.meta.kind))) {
      assert.ok(kinds.has(kind as never), `no clean ${kind} file in test/fixtures/ok`);
    }
  });

  it('produces no findings at all', () => {
    const sources = files.map((f) => ({ path: f, text: fs.readFileSync(path.join(okRoot, f), 'utf8') }));
    const results = analyzeFiles(sources, {}, (p) => ({ fileExists: (rel: string) => fs.existsSync(path.resolve(okRoot, path.dirname(p), rel)) }));
    const lines: string[] = [];
    for (const [file, findings] of results) {
      for (const f of findings) {
        lines.push(`${file}:${f.range.start.line + 1}: ${f.ruleId} ${f.message}`);
      }
    }
    assert.deepEqual(lines, []);
  });
});

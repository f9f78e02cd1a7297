import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { unifiedDiff } from '../../src/shared/diff';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'a', 'b'), '');
  });
  it('prints deletions before additions with hunk headers', () => {
    const d = unifiedDiff('FROM x\nADD a /a\nRUN y\n', 'FROM x\nCOPY a /a\nRUN y\n', 'a/Dockerfile', 'b/Dockerfile');
    assert.equal(d, '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n FROM x\n-ADD a /a\n+COPY a /a\n RUN y\n');
  });
  it('keeps distant changes in separate hunks', () => {
    const a = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n') + '\n';
    const b = a.replace('l2\n', 'L2\n').replace('l25\n', 'L25\n');
    const d = unifiedDiff(a, b, 'a', 'b');
    assert.equal((d.match(/^@@/gm) ?? []).length, 2);
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OutputCapture } from '../../../src/agent/node/shell';
import { prng } from '../../helpers/prng';

/** The reference semantics: the first `keep` and the last `keep` characters of the whole output. */
function reference(all: string, keep: number): string {
  if (all.length <= 2 * keep) {
    return all;
  }
  const head = all.slice(0, keep);
  const tail = all.slice(all.length - keep);
  return `${head}\n[… ${all.length - 2 * keep} characters not kept …]\n${tail}`;
}

describe('OutputCapture keeps head and tail in O(chunk)', () => {
  it('short output is kept whole', () => {
    const c = new OutputCapture(10);
    c.add('abc');
    c.add('def');
    assert.equal(c.text(), 'abcdef');
    assert.equal(c.droppedCharacters, 0);
  });

  it('exactly twice the cap is kept whole', () => {
    const c = new OutputCapture(4);
    c.add('abcdefgh');
    assert.equal(c.text(), 'abcdefgh');
  });

  it('one chunk larger than head and tail', () => {
    const c = new OutputCapture(4);
    c.add('0123456789abcdef');
    assert.equal(c.text(), reference('0123456789abcdef', 4));
    assert.equal(c.droppedCharacters, 8);
  });

  it('random chunkings agree with the reference', () => {
    const rnd = prng(9001);
    for (let round = 0; round < 300; round++) {
      const keep = 1 + Math.floor(rnd() * 50);
      const c = new OutputCapture(keep);
      let all = '';
      const chunks = Math.floor(rnd() * 40);
      for (let i = 0; i < chunks; i++) {
        const len = Math.floor(rnd() * (rnd() < 0.1 ? 200 : 20));
        let s = '';
        for (let j = 0; j < len; j++) {
          s += String.fromCharCode(97 + ((all.length + s.length) % 26));
        }
        all += s;
        c.add(s);
      }
      assert.equal(c.text(), reference(all, keep), `round ${round}, keep ${keep}`);
    }
  });

  it('a million one-character chunks stay bounded (the tail queue is compacted)', () => {
    const c = new OutputCapture(100);
    for (let i = 0; i < 1_000_000; i++) {
      c.add(String(i % 10));
    }
    const text = c.text();
    assert.ok(text.startsWith('0123456789'.repeat(10)));
    assert.ok(text.endsWith('0123456789'.repeat(10)));
    assert.equal(c.droppedCharacters, 1_000_000 - 200);
  });
});

import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finishedUpTo } from '../../../src/webview/stream';

describe('chat streaming: finished blocks', () => {
  const table: { what: string; text: string; from?: number; want: number }[] = [
    { what: 'one unfinished paragraph', text: 'Hello wor', want: 0 },
    { what: 'a line without a blank after it', text: 'Hello world\nmore', want: 0 },
    { what: 'a paragraph ended by a blank line', text: 'Hello.\n\nNext', want: 8 },
    { what: 'the last blank line counts', text: 'a\n\nb\n\nc', want: 6 },
    { what: 'a blank line inside a fence does not end a block', text: 'x\n\n```sh\necho 1\n\necho 2\n', want: 3 },
    { what: 'after the fence closes', text: 'x\n\n```sh\necho 1\n\n```\n\ntail', want: 22 },
    { what: 'a tilde fence', text: '~~~\n\n~~~\n\nz', want: 10 },
    { what: 'scanning from an earlier cut', text: 'a\n\nb\n\nc', from: 3, want: 6 },
    { what: 'a blank line with spaces', text: '- item\n  \nnext', want: 10 },
  ];
  for (const { what, text, from, want } of table) {
    it(what, () => {
      assert.equal(finishedUpTo(text, from ?? 0), want);
    });
  }

  it('grows monotonically as text arrives, and each cut ends right after a blank line', () => {
    const answer = 'Intro line.\n\n```yaml\nkind: Pod\n\nspec: {}\n```\n\n- one\n- two\n\nDone.';
    let cut = 0;
    for (let n = 1; n <= answer.length; n++) {
      const next = finishedUpTo(answer.slice(0, n), cut);
      assert.ok(next >= cut);
      if (next > 0) {
        assert.equal(answer.slice(0, next).endsWith('\n\n'), true, `cut at ${next}`);
      }
      cut = next;
    }
    assert.equal(cut, answer.indexOf('Done.'));
  });
});

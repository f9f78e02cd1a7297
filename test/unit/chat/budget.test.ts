import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextWindow, DEFAULT_CONTEXT_WINDOW, droppedNote, elidedNote, estimateMessages, estimateText, fitToBudget } from '../../../src/agent/budget';
import type { ContentBlock, Message } from '../../../src/agent/model';
import { assertConsistent } from '../../helpers/agentHarness';

/** One run: a prompt, `calls` tool calls with results of `resultChars` characters, and a final answer. */
function run(n: number, calls: number, resultChars: number): Message[] {
  const out: Message[] = [{ role: 'user', content: `prompt ${n}` }];
  for (let c = 0; c < calls; c++) {
    const id = `toolu_${n}_${c}`;
    out.push({ role: 'assistant', content: [{ type: 'text', text: `reading ${c}` }, { type: 'tool_use', id, name: 'read_file', input: { path: `f${c}.yaml` } }] });
    out.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `${n}.${c}:`.padEnd(resultChars, 'x') }] });
  }
  out.push({ role: 'assistant', content: `answer ${n}` });
  return out;
}

function session(runs: number, calls: number, resultChars: number): Message[] {
  return Array.from({ length: runs }, (_, i) => run(i + 1, calls, resultChars)).flat();
}

function results(messages: Message[]): string[] {
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.filter((b): b is Extract<ContentBlock, { type: 'tool_result' }> => b.type === 'tool_result').map((b) => b.content)));
}

function toolUseIds(messages: Message[]): string[] {
  return messages.flatMap((m) => (typeof m.content === 'string' ? [] : m.content.flatMap((b) => (b.type === 'tool_use' ? [b.id] : []))));
}

describe('context budget: model windows', () => {
  const table: { model: string; override?: number; want: number }[] = [
    { model: 'claude-sonnet-4-5', want: 200_000 },
    { model: 'claude-3-5-haiku-latest', want: 200_000 },
    { model: 'claude-instant-1.2', want: 100_000 },
    { model: 'gpt-4o-mini', want: 128_000 },
    { model: 'gpt-4-0613', want: 8_000 },
    { model: 'llama3:8b', want: DEFAULT_CONTEXT_WINDOW },
    { model: '', want: DEFAULT_CONTEXT_WINDOW },
    { model: 'claude-sonnet-4-5', override: 1_000_000, want: 1_000_000 },
    { model: 'llama3:8b', override: 8192, want: 8192 },
    { model: 'llama3:8b', override: 0, want: DEFAULT_CONTEXT_WINDOW },
    { model: 'claude-opus-4', override: Number.NaN, want: 200_000 },
    { model: 'claude-opus-4', override: -1, want: 200_000 },
  ];
  for (const { model, override, want } of table) {
    it(`${model || '(none)'}${override !== undefined ? ` with ${override}` : ''}`, () => {
      assert.equal(contextWindow(model, override), want);
    });
  }
  it('estimates about four characters a token', () => {
    assert.equal(estimateText(''), 0);
    assert.equal(estimateText('abcd'), 1);
    assert.equal(estimateText('abcde'), 2);
    assert.equal(estimateText('x'.repeat(40_000)), 10_000);
  });
});

describe('context budget: fitting a conversation', () => {
  it('sends a conversation that fits unchanged', () => {
    const msgs = session(3, 2, 400);
    const f = fitToBudget(msgs, estimateMessages(msgs));
    assert.deepEqual(f.messages, msgs);
    assert.deepEqual([f.elided, f.dropped, f.fits], [0, 0, true]);
  });

  it('elides old tool results first, oldest first, and keeps every turn', () => {
    const msgs = session(4, 3, 4000);
    const total = estimateMessages(msgs);
    const budget = Math.floor(total * 0.7);
    const f = fitToBudget(msgs, budget);
    assert.equal(f.dropped, 0);
    assert.ok(f.elided > 0);
    assert.equal(f.messages.length, msgs.length, 'no turn dropped');
    assert.ok(f.fits && f.tokens <= budget, `${f.tokens} <= ${budget}`);
    assert.equal(f.tokens, estimateMessages(f.messages), 'the reported estimate is the estimate of what is sent');
    const got = results(f.messages);
    const elided = got.map((c) => c.startsWith('[This tool result'));
    // a prefix of the results is elided, the rest untouched
    const firstKept = elided.indexOf(false);
    assert.ok(firstKept > 0);
    assert.ok(elided.slice(firstKept).every((e) => !e), 'oldest first');
    assert.equal(got[0], elidedNote(4000));
    assert.equal(got.at(-1), results(msgs).at(-1));
    assertConsistent(f.messages);
    // the input is not modified
    assert.ok(results(msgs).every((c) => c.length === 4000));
  });

  it('cuts to 80% once over, so the next turns fit unchanged', () => {
    const msgs = session(4, 3, 4000);
    const budget = Math.floor(estimateMessages(msgs) * 0.7);
    const f = fitToBudget(msgs, budget);
    assert.ok(f.tokens <= budget * 0.8, `${f.tokens} <= 80% of ${budget}`);
    const next = [...f.messages, { role: 'user' as const, content: 'one more question' }];
    assert.deepEqual(fitToBudget(next, budget).messages, next, 'the next request is sent as is');
  });

  it('never elides the newest tool results', () => {
    const msgs = session(1, 2, 40_000);
    // the last message (the newest result) alone is ~10,000 tokens
    const f = fitToBudget(msgs.slice(0, -1), 11_000);
    const got = results(f.messages);
    assert.equal(got[0], elidedNote(40_000));
    assert.equal(got[1].length, 40_000);
    assert.ok(f.fits);
  });

  it('then drops whole old turns, with a note, keeping tool calls and results paired', () => {
    // 60 runs of short results: eliding cannot make room, dropping must
    const msgs = session(60, 1, 300);
    const total = estimateMessages(msgs);
    const budget = Math.floor(total / 3);
    const f = fitToBudget(msgs, budget);
    assert.ok(f.dropped > 0, 'older turns dropped');
    assert.ok(f.fits && f.tokens <= budget);
    assertConsistent(f.messages);
    const first = f.messages[0];
    assert.equal(first.role, 'user');
    assert.ok(Array.isArray(first.content));
    assert.deepEqual(first.content[0], { type: 'text', text: droppedNote(f.dropped) });
    assert.deepEqual(first.content[1], { type: 'text', text: msgs[f.dropped].content }, 'the first kept message is a whole prompt');
    assert.deepEqual(toolUseIds(f.messages), toolUseIds(msgs.slice(f.dropped)), 'the kept turns, in order');
    assert.deepEqual(f.messages.at(-1), msgs.at(-1), 'the newest message is the same');
    // as few dropped as possible: keeping the previous prompt too would not fit 80%
    assert.ok(f.dropped < msgs.length - 3);
  });

  it('drops as little as possible and keeps newer results whole when it can', () => {
    const msgs = [...session(30, 1, 200), ...run(31, 2, 8000)];
    const budget = 6000;
    const f = fitToBudget(msgs, budget);
    assert.ok(f.fits);
    assertConsistent(f.messages);
    const kept = results(f.messages);
    assert.equal(kept.at(-1)?.length, 8000, 'the newest result whole');
    const withOneMore = fitToBudget(msgs, budget + 3000);
    assert.ok(withOneMore.dropped <= f.dropped, 'more budget never drops more');
  });

  it('reports when even the newest turn does not fit', () => {
    const msgs: Message[] = [{ role: 'user', content: 'x'.repeat(80_000) }];
    const f = fitToBudget(msgs, 5_000);
    assert.equal(f.fits, false);
    assert.deepEqual(f.messages, msgs);
  });

  it('keeps a long scripted session under budget at every turn', () => {
    // a day of use: every turn adds a tool call and a 6,000-character result
    let conversation: Message[] = [];
    const budget = 50_000;
    for (let n = 1; n <= 120; n++) {
      conversation = [...conversation, ...run(n, 1, 6000)];
      const f = fitToBudget(conversation.slice(0, -1), budget);
      assert.ok(f.fits, `turn ${n}: ${f.tokens} of ${budget}`);
      assertConsistent(f.messages);
    }
  });
});

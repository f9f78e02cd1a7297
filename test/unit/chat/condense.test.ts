import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { condensationCut, elide, estimateMessages, promptStarts } from '../../../src/agent/budget';
import { CONDENSE_SYSTEM, flattenForSummary, SUMMARY_HEAD, summaryBlock, withSummary } from '../../../src/agent/condense';
import { runAgent } from '../../../src/agent/loop';
import type { Message } from '../../../src/agent/model';
import type { AgentConfig } from '../../../src/agent/types';
import { agentHarness, assertConsistent, ofType } from '../../helpers/agentHarness';
import { errorTurn, systemText, textTurn, toolTurn } from '../../helpers/fakeAnthropic';

/** One run: a prompt, a read with a result of `resultChars` characters, an answer. */
function run(n: number, resultChars: number, tag = 'c'): Message[] {
  const id = `toolu_${tag}${n}`;
  return [
    { role: 'user', content: `${tag === 'c' ? '' : 'later '}question ${n}` },
    { role: 'assistant', content: [{ type: 'text', text: `reading for ${n}` }, { type: 'tool_use', id, name: 'read_file', input: { path: 'k8s/app.yaml' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `result ${n} `.padEnd(resultChars, 'y') }] },
    { role: 'assistant', content: `answer ${n}` },
  ];
}

function history(runs: number, resultChars: number, tag = 'c'): Message[] {
  return Array.from({ length: runs }, (_, i) => run(i + 1, resultChars, tag)).flat();
}

describe('condensation: where to cut', () => {
  it('cuts only before prompts, never at the start', () => {
    assert.deepEqual(promptStarts(history(3, 100)), [4, 8]);
    assert.deepEqual(promptStarts([{ role: 'user', content: 'only' }]), []);
  });

  it('folds the fewest oldest turns that let the rest fit 80% of the budget with room for the summary', () => {
    const msgs = history(60, 300);
    const budget = Math.floor(estimateMessages(msgs) / 3);
    const reserve = 500;
    const cut = condensationCut(msgs, budget, reserve);
    assert.ok(cut !== undefined && promptStarts(msgs).includes(cut));
    const withRoom = Math.floor(budget * 0.8) - reserve;
    // the kept part fits once old results are elided; one turn fewer would not
    assert.ok(elide(msgs.slice(cut), withRoom).tokens <= withRoom, 'the rest fits with old results elided');
    const previous = promptStarts(msgs).filter((c) => c < cut).at(-1);
    assert.ok(previous !== undefined && elide(msgs.slice(previous), withRoom).tokens > withRoom, 'folding one turn less would not fit');
  });

  it('folds all it can when even the newest turns are too large, and nothing when there is one prompt', () => {
    const msgs = [...history(3, 100), ...run(4, 200_000).slice(0, 3)];
    assert.equal(condensationCut(msgs, 10_000, 500), 12);
    assert.equal(condensationCut([{ role: 'user', content: 'x'.repeat(100_000) }], 1000, 100), undefined);
  });

  it('puts the summary before the kept prompt and keeps calls and results paired', () => {
    const msgs = history(5, 100);
    const out = withSummary(msgs, 8, 'The user scaled app to 3.');
    assertConsistent(out);
    assert.equal(out.length, msgs.length - 8);
    assert.deepEqual(out[0], { role: 'user', content: [{ type: 'text', text: summaryBlock('The user scaled app to 3.') }, { type: 'text', text: 'question 3' }] });
    assert.deepEqual(out.slice(1), msgs.slice(9));
  });

  it('sends the old turns as plain text, results clipped, the middle left out when too long', () => {
    const text = flattenForSummary(history(2, 5000), 100_000);
    assert.match(text, /^User:\nquestion 1\n\nAurora:\nreading for 1\n\[Aurora called read_file \{"path":"k8s\/app.yaml"\}\]/);
    assert.match(text, /\[Result: result 1 y+\n\[… 3500 characters left out …\]\ny+\]/);
    const long = flattenForSummary(history(40, 1000), 20_000);
    assert.ok(long.length <= 20_200, `${long.length}`);
    assert.ok(long.startsWith('User:\nquestion 1\n'), 'the start (an earlier summary) is kept');
    assert.ok(long.includes('answer 40'), 'the latest turns are kept');
    assert.match(long, /characters of the conversation left out/);
  });
});

const CONFIG: AgentConfig = { model: 'claude-test', tools: ['read_file'], permissions: { filesystem: [], network: [] } };
const h = agentHarness({ prefix: 'aurora-condense-', files: { 'k8s/app.yaml': 'kind: Pod\n' }, config: CONFIG, workspaceSummary: 'Workspace: test.' });

const isSummaryRequest = (body: Record<string, unknown>): boolean => systemText(body) === CONDENSE_SYSTEM;

describe('condensation in the agent loop, against the fake Messages API', { timeout: 60_000 }, () => {
  it('condenses the oldest turns through the model once eliding is not enough, and goes on from the summary', async () => {
    h.fake.responders.push((body) => (isSummaryRequest(body) ? textTurn('Earlier: the user asked about app.yaml 150 times; replicas is 1.') : undefined));
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'k8s/app.yaml' } }]), textTurn('Fine.'));
    const old = history(150, 3000);
    const checkpoints: Message[][] = [];
    const o = h.options({ history: old, contextWindow: 16_000, onCheckpoint: (m) => checkpoints.push(structuredClone([...m])) });
    const r = await runAgent('And now?', o);
    assert.equal(r.stopReason, 'end_turn');
    const bodies = h.fake.messageBodies() as unknown as { system: { text: string }[]; messages: Message[]; tools: unknown[]; max_tokens: number }[];
    assert.equal(bodies.length, 3, 'one summary request, then the two turns');
    const [summaryReq, first, second] = bodies;
    assert.ok(isSummaryRequest(summaryReq as unknown as Record<string, unknown>));
    assert.deepEqual(summaryReq.tools, [], 'no tool can be called from a summary request');
    assert.equal(summaryReq.messages.length, 1);
    const asked = JSON.stringify(summaryReq.messages[0].content);
    assert.ok(asked.includes('question 1') && asked.includes('[Aurora called read_file'), 'the old turns went as text');
    assert.ok(JSON.stringify(summaryReq).length < 16_000 * 4, 'the summary request fits the window too');
    for (const body of [first, second]) {
      assertConsistent(body.messages);
      const head = body.messages[0].content;
      assert.ok(Array.isArray(head) && head[0].type === 'text' && head[0].text.startsWith(SUMMARY_HEAD) && head[0].text.includes('replicas is 1'), 'the conversation starts with the summary');
      assert.ok(!JSON.stringify(body.messages).includes('left out of this conversation'), 'nothing was dropped');
      assert.ok(JSON.stringify(body).length < 16_000 * 4);
    }
    assert.ok(JSON.stringify(second.messages).includes('And now?') && JSON.stringify(second.messages).includes('kind: Pod'));
    const condensed = ofType(o.events, 'condensed');
    assert.equal(condensed.length, 1);
    assert.ok(condensed[0].messages > 0 && condensed[0].tokensAfter < condensed[0].tokensBefore);
    assert.match(condensed[0].summary, /replicas is 1/);
    assert.equal(ofType(o.events, 'notice').length, 0, 'no "left out" notice');
    // the stored conversation starts with the summary from the checkpoint after condensing on
    assert.ok(JSON.stringify(r.messages[0]).includes(SUMMARY_HEAD));
    assert.equal(r.messages.length, old.length - condensed[0].messages + 1 + 2 + 1);
    assert.ok(checkpoints.some((c) => JSON.stringify(c[0]).includes(SUMMARY_HEAD)));
    // the summary request's tokens count in the run's usage
    assert.equal(ofType(o.events, 'usage').length, 3);
    // the context meter hears how full each request to the agent was
    const context = ofType(o.events, 'context');
    assert.equal(context.length, 2);
    for (const e of context) {
      assert.equal(e.window, 16_000);
      assert.ok(e.tokens > 1000 && e.tokens < 16_000, `${e.tokens}`);
    }
  });

  it('a later run condenses the earlier summary along with the next old turns', async () => {
    h.fake.responders.push((body) => (isSummaryRequest(body) ? textTurn(`Summary number ${h.fake.messageBodies().filter(isSummaryRequest).length}.`) : undefined));
    h.fake.script(textTurn('One.'));
    const first = await runAgent('first', h.options({ history: history(150, 3000), contextWindow: 16_000 }));
    h.fake.script(textTurn('Two.'));
    // a day later: 150 more runs after the condensed conversation
    const more = [...first.messages, ...history(150, 3000, 'd')];
    await runAgent('second', h.options({ history: more, contextWindow: 16_000 }));
    const summaries = h.fake.messageBodies().filter(isSummaryRequest);
    assert.equal(summaries.length, 2);
    assert.ok(JSON.stringify(summaries[1]).includes('Summary number 1.'), 'the first summary is part of what the second condenses');
  });

  it('leaves the oldest turns out, with a notice, when the summary request fails', async () => {
    h.fake.responders.push((body) => (isSummaryRequest(body) ? errorTurn(400, 'invalid_request_error', 'summary refused') : undefined));
    h.fake.script(textTurn('Fine anyway.'));
    const o = h.options({ history: history(150, 3000), contextWindow: 16_000 });
    const r = await runAgent('And now?', o);
    assert.equal(r.stopReason, 'end_turn');
    const notices = ofType(o.events, 'notice').map((n) => n.message);
    assert.equal(notices.length, 2);
    assert.match(notices[0], /could not be condensed \(.*summary refused/);
    assert.match(notices[1], /were left out of this request/);
    assert.equal(ofType(o.events, 'condensed').length, 0);
    const main = (h.fake.messageBodies() as unknown as { messages: Message[] }[]).filter((b) => !isSummaryRequest(b as unknown as Record<string, unknown>));
    assert.equal(main.length, 1);
    assertConsistent(main[0].messages);
  });

  it('does not condense a conversation that fits, nor when told not to', async () => {
    h.fake.script(textTurn('Short.'));
    await runAgent('hi', h.options({ history: history(2, 100) }));
    h.fake.script(textTurn('Dropped instead.'));
    const o = h.options({ history: history(150, 3000), contextWindow: 16_000, condense: false });
    await runAgent('And now?', o);
    assert.equal(h.fake.messageBodies().filter(isSummaryRequest).length, 0);
    assert.equal(ofType(o.events, 'condensed').length, 0);
  });
});

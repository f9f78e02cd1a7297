import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runAgent } from '../../../src/agent/loop';
import type { Message } from '../../../src/agent/model';
import type { AgentConfig } from '../../../src/agent/types';
import { agentHarness, assertConsistent } from '../../helpers/agentHarness';
import { textTurn, toolTurn } from '../../helpers/fakeAnthropic';

const CONFIG: AgentConfig = { model: 'claude-test', tools: ['read_file'], permissions: { filesystem: [], network: [] } };
const h = agentHarness({ prefix: 'aurora-checkpoint-', files: { 'k8s/app.yaml': 'kind: Pod\n' }, config: CONFIG, workspaceSummary: 'Workspace: test.' });

describe('agent loop: the conversation is handed out after every tool result', { timeout: 60_000 }, () => {
  it('checkpoints the prompt, then each answered turn, each one consistent', async () => {
    h.fake.script(
      toolTurn([{ name: 'read_file', input: { path: 'k8s/app.yaml' } }]),
      toolTurn([{ name: 'read_file', input: { path: 'k8s/app.yaml' } }]),
      textTurn('Done.'),
    );
    const checkpoints: Message[][] = [];
    const r = await runAgent('Check k8s/app.yaml', h.options({ onCheckpoint: (m) => checkpoints.push(structuredClone([...m])) }));
    assert.equal(r.stopReason, 'end_turn');
    assert.deepEqual(
      checkpoints.map((c) => c.length),
      [1, 3, 5],
      'after the prompt and after each of the two tool results',
    );
    for (const c of checkpoints) {
      assertConsistent(c);
      assert.equal(c[c.length - 1].role, 'user', 'every tool_use is answered');
    }
    assert.ok(JSON.stringify(checkpoints[1]).includes('kind: Pod'), 'the read result is in the first checkpoint after it');
    // what a host stored at the last checkpoint continues into the final conversation
    assert.deepEqual(r.messages.slice(0, 5), checkpoints[2]);
  });
});

describe('agent loop: each request fits the context window', { timeout: 60_000 }, () => {
  it('elides and drops old turns of a long history, says so once, and keeps the whole conversation', async () => {
    const history: Message[] = [];
    // 150 runs: eliding every old result is not enough, old turns must go
    for (let n = 1; n <= 150; n++) {
      const id = `toolu_h${n}`;
      history.push(
        { role: 'user', content: `question ${n}` },
        { role: 'assistant', content: [{ type: 'tool_use', id, name: 'read_file', input: { path: 'k8s/app.yaml' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `result ${n} `.padEnd(3000, 'y') }] },
        { role: 'assistant', content: `answer ${n}` },
      );
    }
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'k8s/app.yaml' } }]), textTurn('Fine.'));
    const o = h.options({ history, contextWindow: 16_000, condense: false });
    const r = await runAgent('And now?', o);
    assert.equal(r.stopReason, 'end_turn');
    const bodies = h.fake.messageBodies() as unknown as { messages: Message[]; max_tokens: number }[];
    assert.equal(bodies.length, 2);
    for (const body of bodies) {
      assert.ok(JSON.stringify(body).length < 16_000 * 4, `request of ${JSON.stringify(body).length} characters`);
      assertConsistent(body.messages);
      assert.equal(body.max_tokens, 4000, 'the answer gets a quarter of a small window');
      const first = body.messages[0].content;
      assert.ok(Array.isArray(first) && first[0].type === 'text' && /earlier messages were left out/.test(first[0].text), 'the first kept prompt says what was left out');
    }
    // the newest prompt and the tool result it led to reach the model whole
    assert.ok(JSON.stringify(bodies[1].messages).includes('And now?'));
    assert.ok(JSON.stringify(bodies[1].messages).includes('kind: Pod'));
    const notices = o.events.filter((e) => e.type === 'notice');
    assert.equal(notices.length, 1, 'one notice per run, not per request');
    assert.match(notices[0].type === 'notice' ? notices[0].message : '', /context window \(about 16,000 tokens\)/);
    // nothing is lost from the conversation itself
    assert.deepEqual(r.messages.slice(0, history.length), history);
  });

  it('sends a short conversation whole, with the default answer size', async () => {
    h.fake.script(textTurn('Hi.'));
    await runAgent('Hello', h.options({ history: [{ role: 'user', content: 'earlier' }, { role: 'assistant', content: 'yes' }] }));
    const body = (h.fake.messageBodies() as unknown as { messages: Message[]; max_tokens: number }[])[0];
    assert.equal(body.messages.length, 3);
    assert.equal(body.max_tokens, 8192);
  });
});

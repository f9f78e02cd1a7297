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

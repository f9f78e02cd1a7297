import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AnthropicModelClient } from '../../../src/agent/anthropic';
import { runAgent } from '../../../src/agent/loop';
import { regenerateConversation, retryConversation } from '../../../src/agent/rerun';
import { loadWorkspace } from '../../../src/agent/node/setup';
import type { AgentEvent } from '../../../src/agent/loop';
import type { Message, ToolUseBlock } from '../../../src/agent/model';
import type { Shell, ShellResult, ShellRunOptions } from '../../../src/agent/ports';
import type { AgentConfig } from '../../../src/agent/types';
import { message as latestMessage } from '../../../src/core/rules/compose/no-latest-tag';
import { RecordingApprover, agentHarness, assertConsistent, ofType, toolResults } from '../../helpers/agentHarness';
import { cutTurn, errorTurn, hangingTurn, streamErrorTurn, textTurn, toolTurn } from '../../helpers/fakeAnthropic';

const CONFIG: AgentConfig = {
  model: 'claude-test',
  tools: ['read_file', 'write_file', 'run_shell_command'],
  permissions: { filesystem: ['/deploy', '/k8s'], network: ['github.com'] },
};

/** A shell that records commands and never runs them. */
class RecordingShell implements Shell {
  readonly commands: string[] = [];
  async run(options: ShellRunOptions): Promise<ShellResult> {
    this.commands.push(options.command);
    return { exitCode: 0, output: 'ok\n', timedOut: false, cancelled: false };
  }
}

const h = agentHarness({ prefix: 'aurora-loop-', dirs: ['src'], files: { 'deploy/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' }, config: CONFIG, workspaceSummary: 'Workspace: test.' });

function text(events: AgentEvent[]): string {
  return events.filter((e): e is Extract<AgentEvent, { type: 'text' }> => e.type === 'text').map((e) => e.text).join('');
}

describe('agent loop against the fake Messages API', { timeout: 90_000 }, () => {
  it('streams a plain answer, with caching on the stable prefix and usage', async () => {
    h.fake.script(textTurn('Pin your images and set resource limits.'));
    const o = h.options();
    const r = await runAgent('Review my deployment', o);
    assert.equal(text(o.events), 'Pin your images and set resource limits.');
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(r.usage.input_tokens, 120);
    assert.equal(r.usage.output_tokens, 15);
    assert.equal(ofType(o.events, 'usage').length, 1);
    const done = ofType(o.events, 'done')[0];
    assert.equal(done.stopReason, 'end_turn');
    const [body] = h.fake.messageBodies();
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
    h.fake.script(
      toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' } }], 'Let me look.'),
      toolTurn([{ name: 'write_file', input: { path: 'deploy/compose.yaml', content: 'services:\n  web:\n    image: nginx:latest\n' } }]),
      toolTurn([{ name: 'run_shell_command', input: { command: 'grep -c image deploy/compose.yaml' } }]),
      textTurn('Done.'),
    );
    const approver = new RecordingApprover(true);
    const o = h.options({ approver });
    const r = await runAgent('Update the image', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(fs.readFileSync(path.join(h.ws, 'deploy', 'compose.yaml'), 'utf8'), 'services:\n  web:\n    image: nginx:latest\n');
    assert.deepEqual(approver.asked.map((a) => a.tool), ['write_file', 'run_shell_command']);
    assert.equal(approver.asked[0].diff?.before, 'services:\n  web:\n    image: nginx:1.27\n');
    const bodies = h.fake.messageBodies();
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
    h.fake.script(toolTurn([{ name: 'write_file', input: { path: 'src/app.js', content: 'x' } }]), textTurn('I cannot write there.'));
    const approver = new RecordingApprover(true);
    const o = h.options({ approver });
    const r = await runAgent('Write app.js', o);
    assert.equal(fs.existsSync(path.join(h.ws, 'src', 'app.js')), false);
    assert.equal(approver.asked.length, 0);
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(result.content, /Denied by the workspace policy/);
    assert.match(result.content, /outside permissions\.filesystem/);
    assert.equal(ofType(o.events, 'tool_call')[0].decision, 'deny');
    assertConsistent(r.messages);
  });

  it('refuses a command to a host outside the allowlist without running it', async () => {
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'curl -s https://evil.example/x' } }]), textTurn('Blocked.'));
    const shell = new RecordingShell();
    const approver = new RecordingApprover(true);
    const o = h.options({ shell, approver });
    await runAgent('Fetch it', o);
    assert.deepEqual(shell.commands, []);
    assert.equal(approver.asked.length, 0);
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(result.content, /evil\.example is not in permissions\.network/);
  });

  it('tells the model when the user declines', async () => {
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'kubectl get pods' } }]), textTurn('OK.'));
    const shell = new RecordingShell();
    const o = h.options({ shell, approver: new RecordingApprover(false) });
    await runAgent('List pods', o);
    assert.deepEqual(shell.commands, []);
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(result.content, /declined/);
  });

  it('cancels mid-stream and keeps the partial text', async () => {
    h.fake.script(hangingTurn('Looking at your cluster now, one moment'));
    const controller = new AbortController();
    const o = h.options({ signal: controller.signal });
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
    h.fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'echo started; sleep 30; echo never' } }]));
    const controller = new AbortController();
    const o = h.options({ signal: controller.signal });
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
    assert.equal(h.fake.messageBodies().length, 1);
  });

  it('retries after 529 with a visible notice', async () => {
    h.fake.script(errorTurn(529, 'overloaded_error', 'Overloaded', { 'retry-after': '0.01' }), textTurn('Back.'));
    const o = h.options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(text(o.events), 'Back.');
    const notices = ofType(o.events, 'notice');
    assert.equal(notices.length, 1);
    assert.match(notices[0].message, /529 \(overloaded\); retrying in 10 ms \(attempt 2 of 3\)/);
    assert.equal(h.fake.messageBodies().length, 2);
  });

  it('gives up after the retries on 429 and says so', async () => {
    const limited = (): ReturnType<typeof errorTurn> => errorTurn(429, 'rate_limit_error', 'Number of requests has exceeded your rate limit', { 'retry-after-ms': '5' });
    h.fake.script(limited(), limited(), limited());
    const o = h.options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    assert.equal(ofType(o.events, 'notice').length, 2);
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'rate_limit');
    assert.match(err.message, /rate limiting this key \(429\) and still was after 2 retries/);
    assert.equal(h.fake.messageBodies().length, 3);
  });

  it('retries a 500 and goes on', async () => {
    h.fake.script(errorTurn(500, 'api_error', 'Internal server error', { 'retry-after': '0.005' }), textTurn('Recovered.'));
    const o = h.options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'end_turn');
    assert.match(ofType(o.events, 'notice')[0].message, /500 \(server error\)/);
  });

  it('answers malformed tool input JSON with an error result', async () => {
    h.fake.script(toolTurn([{ name: 'read_file', rawJson: '{"path": "deploy/compose.yaml"', id: 'toolu_bad' }]), textTurn('Retrying.'));
    const o = h.options();
    const r = await runAgent('Read', o);
    const bodies = h.fake.messageBodies();
    const [result] = toolResults(bodies[1]);
    assert.equal(result.tool_use_id, 'toolu_bad');
    assert.equal(result.is_error, true);
    assert.match(result.content, /not valid JSON/);
    const assistant = (bodies[1].messages as Message[])[1];
    assert.deepEqual((assistant.content as ToolUseBlock[])[0].input, {});
    assertConsistent(r.messages);
  });

  it('stops at max turns with a consistent conversation', async () => {
    h.fake.script(
      toolTurn([{ name: 'list_files', input: {} }]),
      toolTurn([{ name: 'list_files', input: { pattern: '**/*.yaml' } }]),
      textTurn('unreached'),
    );
    const o = h.options({ maxTurns: 2 });
    const r = await runAgent('Explore', o);
    assert.equal(r.stopReason, 'max_turns');
    assert.equal(r.turns, 2);
    assert.equal(h.fake.messageBodies().length, 2);
    assert.match(ofType(o.events, 'notice')[0].message, /2 turns/);
    assert.equal(r.messages[r.messages.length - 1].role, 'user');
    assertConsistent(r.messages);
  });

  it('redacts secrets before they reach the API (and can be told not to)', async () => {
    fs.writeFileSync(path.join(h.ws, 'deploy', 'app.env.yaml'), 'db:\n  password: hunter2-very-secret\naws_key: AKIAIOSFODNN7EXAMPLE\n');
    fs.writeFileSync(path.join(h.ws, 'deploy', 'token.txt'), 'token=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n');
    h.fake.script(
      toolTurn([{ name: 'read_file', input: { path: 'deploy/app.env.yaml' } }]),
      toolTurn([{ name: 'run_shell_command', input: { command: 'cat deploy/token.txt' } }]),
      textTurn('Move them to a secret manager.'),
    );
    await runAgent('Check secrets', h.options());
    const sent = h.fake.requests.map((r) => r.raw).join('\n');
    assert.ok(!sent.includes('hunter2-very-secret'));
    assert.ok(!sent.includes('AKIAIOSFODNN7EXAMPLE'));
    assert.ok(!sent.includes('ghp_abcdefghijklmnopqrstuvwxyz0123456789'));
    assert.match(sent, /\[REDACTED/);

    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/app.env.yaml' } }]), textTurn('ok'));
    await runAgent('Again', h.options({ redactSecrets: false }));
    assert.ok(h.fake.requests.map((r) => r.raw).join('\n').includes('hunter2-very-secret'));
  });

  it('says when the model does not exist and lists the models of the key', async () => {
    h.fake.script(errorTurn(404, 'not_found_error', 'model: claude-nope'));
    h.fake.models = ['claude-sonnet-4-5', 'claude-opus-4-5'];
    const o = h.options({ modelId: 'claude-nope' });
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'model_not_found');
    assert.match(err.message, /'claude-nope' does not exist/);
    assert.match(err.message, /claude-sonnet-4-5, claude-opus-4-5/);
  });

  it('asks to set the API key on 401', async () => {
    h.fake.script(errorTurn(401, 'authentication_error', 'invalid x-api-key'));
    const o = h.options();
    await runAgent('Hi', o);
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /Set your API key/);
    assert.equal(h.fake.messageBodies().length, 1);
  });

  it('keeps partial text when the stream is cut, and reports the error', async () => {
    h.fake.script(cutTurn('Partial answer that will be cut'));
    const o = h.options({ model: new AnthropicModelClient({ apiKey: 'k', baseURL: h.fake.url, maxRetries: 0 }) });
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
    h.fake.script(streamErrorTurn('Starting the review'));
    const o = h.options();
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    assert.match(ofType(o.events, 'error')[0].message, /overloaded/i);
    assert.ok(text(o.events).length > 0);
  });

  it('continues the conversation as it stands when the prompt is null (Retry, Regenerate)', async () => {
    h.fake.script(streamErrorTurn('Starting the review'), textTurn('Reviewed: pin the image.'));
    const first = await runAgent('Review compose.yaml', h.options());
    assert.equal(first.stopReason, 'error');
    // the partial answer stays in the conversation; Retry drops it
    assert.equal(first.messages[first.messages.length - 1].role, 'assistant');
    const history = retryConversation(first.messages);
    assert.ok(history);
    assert.equal(history[history.length - 1].role, 'user');
    const o = h.options({ history });
    const r = await runAgent(null, o);
    assert.equal(r.stopReason, 'end_turn');
    assert.equal(text(o.events), 'Reviewed: pin the image.');
    const sent = h.fake.messageBodies()[1].messages as Message[];
    assert.equal(sent.length, 1);
    assert.equal(JSON.stringify(sent).split('Review compose.yaml').length - 1, 1, 'the prompt is sent once');
  });

  it('Regenerate cuts the conversation back to the last prompt, tool calls and results included', async () => {
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' } }]), textTurn('Pin nginx.'));
    const r = await runAgent('Review compose.yaml', h.options());
    assert.deepEqual(r.messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
    const cut = regenerateConversation(r.messages);
    assert.ok(cut);
    assert.deepEqual(cut.map((m) => m.role), ['user']);
    assert.equal(regenerateConversation(cut), undefined, 'nothing to regenerate after a bare prompt');
    assert.equal(retryConversation([]), undefined, 'nothing to retry in an empty conversation');
  });

  it('refuses to continue when the conversation ends with an answer', async () => {
    h.fake.script(textTurn('Done.'));
    const done = await runAgent('Hi', h.options());
    const o = h.options({ history: done.messages });
    const r = await runAgent(null, o);
    assert.equal(r.stopReason, 'error');
    assert.match(ofType(o.events, 'error')[0].message, /Nothing to retry/);
    assert.equal(h.fake.messageBodies().length, 1, 'no request was sent');
  });

  it('says the network is down when nothing listens', async () => {
    const closed = h.fake.url;
    await h.fake.close();
    const o = h.options({ model: new AnthropicModelClient({ apiKey: 'k', baseURL: closed, maxRetries: 0 }) });
    const r = await runAgent('Hi', o);
    assert.equal(r.stopReason, 'error');
    const [err] = ofType(o.events, 'error');
    assert.equal(err.kind, 'network');
    assert.match(err.message, /Cannot reach the API/);
  });

  it('answers get_diagnostics for a file and for the workspace', async () => {
    fs.writeFileSync(path.join(h.ws, 'deploy', 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
    h.fake.script(toolTurn([{ name: 'get_diagnostics', input: { path: 'deploy/compose.yaml' } }, { name: 'get_diagnostics', input: {} }]), textTurn('Pin nginx.'));
    const o = h.options();
    await runAgent('What is wrong?', o);
    const [one, all] = toolResults(h.fake.messageBodies()[1]);
    assert.match(one.content, /deploy\/compose\.yaml:3 \w+ compose\/no-latest-tag/);
    assert.match(all.content, /problem\(s\) in 1 infrastructure file/);
    assert.equal(ofType(o.events, 'tool_call').every((c) => c.decision === 'allow'), true);
  });

  it("leaves files of aurora.yaml's exclude: out of workspace diagnostics and the summary, and says how many", async () => {
    fs.writeFileSync(path.join(h.ws, 'deploy', 'compose.yaml'), 'services:\n  web:\n    image: nginx:latest\n');
    fs.mkdirSync(path.join(h.ws, 'test', 'fixtures'), { recursive: true });
    fs.writeFileSync(path.join(h.ws, 'test', 'fixtures', 'Dockerfile'), 'FROM ubuntu:latest\nRUN echo fixture\n');
    fs.writeFileSync(path.join(h.ws, 'aurora.yaml'), 'exclude:\n  - test/fixtures\n');
    const loaded = loadWorkspace(h.ws);
    assert.ok(!('error' in loaded));
    assert.deepEqual(loaded.exclude, ['test/fixtures']);
    h.fake.script(toolTurn([{ name: 'get_diagnostics', input: {} }]), textTurn('Pin nginx.'));
    const o = h.options({ excluded: loaded.excluded });
    delete o.workspaceSummary;
    await runAgent('What is wrong?', o);
    const [all] = toolResults(h.fake.messageBodies()[1]);
    assert.match(all.content, /deploy\/compose\.yaml/);
    assert.doesNotMatch(all.content, /test\/fixtures/);
    assert.match(all.content, /\(1 more left out by aurora\.yaml's exclude:\)/);
    const system = (h.fake.messageBodies()[0].system as { text: string }[]).map((b) => b.text).join('\n');
    assert.doesNotMatch(system, /test\/fixtures\/Dockerfile/);
  });

  it('summarises the workspace in the system prompt and offers aurora.yaml when missing', async () => {
    fs.writeFileSync(path.join(h.ws, 'Dockerfile'), 'FROM ubuntu\nRUN echo hi\n');
    fs.writeFileSync(path.join(h.ws, 'package.json'), '{}\n');
    h.fake.script(textTurn('ok'));
    const o = h.options({ configFound: false, config: { tools: ['read_file'], permissions: { filesystem: [], network: [] } } });
    delete o.workspaceSummary;
    await runAgent('Hi', o);
    const system = (h.fake.messageBodies()[0].system as { text: string }[]).map((b) => b.text).join('\n');
    assert.match(system, /Stack: .*Node\.js/);
    assert.match(system, /Dockerfile: Dockerfile/);
    assert.match(system, /Dockerfile:1 \w+ dockerfile\/no-latest-tag/);
    assert.match(system, /There is no aurora\.yaml/);
  });

  it('offers only read tools in an untrusted workspace', async () => {
    h.fake.script(textTurn('ok'));
    await runAgent('Hi', h.options({ trusted: false }));
    const tools = (h.fake.messageBodies()[0].tools as { name: string }[]).map((t) => t.name);
    assert.deepEqual(tools, ['read_file', 'list_files', 'get_diagnostics']);
  });
});


import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { AnthropicModelClient } from '../../../src/agent/anthropic';
import { runAgent } from '../../../src/agent/loop';
import { ModelError } from '../../../src/agent/model';
import type { AgentConfig } from '../../../src/agent/types';
import { RecordingApprover, agentHarness } from '../../helpers/agentHarness';
import { builtCliEnv, CLI, runCli } from '../../helpers/cli';
import type { Run } from '../../helpers/cli';
import { errorTurn, streamErrorTurn, textTurn, toolTurn } from '../../helpers/fakeAnthropic';
import type { ScriptedTurn } from '../../helpers/fakeAnthropic';

/**
 * The API key never appears in anything the agent core or the CLI emits: events, error messages
 * for 4xx/5xx answers (also when the server echoes the key back in its error body), thrown
 * errors, the conversation, and the CLI's `agent` stdout and stderr. The key is a canary.
 */

const KEY = `sk-ant-api03-canary${'Q7x'.repeat(12)}-KeyEnd`;
/** The key without its well-known prefix: a server may echo only part of it. */
const KEY_BODY = KEY.slice('sk-ant-api03-'.length);

const CONFIG: AgentConfig = { model: 'claude-test', tools: ['read_file', 'run_shell_command'], permissions: { filesystem: ['/deploy'], network: [] } };

const h = agentHarness({ prefix: 'aurora-key-', files: { 'deploy/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' }, config: CONFIG, apiKey: KEY, workspaceSummary: 'Workspace: test.' });

function assertNoKey(what: string, text: string): void {
  assert.ok(!text.includes(KEY), `${what} contains the API key: ${text.slice(0, 300)}`);
  assert.ok(!text.includes(KEY_BODY), `${what} contains the body of the API key: ${text.slice(0, 300)}`);
}

const ECHO = `invalid x-api-key header: ${KEY}`;

/** Error answers, several echoing the key; `times` repeats retryable ones past the retries. */
const FAILURES: { name: string; turns: ScriptedTurn[] }[] = [
  { name: '401 echoing the key', turns: [errorTurn(401, 'authentication_error', ECHO)] },
  { name: '403 echoing the key', turns: [errorTurn(403, 'permission_error', ECHO)] },
  { name: '400 echoing the key', turns: [errorTurn(400, 'invalid_request_error', `bad request from ${KEY}`)] },
  { name: '413 echoing the key', turns: [errorTurn(413, 'request_too_large', `too large (key ${KEY})`)] },
  { name: '418 echoing the key (an unexpected status)', turns: [errorTurn(418, 'teapot_error', ECHO)] },
  { name: '404 echoing the key (model not found; the model list fails too)', turns: [errorTurn(404, 'not_found_error', `model not found for ${KEY}`)] },
  { name: '500 echoing the key, every attempt', turns: [0, 1, 2].map(() => errorTurn(500, 'api_error', ECHO)) },
  { name: '529 echoing the key, every attempt', turns: [0, 1, 2].map(() => errorTurn(529, 'overloaded_error', ECHO)) },
  { name: '429 echoing the key, every attempt', turns: [0, 1, 2].map(() => errorTurn(429, 'rate_limit_error', ECHO, { 'retry-after': '0' })) },
  { name: 'an error event inside the stream echoing the key', turns: [streamErrorTurn('Working', 'api_error', ECHO)] },
];

describe('the API key never leaves in what the agent emits', { timeout: 120_000 }, () => {
  for (const f of FAILURES) {
    it(`${f.name}: not in events, the error, the conversation`, async () => {
      h.fake.script(...f.turns);
      h.fake.models = [];
      const o = h.options();
      const r = await runAgent('Hi', o);
      assert.equal(r.stopReason, 'error');
      const errors = o.events.filter((e) => e.type === 'error');
      assert.equal(errors.length, 1);
      assertNoKey('events', JSON.stringify(o.events));
      assertNoKey('the error message', r.error?.message ?? '');
      assertNoKey('the conversation', JSON.stringify(r.messages));
      // the key did reach the API, where it belongs (the check above can fail)
      assert.ok(JSON.stringify(h.fake.requests[0].headers).includes(KEY), 'the request carried the key');
    });
  }

  it('the model client throws a ModelError without the key; listModels too', async () => {
    h.fake.script(errorTurn(401, 'authentication_error', ECHO));
    const client = new AnthropicModelClient({ apiKey: KEY, baseURL: h.fake.url, maxRetries: 0 });
    let thrown: unknown;
    try {
      for await (const event of client.stream({ model: 'claude-test', system: [], tools: [], messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 }, {})) {
        assert.fail(`unexpected event ${event.type}`);
      }
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof ModelError);
    assert.equal(thrown.kind, 'auth');
    assertNoKey('the thrown error', `${thrown.message}\n${thrown.stack ?? ''}`);
    // the Models API answering an error that echoes the key (the fake's 404 route echoes the path)
    const models = new AnthropicModelClient({ apiKey: KEY, baseURL: `${h.fake.url}/${KEY}`, maxRetries: 0 });
    let listed: unknown;
    try {
      await models.listModels();
    } catch (e) {
      listed = e;
    }
    assert.ok(listed instanceof Error);
    assertNoKey('the listModels error', listed.message);
  });

  it('a normal run whose command prints the key variable: the commands never get it', async () => {
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' } }, { name: 'run_shell_command', input: { command: 'echo "key=[$ANTHROPIC_API_KEY]"; env' } }]), textTurn('Done.'));
    const o = h.options({ approver: new RecordingApprover(true) });
    const saved = process.env.ANTHROPIC_API_KEY;
    process.env.ANTHROPIC_API_KEY = KEY;
    let r;
    try {
      r = await runAgent('Look', o);
    } finally {
      if (saved === undefined) {
        delete process.env.ANTHROPIC_API_KEY;
      } else {
        process.env.ANTHROPIC_API_KEY = saved;
      }
    }
    assert.equal(r.stopReason, 'end_turn');
    const output = o.events.filter((e) => e.type === 'tool_output').map((e) => (e.type === 'tool_output' ? e.chunk : '')).join('');
    assert.match(output, /key=\[\]/);
    assertNoKey('events', JSON.stringify(o.events));
    for (const q of h.fake.requests) {
      assertNoKey('a request body', q.raw);
    }
  });
});

/** The CLI's agent command in this process (the fake server answers from this process too). */
function cliAgent(args: string[], cwd: string, baseUrl: string): Promise<Run> {
  return runCli(['agent', ...args], cwd, { ...process.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: baseUrl });
}

/** The built CLI as a child process: for a run that starts the OS sandbox, which a process probes once. */
function builtCliAgent(args: string[], cwd: string, baseUrl: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'agent', ...args], { cwd, env: builtCliEnv({ ...process.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: baseUrl }) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the CLI's agent command never prints the API key", { timeout: 120_000 }, () => {
  const aurora = 'agents:\n  devops:\n    model: claude-test\n    tools: [read_file, run_shell_command]\n    permissions:\n      filesystem: [/deploy]\n      network: []\n';

  for (const format of ['text', 'json']) {
    for (const f of FAILURES.slice(0, 3).concat(FAILURES.slice(6, 7))) {
      it(`--format ${format}, ${f.name}: exit 1, no key on stdout or stderr`, async () => {
        fs.writeFileSync(path.join(h.ws, 'aurora.yaml'), aurora);
        h.fake.script(...f.turns);
        const r = await cliAgent(['--prompt', 'hi', '--format', format], h.ws, h.fake.url);
        assert.equal(r.code, 1, r.stderr);
        assert.ok(r.stdout.length + r.stderr.length > 0);
        assertNoKey('stdout', r.stdout);
        assertNoKey('stderr', r.stderr);
        assert.ok(h.fake.requests.length > 0);
      });
    }
  }

  it('--approve permitted, a command printing the environment: the key is neither shown nor sent', async () => {
    fs.writeFileSync(path.join(h.ws, 'aurora.yaml'), aurora);
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'deploy/compose.yaml' } }, { name: 'run_shell_command', input: { command: 'env; echo "key=[$ANTHROPIC_API_KEY]"' } }]), textTurn('Fine.'));
    const r = await builtCliAgent(['--prompt', 'check compose', '--approve', 'permitted'], h.ws, h.fake.url);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /key=\[\]/);
    assertNoKey('stdout', r.stdout);
    assertNoKey('stderr', r.stderr);
    for (const q of h.fake.requests) {
      assertNoKey('a request body', q.raw);
    }
  });
});

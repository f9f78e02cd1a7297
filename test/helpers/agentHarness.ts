import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, before, beforeEach } from 'node:test';
import { AnthropicModelClient } from '../../src/agent/anthropic';
import type { AgentEvent, AgentOptions } from '../../src/agent/loop';
import type { Message, ToolResultBlock, ToolUseBlock } from '../../src/agent/model';
import { NodeShell, NodeWorkspace } from '../../src/agent/node';
import type { ApprovalRequest, Approver } from '../../src/agent/ports';
import type { AgentConfig } from '../../src/agent/types';
import { ready } from './core';
import { FakeAnthropic } from './fakeAnthropic';

/**
 * The setup every test of the real agent loop shares: a fresh fake Messages API server and a
 * fresh temporary workspace per test, and AgentOptions wired to the real SDK client, NodeShell
 * and NodeWorkspace. Call `agentHarness` at the top level of a test file; it registers the hooks.
 */

/** What a test file gets: the current test's server and workspace, and options for runAgent. */
export interface AgentHarness {
  /** The fake server of the running test. */
  readonly fake: FakeAnthropic;
  /** The workspace root of the running test (a real path). */
  readonly ws: string;
  /** Options for runAgent, recording events in `events`; `over` replaces any field. */
  options(over?: Partial<AgentOptions>): AgentOptions & { events: AgentEvent[] };
}

/** How a test file's workspaces and runs look. */
export interface HarnessSetup {
  /** Prefix of the temporary workspace folders. */
  prefix: string;
  /** Files written into each fresh workspace (relative path → content). */
  files?: Record<string, string>;
  /** Extra empty folders. */
  dirs?: string[];
  /** `agents.devops` of the runs. */
  config: AgentConfig;
  /** The API key the SDK sends (a canary in the secret-leak tests). */
  apiKey?: string;
  /** A fixed workspace summary (skips computing it), when set. */
  workspaceSummary?: string;
}

/** An approver that records what it was asked and answers with a fixed choice. */
export class RecordingApprover implements Approver {
  readonly asked: ApprovalRequest[] = [];
  constructor(
    private readonly answer: boolean,
    private readonly onAsk?: (request: ApprovalRequest) => void,
  ) {}
  async approve(request: ApprovalRequest): Promise<{ approved: boolean }> {
    this.asked.push(request);
    this.onAsk?.(request);
    return { approved: this.answer };
  }
}

/** Register the per-test server and workspace; returns accessors for the running test. */
export function agentHarness(setup: HarnessSetup): AgentHarness {
  let fake: FakeAnthropic | undefined;
  let ws: string | undefined;
  before(async () => {
    await ready();
  });
  beforeEach(async () => {
    fake = await new FakeAnthropic().start();
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), setup.prefix)));
    for (const dir of setup.dirs ?? []) {
      fs.mkdirSync(path.join(ws, dir), { recursive: true });
    }
    for (const [rel, text] of Object.entries(setup.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      fs.writeFileSync(path.join(ws, rel), text);
    }
  });
  afterEach(async () => {
    await fake?.close();
    if (ws) {
      fs.rmSync(ws, { recursive: true, force: true });
    }
    fake = undefined;
    ws = undefined;
  });
  const current = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) {
      throw new Error(`the agent harness has no ${what} outside a test`);
    }
    return value;
  };
  return {
    get fake() {
      return current(fake, 'fake server');
    },
    get ws() {
      return current(ws, 'workspace');
    },
    options(over: Partial<AgentOptions> = {}) {
      const events: AgentEvent[] = [];
      return {
        model: new AnthropicModelClient({ apiKey: setup.apiKey ?? 'sk-ant-test-dummy', baseURL: current(fake, 'fake server').url, maxRetries: 2 }),
        modelId: 'claude-test',
        workspace: new NodeWorkspace(current(ws, 'workspace')),
        shell: new NodeShell(),
        approver: new RecordingApprover(true),
        config: setup.config,
        configFound: true,
        trusted: true,
        ...(setup.workspaceSummary !== undefined ? { workspaceSummary: setup.workspaceSummary } : {}),
        events,
        onEvent: (e: AgentEvent) => events.push(e),
        ...over,
      };
    },
  };
}

/** Events of one type, typed. */
export function ofType<T extends AgentEvent['type']>(events: AgentEvent[], type: T): Extract<AgentEvent, { type: T }>[] {
  return events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type);
}

/** Every tool_use in a conversation is answered by a tool_result in the next message; roles alternate. */
export function assertConsistent(messages: Message[]): void {
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

/** What the fake server received, checked for consistency request by request. */
export function assertServerSawConsistent(fake: FakeAnthropic): void {
  for (const body of fake.messageBodies()) {
    assertConsistent(body.messages as Message[]);
  }
}

/** The tool_result blocks of the last message of a request body. */
export function toolResults(body: Record<string, unknown>): ToolResultBlock[] {
  const msgs = body.messages as Message[];
  const last = msgs[msgs.length - 1];
  return typeof last.content === 'string' ? [] : (last.content.filter((b) => b.type === 'tool_result') as ToolResultBlock[]);
}

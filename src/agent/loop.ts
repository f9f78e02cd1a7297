import type { AnalyzeConfig, Finding } from '../core';
import { condensationCut, contextWindow, estimateMessages, estimateText, fitToBudget } from './budget';
import { summarize, withSummary } from './condense';
import { readOnlyConfig } from './config';
import { redactSecrets } from './redact';
import { MAX_COMMAND_TIMEOUT_SECONDS } from './limits';
import { messages as say } from './messages';
import { isModelError, ModelError } from './model';
import type { ContentBlock, Message, ModelClient, ModelErrorKind, ModelRequest, TextBlock, ToolResultBlock, ToolUseBlock } from './model';
import { decide, offeredTools } from './policy';
import type { PolicyContext } from './policy';
import type { ApprovalRequest, Approver, Shell, Workspace } from './ports';
import { DOCTRINE, workspaceContext } from './prompt';
import type { SecretValues } from './secretValues';
import { isWorkspaceRefusal } from './refusal';
import { executeTool, toolSchemas } from './tools';
import type { ToolOutcome } from './tools';
import type { AgentConfig, Decision, DecisionKind, Usage } from './types';

/**
 * The agent loop: stream a turn, run the tool calls it asks for (policy → approver → executor),
 * answer every tool_use with a tool_result, repeat until the model stops, a limit is hit or the
 * user cancels. Everything observable is emitted as typed events for the CLI and the chat panel.
 */

/** Why the loop ended. */
export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'pause_turn' | 'max_turns' | 'cancelled' | 'error';

/** Events of one run, in order. */
export type AgentEvent =
  | { type: 'text'; text: string }
  | { type: 'tool_call'; id: string; name: string; input: Record<string, unknown>; decision: DecisionKind; reasons: string[]; hosts: string[]; paths: string[]; destructive: boolean; networked: boolean; runsRepositoryCode: boolean; wrapped: boolean }
  | { type: 'tool_output'; id: string; chunk: string }
  | { type: 'tool_result'; id: string; name: string; ok: boolean; output: string; findings?: Finding[] }
  | { type: 'notice'; message: string }
  /** The oldest `messages` messages were replaced by `summary` (the conversation handed out from now on starts with it). */
  | { type: 'condensed'; messages: number; summary: string; tokensBefore: number; tokensAfter: number }
  | { type: 'usage'; turn: number; usage: Usage }
  /** Before each request: its estimated input tokens (system prompt, tools, messages) and the model's window. */
  | { type: 'context'; tokens: number; window: number }
  | { type: 'error'; kind: ModelErrorKind | 'internal'; message: string }
  | { type: 'done'; stopReason: StopReason; usage: Usage; turns: number };

/** Everything one run needs. */
export interface AgentOptions {
  model: ModelClient;
  /** Model id (aurora.yaml's, or an override). */
  modelId: string;
  workspace: Workspace;
  shell: Shell;
  approver: Approver;
  /** `agents.devops` from aurora.yaml (ignored when the workspace is untrusted). */
  config: AgentConfig;
  /** Whether aurora.yaml exists (the prompt offers to create one otherwise). */
  configFound: boolean;
  trusted: boolean;
  analyzeConfig?: AnalyzeConfig;
  /** aurora.yaml's `exclude:` as a predicate on workspace-relative paths (src/agent/node loadWorkspace). */
  excluded?: (relativePath: string) => boolean;
  /** Earlier conversation to continue. */
  history?: Message[];
  /** Model calls per run (default 25). */
  maxTurns?: number;
  /** max_tokens per call (default 8192). */
  maxTokens?: number;
  temperature?: number;
  /** Scrub secret values from file contents and command output (default true). */
  redactSecrets?: boolean;
  /**
   * Secret values to redact wherever they appear, in any encoding (src/agent/node `collectSecretValues`:
   * the workspace's `.env` values, credential environment variables). Used with `redactSecrets`.
   */
  secretValues?: SecretValues;
  /** Characters of one tool result sent to the model (default 30,000; head and tail kept). */
  outputLimit?: number;
  /** Per-command timeout (default 5 minutes). */
  commandTimeoutMs?: number;
  /**
   * The model's context window in tokens (a setting); by default from the model id
   * (`contextWindow` in budget.ts). Each request is fitted to it.
   */
  contextWindow?: number;
  /**
   * When eliding old tool results is not enough to fit the window, replace the oldest turns by a
   * summary the model writes (default true); otherwise, and when that fails, they are left out.
   */
  condense?: boolean;
  /** Precomputed workspace summary for the system prompt (computed when absent). */
  workspaceSummary?: string;
  signal?: AbortSignal;
  onEvent: (event: AgentEvent) => void;
  /**
   * Called with the whole conversation whenever it is consistent (every tool_use answered): after
   * the prompt is added and after each turn's tool results, so a host can persist it mid-run.
   */
  onCheckpoint?: (messages: readonly Message[]) => void;
}

/** The outcome of one run: the whole conversation (consistent even when cancelled). */
export interface AgentResult {
  messages: Message[];
  stopReason: StopReason;
  usage: Usage;
  turns: number;
  error?: ModelError;
}

/** A content block being streamed. */
type Pending = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; json: string; complete: boolean } | { type: 'other' };

function emptyUsage(): Usage {
  return { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
}

function addUsage(total: Usage, u: Partial<Usage> | undefined): void {
  if (!u) {
    return;
  }
  total.input_tokens += u.input_tokens ?? 0;
  total.output_tokens += u.output_tokens ?? 0;
  total.cache_creation_input_tokens = (total.cache_creation_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0);
  total.cache_read_input_tokens = (total.cache_read_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
}

/** A copy of the conversation with a cache breakpoint on its last block (incremental caching). */
function withCacheBreakpoint(conversation: readonly Message[]): Message[] {
  const out = conversation.map((m) => ({ ...m }));
  const last = out[out.length - 1];
  if (!last) {
    return out;
  }
  const blocks: ContentBlock[] = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : last.content.map((b) => ({ ...b }));
  const tail = blocks[blocks.length - 1];
  if (tail) {
    blocks[blocks.length - 1] = { ...tail, cache_control: { type: 'ephemeral' } };
  }
  out[out.length - 1] = { ...last, content: blocks };
  return out;
}

/**
 * Run the agent on one user prompt. Never throws: failures end the run with an error event.
 * `prompt` null continues the conversation as it stands (Retry after a failed request, Regenerate
 * after the host dropped the last answer): its last message must then be the user's.
 */
export async function runAgent(prompt: string | null, options: AgentOptions): Promise<AgentResult> {
  const emit = options.onEvent;
  const signal = options.signal;
  const maxTurns = options.maxTurns ?? 25;
  const config = options.trusted ? options.config : readOnlyConfig();
  const policy: PolicyContext = {
    workspaceRoot: options.workspace.root,
    realpath: (p) => options.workspace.realpath(p),
    caseInsensitive: options.workspace.caseInsensitive,
    config,
    trusted: options.trusted,
  };
  const toolNames = offeredTools(config, options.trusted);
  const tools = toolSchemas(toolNames);
  if (tools.length > 0) {
    tools[tools.length - 1] = { ...tools[tools.length - 1], cache_control: { type: 'ephemeral' } };
  }
  const summary = options.workspaceSummary ?? (await workspaceContext(options.workspace, options.analyzeConfig ?? {}, config, options.configFound, options.excluded));
  const system: TextBlock[] = [
    { type: 'text', text: DOCTRINE },
    { type: 'text', text: `${options.trusted ? '' : 'The workspace is not trusted: aurora.yaml is ignored and you may only read.\n'}${summary}`, cache_control: { type: 'ephemeral' } },
  ];
  const conversation: Message[] = [...(options.history ?? [])];
  const last = conversation[conversation.length - 1];
  if (prompt === null) {
    if (!last || last.role !== 'user') {
      emit({ type: 'error', kind: 'other', message: 'Nothing to retry: the conversation does not end with a message of yours. Send a new message instead.' });
      emit({ type: 'done', stopReason: 'error', usage: emptyUsage(), turns: 0 });
      return { messages: conversation, stopReason: 'error', usage: emptyUsage(), turns: 0 };
    }
  } else if (last && last.role === 'user') {
    // never two user turns in a row: fold the prompt into the pending one
    const blocks: ContentBlock[] = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : [...last.content];
    conversation[conversation.length - 1] = { role: 'user', content: [...blocks, { type: 'text', text: prompt }] };
  } else {
    conversation.push({ role: 'user', content: prompt });
  }
  options.onCheckpoint?.(conversation);
  // the request must fit the window: the answer's tokens, the system prompt and the tools first
  const window = contextWindow(options.modelId, options.contextWindow);
  const maxTokens = Math.max(256, Math.min(options.maxTokens ?? 8192, Math.floor(window / 4)));
  const fixed = estimateText(system.map((b) => b.text).join('\n')) + estimateText(JSON.stringify(tools));
  const budget = Math.max(1000, Math.floor(window * 0.95) - maxTokens - fixed);
  let droppedShown = 0;
  let condenseFailed = false;
  const total = emptyUsage();
  const finish = (stopReason: StopReason, turns: number, error?: ModelError): AgentResult => {
    emit({ type: 'done', stopReason, usage: total, turns });
    return { messages: conversation, stopReason, usage: total, turns, error };
  };

  for (let turn = 1; turn <= maxTurns; turn++) {
    if (signal?.aborted) {
      return finish('cancelled', turn - 1);
    }
    let fitted = fitToBudget(conversation, budget);
    if (fitted.dropped > 0 && options.condense !== false && !condenseFailed) {
      const condensed = await condenseOldest(conversation, budget, window, options);
      if (condensed === 'cancelled') {
        return finish('cancelled', turn - 1);
      }
      if (condensed) {
        addUsage(total, condensed.usage);
        emit({ type: 'usage', turn, usage: condensed.usage });
        // the conversation itself now starts with the summary: the host stores it so
        conversation.splice(0, conversation.length, ...condensed.messages);
        emit({ type: 'condensed', messages: condensed.cut, summary: condensed.summary, tokensBefore: condensed.tokensBefore, tokensAfter: estimateMessages(conversation) });
        options.onCheckpoint?.(conversation);
        fitted = fitToBudget(conversation, budget);
      } else {
        condenseFailed = true;
      }
    }
    if (fitted.dropped > droppedShown) {
      droppedShown = fitted.dropped;
      emit({ type: 'notice', message: say.contextDropped(fitted.dropped, window) });
    }
    emit({ type: 'context', tokens: fitted.tokens + fixed, window });
    const request: ModelRequest = {
      model: options.modelId,
      system,
      tools,
      messages: withCacheBreakpoint(fitted.messages),
      maxTokens,
      temperature: options.temperature ?? config.temperature,
    };
    const pending = new Map<number, Pending>();
    const turnUsage = emptyUsage();
    let stopReason: string | null | undefined;
    let failure: ModelError | undefined;
    let started = false;
    let stopped = false;
    try {
      for await (const event of options.model.stream(request, { signal, onNotice: (message) => emit({ type: 'notice', message }) })) {
        switch (event.type) {
          case 'message_start':
            started = true;
            addUsage(turnUsage, event.usage);
            break;
          case 'content_block_start':
            if (event.block.type === 'text') {
              pending.set(event.index, { type: 'text', text: event.block.text ?? '' });
              if (event.block.text) {
                emit({ type: 'text', text: event.block.text });
              }
            } else if (event.block.type === 'tool_use') {
              pending.set(event.index, { type: 'tool_use', id: event.block.id, name: event.block.name, json: '', complete: false });
            } else {
              pending.set(event.index, { type: 'other' });
            }
            break;
          case 'content_block_delta': {
            const block = pending.get(event.index);
            if (event.delta.type === 'text_delta' && block?.type === 'text') {
              block.text += event.delta.text;
              emit({ type: 'text', text: event.delta.text });
            } else if (event.delta.type === 'input_json_delta' && block?.type === 'tool_use') {
              block.json += event.delta.partial_json;
            }
            break;
          }
          case 'content_block_stop': {
            const block = pending.get(event.index);
            if (block?.type === 'tool_use') {
              block.complete = true;
            }
            break;
          }
          case 'message_delta':
            stopReason = event.stopReason ?? stopReason;
            if (event.usage) {
              // message_delta carries cumulative output tokens for this message
              turnUsage.output_tokens = event.usage.output_tokens ?? turnUsage.output_tokens;
            }
            break;
          case 'message_stop':
            stopped = true;
            break;
        }
      }
      if (!stopped && !signal?.aborted) {
        failure = new ModelError('stream', say.streamError('incomplete', 'the connection closed before the end of the message'));
      }
    } catch (e) {
      failure = isModelError(e) ? e : new ModelError(signal?.aborted ? 'aborted' : 'other', e instanceof Error ? e.message : String(e));
      if (started && (failure.kind === 'network' || failure.kind === 'timeout')) {
        // connected, then lost: the answer broke midway, the API itself is reachable
        failure = new ModelError('stream', say.streamError('connection lost', failure.message));
      }
    }
    if (signal?.aborted && !failure) {
      failure = new ModelError('aborted', say.cancelled);
    }
    addUsage(total, turnUsage);
    emit({ type: 'usage', turn, usage: turnUsage });

    // the assistant message: streamed text is kept even when the stream broke; tool calls only
    // when the answer arrived whole (a half-received call is never run)
    const content: ContentBlock[] = [];
    const calls: { block: ToolUseBlock; invalid?: string }[] = [];
    for (const index of [...pending.keys()].sort((a, b) => a - b)) {
      const block = pending.get(index) as Pending;
      if (block.type === 'text' && block.text !== '') {
        content.push({ type: 'text', text: block.text });
      } else if (block.type === 'tool_use' && !failure && block.complete) {
        let input: Record<string, unknown> = {};
        let invalid: string | undefined;
        try {
          const parsed: unknown = block.json.trim() === '' ? {} : JSON.parse(block.json);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
            input = parsed as Record<string, unknown>;
          } else {
            invalid = 'expected a JSON object';
          }
        } catch (err) {
          invalid = err instanceof Error ? err.message : String(err);
        }
        const tu: ToolUseBlock = { type: 'tool_use', id: block.id, name: block.name, input };
        content.push(tu);
        calls.push({ block: tu, invalid });
      }
    }
    if (content.length > 0) {
      conversation.push({ role: 'assistant', content });
    }
    if (failure) {
      if (failure.kind === 'aborted') {
        return finish('cancelled', turn);
      }
      emit({ type: 'error', kind: failure.kind, message: failure.message });
      return finish('error', turn, failure);
    }
    if (calls.length === 0) {
      if (stopReason === 'max_tokens') {
        emit({ type: 'notice', message: say.maxTokens });
      }
      return finish(normalizeStop(stopReason), turn);
    }

    const results: ToolResultBlock[] = [];
    for (const call of calls) {
      results.push(await runCall(call.block, call.invalid, policy, options));
    }
    conversation.push({ role: 'user', content: results });
    options.onCheckpoint?.(conversation);
    if (signal?.aborted) {
      return finish('cancelled', turn);
    }
    if (turn === maxTurns) {
      emit({ type: 'notice', message: say.maxTurns(maxTurns) });
      return finish('max_turns', turn);
    }
  }
  return finish('max_turns', maxTurns);
}

/**
 * Replace the oldest turns by a summary the model writes. Undefined when there is nothing to
 * condense or the request failed (a notice says so; the caller leaves old turns out instead).
 */
async function condenseOldest(
  conversation: readonly Message[],
  budget: number,
  window: number,
  options: AgentOptions,
): Promise<{ messages: Message[]; cut: number; summary: string; usage: Usage; tokensBefore: number } | 'cancelled' | undefined> {
  // the summary gets an eighth of the budget, at most 2,000 tokens
  const reserve = Math.max(200, Math.min(2000, Math.floor(budget / 8)));
  const cut = condensationCut(conversation, budget, reserve);
  if (cut === undefined) {
    return undefined;
  }
  try {
    const r = await summarize(conversation.slice(0, cut), { model: options.model, modelId: options.modelId, window, maxTokens: reserve, ...(options.signal ? { signal: options.signal } : {}) });
    // what the model wrote about redacted turns should hold no secret, but it is stored: scrub it
    const summary = options.redactSecrets ?? true ? redactSecrets(r.summary, options.secretValues).text : r.summary;
    const usage: Usage = { ...emptyUsage(), ...r.usage };
    return { messages: withSummary(conversation, cut, summary), cut, summary, usage, tokensBefore: estimateMessages(conversation) };
  } catch (e) {
    if (options.signal?.aborted) {
      return 'cancelled';
    }
    options.onEvent({ type: 'notice', message: say.condenseFailed(e instanceof Error ? e.message : String(e)) });
    return undefined;
  }
}

function normalizeStop(reason: string | null | undefined): StopReason {
  switch (reason) {
    case 'max_tokens':
    case 'stop_sequence':
    case 'refusal':
    case 'pause_turn':
      return reason;
    default:
      return 'end_turn';
  }
}

/** Policy → approver → executor for one tool call; always returns its tool_result. */
async function runCall(block: ToolUseBlock, invalid: string | undefined, policy: PolicyContext, options: AgentOptions): Promise<ToolResultBlock> {
  const emit = options.onEvent;
  const signal = options.signal;
  const result = (ok: boolean, output: string, findings?: Finding[]): ToolResultBlock => {
    emit({ type: 'tool_result', id: block.id, name: block.name, ok, output, ...(findings && findings.length > 0 ? { findings } : {}) });
    return { type: 'tool_result', tool_use_id: block.id, content: output, ...(ok ? {} : { is_error: true }) };
  };
  if (signal?.aborted) {
    return result(false, say.skippedTool);
  }
  const decision: Decision = invalid ? { decision: 'deny', reasons: [`invalid input: ${invalid}`], hosts: [], paths: [] } : decide({ name: block.name, input: block.input }, policy);
  emit({ type: 'tool_call', id: block.id, name: block.name, input: block.input, decision: decision.decision, reasons: decision.reasons, hosts: decision.hosts, paths: decision.paths, destructive: decision.destructive === true, networked: decision.networked === true, runsRepositoryCode: decision.runsRepositoryCode === true, wrapped: decision.wrapped === true });
  if (invalid) {
    return result(false, say.invalidInput(invalid));
  }
  if (decision.decision === 'deny') {
    return result(false, say.denied(decision.reasons));
  }
  if (decision.decision === 'ask') {
    const request: ApprovalRequest = { toolUseId: block.id, tool: block.name, input: block.input, decision };
    try {
      if (block.name === 'write_file') {
        const before = await options.workspace.readText(decision.paths[0]);
        request.diff = { path: decision.paths[0], before, after: typeof block.input.content === 'string' ? block.input.content : '' };
      } else if (block.name === 'run_shell_command') {
        request.command = { command: String(block.input.command), cwd: typeof block.input.cwd === 'string' ? block.input.cwd : '.' };
      }
      const answer = await options.approver.approve(request, signal);
      if (signal?.aborted) {
        return result(false, say.cancelledTool);
      }
      if (answer.handled) {
        return result(answer.handled.ok, answer.handled.output);
      }
      if (!answer.approved) {
        return result(false, answer.message ?? say.declined());
      }
    } catch (e) {
      if (isWorkspaceRefusal(e)) {
        // the file to show in the diff is refused (a link out of the workspace): nothing to ask
        return result(false, e.message);
      }
      return result(false, signal?.aborted ? say.cancelledTool : `The approval failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  let outcome: ToolOutcome;
  try {
    outcome = await executeTool(block.name, block.input, decision, {
      workspace: options.workspace,
      shell: options.shell,
      analyzeConfig: options.analyzeConfig ?? {},
      redact: options.redactSecrets ?? true,
      secretValues: options.secretValues,
      outputLimit: options.outputLimit ?? 30_000,
      // a delay above 2^31 - 1 ms fires at once: clamp whatever the host passed
      commandTimeoutMs: Math.min(options.commandTimeoutMs ?? 300_000, MAX_COMMAND_TIMEOUT_SECONDS * 1000),
      contract: { root: options.workspace.root, config: policy.config },
      excluded: options.excluded,
      signal,
      onOutput: (chunk) => emit({ type: 'tool_output', id: block.id, chunk }),
    });
  } catch (e) {
    return result(false, `${block.name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return result(outcome.ok, outcome.output, outcome.findings);
}

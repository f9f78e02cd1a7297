import { parseArgs } from 'util';
import { AnthropicModelClient } from '../../agent/anthropic';
import { DEFAULT_MODEL } from '../../agent/config';
import { runAgent } from '../../agent/loop';
import type { AgentEvent } from '../../agent/loop';
import { messages } from '../../agent/messages';
import { NodeWorkspace, collectSecretValues, loadWorkspace } from '../../agent/node';
import { SandboxedShell, shutdownSandbox } from '../../agent/node/sandbox';
import { describeSandbox } from '../../agent/sandbox';
import type { Approver } from '../../agent/ports';
import type { Command } from '../io';
import { UsageError, warn, writeOut } from '../io';

/** Answers every `ask` with a refusal the model is told about (non-interactive runs). */
const refuseAll: Approver = {
  async approve() {
    return { approved: false, message: messages.declinedNever };
  },
};

/** Approves whatever the policy lets through (the policy still denies what it must). */
const approvePermitted: Approver = {
  async approve() {
    return { approved: true };
  },
};

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** JSON lines: the documented event shapes. */
function jsonLine(e: AgentEvent): string | undefined {
  switch (e.type) {
    case 'text':
      return JSON.stringify({ type: 'text', text: e.text });
    case 'tool_call':
      return JSON.stringify({ type: 'tool_call', name: e.name, input: e.input, decision: e.decision, reasons: e.reasons });
    case 'tool_result':
      return JSON.stringify({ type: 'tool_result', name: e.name, ok: e.ok, output: e.output });
    case 'notice':
      return JSON.stringify({ type: 'notice', message: e.message });
    case 'condensed':
      return JSON.stringify({ type: 'condensed', messages: e.messages, summary: e.summary });
    case 'usage':
      return JSON.stringify({ type: 'usage', turn: e.turn, usage: e.usage });
    case 'error':
      return JSON.stringify({ type: 'error', message: e.message });
    case 'done':
      return JSON.stringify({ type: 'done', stopReason: e.stopReason, usage: e.usage });
    case 'tool_output':
    case 'context':
      return undefined;
  }
}

/** `aurora-devops agent`: the DevOps agent, headless. */
export const agentCommand: Command = {
  name: 'agent',
  summary: 'Run the DevOps agent on one prompt (aurora.yaml permissions apply; needs ANTHROPIC_API_KEY)',
  usage: 'aurora-devops agent --prompt TEXT [--config FILE] [--cwd DIR] [--approve never|permitted] [--max-turns N] [--max-tokens N] [--model ID] [--format text|json] [--no-redact] [--unsandboxed]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        prompt: { type: 'string' },
        config: { type: 'string' },
        cwd: { type: 'string' },
        approve: { type: 'string', default: 'never' },
        'max-turns': { type: 'string', default: '25' },
        'max-tokens': { type: 'string', default: '8192' },
        model: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'no-redact': { type: 'boolean', default: false },
        unsandboxed: { type: 'boolean', default: false },
      },
    });
    if (values.prompt === undefined || values.prompt.trim() === '') {
      throw new UsageError('--prompt TEXT is required');
    }
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json (got '${values.format}')`);
    }
    if (values.approve !== 'never' && values.approve !== 'permitted') {
      throw new UsageError(`--approve must be never or permitted (got '${values.approve}')`);
    }
    const maxTurns = Number(values['max-turns']);
    if (!Number.isInteger(maxTurns) || maxTurns < 1 || maxTurns > 200) {
      throw new UsageError(`--max-turns must be a whole number from 1 to 200 (got '${values['max-turns']}')`);
    }
    const maxTokens = Number(values['max-tokens']);
    if (!Number.isInteger(maxTokens) || maxTokens < 1) {
      throw new UsageError(`--max-tokens must be a positive whole number (got '${values['max-tokens']}')`);
    }
    if (values.model !== undefined && !/^\S+$/.test(values.model)) {
      throw new UsageError(`--model must be a model id (got '${values.model}')`);
    }
    const loaded = loadWorkspace(values.cwd ?? process.cwd(), values.config);
    if ('error' in loaded) {
      throw new UsageError(loaded.error);
    }
    for (const p of loaded.agent.problems) {
      warn(`${loaded.configFile ?? 'aurora.yaml'}:${p.line}: ${p.message}`);
    }
    const json = values.format === 'json';
    let pendingWrite = Promise.resolve();
    const print = (text: string): void => {
      // keep stdout ordered without blocking the loop
      pendingWrite = pendingWrite.then(() => writeOut(text));
    };
    const apiKey = process.env.ANTHROPIC_API_KEY;
    if (!apiKey) {
      if (json) {
        print(JSON.stringify({ type: 'error', message: messages.noKey }) + '\n');
        await pendingWrite;
      } else {
        warn(messages.noKey);
      }
      return 1;
    }
    const modelId = values.model ?? loaded.agent.config.model ?? DEFAULT_MODEL;
    const model = new AnthropicModelClient({ apiKey, baseURL: process.env.ANTHROPIC_BASE_URL || undefined });
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    let atLineStart = true;
    const onEvent = (e: AgentEvent): void => {
      if (json) {
        const line = jsonLine(e);
        if (line) {
          print(line + '\n');
        }
        return;
      }
      const block = (text: string): void => {
        print(`${atLineStart ? '' : '\n'}${text}\n`);
        atLineStart = true;
      };
      switch (e.type) {
        case 'text':
          print(e.text);
          atLineStart = e.text.endsWith('\n');
          break;
        case 'tool_call':
          block(`▸ ${e.name} ${oneLine(JSON.stringify(e.input), 160)} → ${e.decision}${e.destructive ? ' (destructive)' : ''}${e.decision === 'deny' ? `: ${e.reasons.join('; ')}` : ''}`);
          break;
        case 'tool_output':
          print(e.chunk);
          atLineStart = e.chunk.endsWith('\n');
          break;
        case 'tool_result':
          block(`◂ ${e.name} ${e.ok ? 'ok' : 'failed'}: ${oneLine(e.output)}`);
          break;
        case 'notice':
          block(`! ${e.message}`);
          break;
        case 'condensed':
          block(`! The ${e.messages} oldest messages were condensed into a summary to fit the context window.`);
          break;
        case 'usage':
        case 'context':
          break;
        case 'error':
          if (!atLineStart) {
            print('\n');
            atLineStart = true;
          }
          warn(e.message);
          break;
        case 'done':
          block(`— ${e.stopReason} · ${e.usage.input_tokens} input / ${e.usage.output_tokens} output tokens${e.usage.cache_read_input_tokens ? ` (${e.usage.cache_read_input_tokens} from cache)` : ''}`);
          break;
      }
    };
    // commands run only inside the OS sandbox; --unsandboxed lets them run without one, and says so
    const shell = new SandboxedShell(values.unsandboxed ? 'warn' : 'required');
    if (values.approve === 'permitted' && loaded.agent.config.tools.includes('run_shell_command')) {
      const status = await shell.status();
      if (!status.enforced) {
        const line = describeSandbox(status);
        if (json) {
          print(JSON.stringify({ type: 'notice', message: line }) + '\n');
        } else {
          warn(line);
        }
      }
    }
    try {
      const workspace = new NodeWorkspace(loaded.root);
      const secretValues = values['no-redact'] ? undefined : await collectSecretValues(loaded.root);
      const result = await runAgent(values.prompt, {
        model,
        modelId,
        workspace,
        shell,
        approver: values.approve === 'permitted' ? approvePermitted : refuseAll,
        config: loaded.agent.config,
        configFound: loaded.agent.found,
        trusted: true,
        analyzeConfig: loaded.analyzeConfig,
        excluded: loaded.excluded,
        maxTurns,
        maxTokens,
        redactSecrets: !values['no-redact'],
        secretValues,
        signal: controller.signal,
        onEvent,
      });
      await pendingWrite;
      if (result.stopReason === 'error') {
        return 1;
      }
      return result.stopReason === 'cancelled' ? 130 : 0;
    } finally {
      process.removeListener('SIGINT', onSigint);
      await shutdownSandbox();
      await pendingWrite;
    }
  },
};

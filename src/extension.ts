/**
 * Entry point of the Aurora DevOps extension (dist/extension.js), kept small so activation is
 * quick: it registers a stand-in for every contributed command and loads the extension proper
 * (dist/main.js, from src/vscode/main.ts: analysis core, diagnostics, chat, tasks) on the next
 * turn of the event loop. A command invoked meanwhile waits for the load and then runs the real
 * handler; VS Code resolves the chat view once main.js has registered its provider.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { AuroraApi } from './vscode/main';

export type { ActivationTimes, AuroraApi } from './vscode/main';

/** What activate() returns: the timings so far and the extension once it has started. */
export interface AuroraShell {
  /** The started extension (loads dist/main.js if that has not happened yet). */
  ready(): Promise<AuroraApi>;
}

/**
 * Set by the bundle's first and last lines (scripts/build.mjs banner and footer); absent when run
 * unbundled. Between the module's evaluation and activate(), VS Code prepares the extension's
 * context (storage and the like): that wait is the host's, reported apart.
 */
declare const globalThis: { __auroraLoadStart?: number; __auroraLoadCpu?: NodeJS.CpuUsage; __auroraLoadEnd?: number; __auroraLoadEndCpu?: NodeJS.CpuUsage };

/** The shape of dist/main.js. */
type MainModule = typeof import('./vscode/main');

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): AuroraShell {
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  const loadStart = globalThis.__auroraLoadStart ?? started;
  const loadEnd = globalThis.__auroraLoadEnd ?? started;
  const ids = ((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command);
  const standIns = ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await load();
      // the stand-in is gone by now: this reaches the handler main.js registered
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  context.subscriptions.push(...standIns);
  let deactivated = false;
  context.subscriptions.push({ dispose: () => (deactivated = true) });
  let loading: Promise<AuroraApi> | undefined;
  const load = (): Promise<AuroraApi> => {
    loading ??= new Promise<AuroraApi>((resolve, reject) => {
      setImmediate(() => {
        if (deactivated) {
          reject(new Error('Aurora DevOps was deactivated before it had started'));
          return;
        }
        try {
          const mainStart = Date.now();
          // a path esbuild leaves alone: main.js is its own bundle next to this one
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          const main = require(path.join(__dirname, 'main.js')) as MainModule;
          const mainLoadMs = Date.now() - mainStart;
          for (const d of standIns.splice(0)) {
            d.dispose();
          }
          resolve(main.start(context, { ...times, mainLoadMs, loadStart }));
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          void vscode.window.showErrorMessage(`Aurora DevOps could not start: ${message}. Reinstalling the extension may help; the log is in Help > Toggle Developer Tools.`);
          reject(e instanceof Error ? e : new Error(message));
        }
      });
    });
    return loading;
  };
  const cpu = process.cpuUsage(cpuAtStart);
  const loadCpu = globalThis.__auroraLoadEndCpu ?? { user: 0, system: 0 };
  const moduleLoadMs = loadEnd - loadStart;
  const times = {
    activationMs: moduleLoadMs + (Date.now() - started),
    moduleLoadMs,
    hostWaitMs: started - loadEnd,
    activationCpuMs: Math.round((cpu.user + cpu.system + loadCpu.user + loadCpu.system) / 1000),
  };
  registerForOtherAgents(context, load);
  // start loading now: the files open at start-up want their diagnostics
  load().catch(() => undefined);
  return { ready: load };
}

/**
 * The `aurora_lint` language model tool and the `@devops` chat participant (declared in
 * package.json), registered here because a first call may be what activates the extension: VS
 * Code looks for them as soon as activate() returns. Only where the running VS Code offers them.
 */
function registerForOtherAgents(context: vscode.ExtensionContext, load: () => Promise<AuroraApi>): void {
  if (typeof vscode.lm?.registerTool === 'function') {
    try {
      context.subscriptions.push(
        vscode.lm.registerTool<{ path?: string }>('aurora_lint', {
          invoke: async (options) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await (await load()).forOtherAgents.lint(options.input ?? {}))]),
        }),
      );
    } catch {
      // a host without language model tools
    }
  }
  if (typeof vscode.chat?.createChatParticipant === 'function') {
    try {
      const participant = vscode.chat.createChatParticipant('aurora.devops', async (request, _context, stream) => {
        stream.markdown(vscode.l10n.t('Opening the DevOps Agent panel, where commands and writes can be approved.'));
        await (await load()).forOtherAgents.ask(request.prompt);
        return {};
      });
      participant.iconPath = new vscode.ThemeIcon('server-process');
      context.subscriptions.push(participant);
    } catch {
      // a host without chat support: the panel is the way in
    }
  }
}

/** Everything is disposed through context.subscriptions. */
export function deactivate(): void {
  // nothing beyond the subscriptions
}

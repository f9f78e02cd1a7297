/**
 * The Aurora DevOps extension proper (dist/main.js): builds the pieces, wires them and registers
 * every disposable the moment it is created. src/extension.ts loads it right after activation, so
 * activation itself only registers the commands; the parsers (wasm) load on the first analysis.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { lintToolText, registerChat } from './chat';
import type { ChatApi, LintToolInput } from './chat';
import { AuroraCodeActions, disableRuleInConfig, DISABLE_RULE_COMMAND } from './codeActions';
import { ConfigStore } from './config';
import { SHOW_RULE_DOCS } from './convert';
import { DiagnosticsManager, errorText } from './diagnostics';
import { skippedSummary, WorkspaceScanner } from './scanner';
import type { ScanResult } from './scanner';
import { ProblemsStatusItem } from './statusBar';
import { registerTasks } from './tasks';
import type { TasksApi } from './tasks';
import { isTrusted } from './trust';

/** What the extension exports to other extensions and to its integration tests. */
export interface AuroraApi {
  /** Whether the workspace is trusted (write and shell features need it). */
  isTrusted(): boolean;
  /** Scan every workspace folder (no progress UI). */
  scanWorkspace(): Promise<ScanResult>;
  /** The status bar item's current text. */
  statusText(): string;
  /** The DevOps Agent chat (view provider and terminal runner). */
  chat: ChatApi;
  /** Planners of the command-palette tasks (containerize, fix all, pin, …). */
  tasks: TasksApi;
  /** How long activation and the loading after it took (see ActivationTimes). */
  times: ActivationTimes;
  /**
   * What the `aurora_lint` tool and the `@devops` participant call (src/extension.ts registers
   * them at activation, so a first call that activates the extension finds them).
   */
  forOtherAgents: {
    /** The findings of a workspace file, or of the open files, one line each. */
    lint(input: LintToolInput): Promise<string>;
    /** Hand a prompt to the DevOps Agent panel. */
    ask(prompt: string): Promise<void>;
  };
}

/** Measured by src/extension.ts; reported by the benchmark (docs/benchmarks.md). */
export interface ActivationTimes {
  /**
   * Milliseconds of our own code in activation: evaluating dist/extension.js plus the activate()
   * call (as VS Code counts code loading and the activate call).
   */
  activationMs: number;
  /** The part of activationMs spent loading and evaluating dist/extension.js. */
  moduleLoadMs: number;
  /** Between the module's evaluation and activate(): VS Code preparing the extension context. */
  hostWaitMs: number;
  /**
   * CPU time of the same spans (user + system, all threads of the extension host): unlike the
   * wall time it does not grow while the host waits for the CPU behind the starting workbench.
   */
  activationCpuMs: number;
  /** Milliseconds from the first line of dist/extension.js until this module started (commands, diagnostics, chat ready). */
  readyMs: number;
  /** The part of readyMs spent loading and evaluating dist/main.js. */
  mainLoadMs: number;
}

/** Documents the code actions apply to: every file the core may recognise. */
const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'terraform' },
  { scheme: 'file', pattern: '**/*.{tf,yml,yaml}' },
  { scheme: 'file', pattern: '**/{Dockerfile,Containerfile,dockerfile}*' },
  { scheme: 'file', pattern: '**/*.{dockerfile,Dockerfile,containerfile}' },
  { scheme: 'untitled', language: 'dockerfile' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'untitled', language: 'terraform' },
];

/**
 * Start everything; called by src/extension.ts once this bundle is loaded. `times` is completed
 * here (readyMs) when the start is done.
 */
export function start(context: vscode.ExtensionContext, times: Omit<ActivationTimes, 'readyMs'> & { loadStart: number }): AuroraApi {
  const subs = context.subscriptions;
  const log = vscode.window.createOutputChannel('Aurora DevOps', { log: true });
  subs.push(log);
  const config = new ConfigStore(log);
  subs.push(config);
  config.prefetch();
  const diagnostics = new DiagnosticsManager(context.extensionUri, config, log);
  subs.push(diagnostics);
  // the parsers compile in the background right after activation (the wasm compiles off the main
  // thread), so the first file opened does not wait for them; a file opened sooner loads only the
  // grammars it needs
  const warm = setTimeout(() => void diagnostics.ensureReady().then(undefined, (e: unknown) => log.warn(`parsers could not be loaded in advance: ${errorText(e)}`)), 0);
  subs.push({ dispose: () => clearTimeout(warm) });
  const scanner = new WorkspaceScanner(diagnostics, log);
  subs.push(scanner);
  const status = new ProblemsStatusItem(diagnostics);
  subs.push(status);

  subs.push(vscode.languages.registerCodeActionsProvider(SELECTOR, new AuroraCodeActions(diagnostics), AuroraCodeActions.metadata));

  subs.push(
    vscode.commands.registerCommand('aurora.scanWorkspace', async () => {
      try {
        const r = await scanner.scanWithProgress();
        if (!r.cancelled) {
          const skipped = skippedSummary(r.skipped);
          void vscode.window.setStatusBarMessage(
            skipped ? vscode.l10n.t('Aurora: {0} files scanned, {1} problems; {2}', r.files, r.problems, skipped) : vscode.l10n.t('Aurora: {0} files scanned, {1} problems', r.files, r.problems),
            5000,
          );
        }
        return r;
      } catch (e) {
        log.error(`scan failed: ${errorText(e)}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Aurora: the workspace scan failed: {0}', errorText(e)));
        return undefined;
      }
    }),
  );
  subs.push(
    vscode.commands.registerCommand(SHOW_RULE_DOCS, async (ruleId: unknown) => {
      if (typeof ruleId !== 'string' || !/^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(ruleId)) {
        return;
      }
      const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', ...`${ruleId}.md`.split('/'));
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        void vscode.window.showInformationMessage(vscode.l10n.t('Aurora: no documentation page for {0}', ruleId));
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
  );
  subs.push(
    vscode.commands.registerCommand(DISABLE_RULE_COMMAND, async (folderUri: unknown, ruleId: unknown) => {
      if (!(folderUri instanceof vscode.Uri) || typeof ruleId !== 'string') {
        return undefined;
      }
      const target = await disableRuleInConfig(folderUri, ruleId);
      if (target) {
        config.invalidateFor(target);
        log.info(`disabled ${ruleId} in ${target.fsPath}`);
      }
      return target;
    }),
  );
  subs.push(vscode.commands.registerCommand('aurora.showOutput', () => log.show()));
  const chat = registerChat(context, { diagnostics, scanner, log });
  const tasks = registerTasks(context, { diagnostics, scanner, log, chat });

  for (const doc of vscode.workspace.textDocuments) {
    diagnostics.lintSoon(doc, 0);
  }
  const { loadStart, ...measured } = times;
  const ready: ActivationTimes = { ...measured, readyMs: Date.now() - loadStart };
  log.info(
    `activated in ${ready.activationMs} ms (${ready.activationCpuMs} ms CPU, ${ready.moduleLoadMs} ms of it loading dist/extension.js; VS Code prepared the context for ${ready.hostWaitMs} ms before activate()); ready ${ready.readyMs} ms after the start, ${ready.mainLoadMs} ms of it loading dist/main.js (${isTrusted() ? 'trusted' : 'restricted'} workspace, extension at ${path.basename(context.extensionUri.fsPath)})`,
  );
  return {
    isTrusted,
    scanWorkspace: () => scanner.scan(),
    statusText: () => status.text,
    chat,
    tasks,
    times: ready,
    forOtherAgents: {
      lint: (input) => lintToolText(diagnostics, input),
      ask: (prompt) => chat.provider.ask(prompt, true),
    },
  };
}

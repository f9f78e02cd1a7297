/**
 * Entry point of the Aurora DevOps extension: builds the pieces, wires them and registers every
 * disposable the moment it is created. Activation stays cheap: the parsers (wasm) load on the
 * first analysis, not here.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { registerChat } from './vscode/chat';
import type { ChatApi } from './vscode/chat';
import { AuroraCodeActions, disableRuleInConfig, DISABLE_RULE_COMMAND } from './vscode/codeActions';
import { ConfigStore } from './vscode/config';
import { SHOW_RULE_DOCS } from './vscode/convert';
import { DiagnosticsManager, errorText } from './vscode/diagnostics';
import { WorkspaceScanner } from './vscode/scanner';
import type { ScanResult } from './vscode/scanner';
import { ProblemsStatusItem } from './vscode/statusBar';
import { registerTasks } from './vscode/tasks';
import type { TasksApi } from './vscode/tasks';
import { isTrusted } from './vscode/trust';

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
  /** Milliseconds from loading dist/extension.js to the end of activate() (module load included). */
  activationMs: number;
  /** The part of activationMs spent loading and evaluating the bundle, before activate() ran. */
  moduleLoadMs: number;
  /**
   * CPU time of the same span (user + system, all threads of the extension host): unlike the wall
   * time it does not grow while the host waits for the CPU behind the starting workbench.
   */
  activationCpuMs: number;
}

/** Set by the bundle's first line (scripts/build.mjs banner); absent when run unbundled. */
declare const globalThis: { __auroraLoadStart?: number; __auroraLoadCpu?: NodeJS.CpuUsage };

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

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): AuroraApi {
  const started = Date.now();
  const subs = context.subscriptions;
  const log = vscode.window.createOutputChannel('Aurora DevOps', { log: true });
  subs.push(log);
  const config = new ConfigStore(log);
  subs.push(config);
  const diagnostics = new DiagnosticsManager(context.extensionUri, config, log);
  subs.push(diagnostics);
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
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Aurora: {0} files scanned, {1} problems', r.files, r.problems), 5000);
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
  const activationMs = Date.now() - (globalThis.__auroraLoadStart ?? started);
  const moduleLoadMs = started - (globalThis.__auroraLoadStart ?? started);
  const cpu = process.cpuUsage(globalThis.__auroraLoadCpu);
  const activationCpuMs = globalThis.__auroraLoadCpu ? Math.round((cpu.user + cpu.system) / 1000) : 0;
  log.info(`activated in ${activationMs} ms (${activationCpuMs} ms CPU), ${moduleLoadMs} ms of it loading the bundle (${isTrusted() ? 'trusted' : 'restricted'} workspace, extension at ${path.basename(context.extensionUri.fsPath)})`);
  return {
    isTrusted,
    scanWorkspace: () => scanner.scan(),
    statusText: () => status.text,
    chat,
    tasks,
    activationMs,
    moduleLoadMs,
    activationCpuMs,
  };
}

/** Everything is disposed through context.subscriptions. */
export function deactivate(): void {
  // nothing beyond the subscriptions
}

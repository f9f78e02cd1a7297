import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, ruleIdOf } from '../convert';
import type { DiagnosticsManager } from '../diagnostics';
import type { WorkspaceScanner } from '../scanner';
import { ApiKeys } from './keys';
import { ruleDocs } from './offline';
import { CHAT_VIEW_ID, ChatViewProvider, PROPOSAL_SCHEME, ProposalDocuments } from './provider';
import { SandboxedShell } from '../../agent/node/sandbox';
import { TerminalRunner, sandboxMode } from './terminal';

export { CHAT_VIEW_ID, ChatViewProvider } from './provider';
export { TerminalRunner, TERMINAL_NAME } from './terminal';

/** What the chat exposes to the extension API (integration tests use it). */
export interface ChatApi {
  provider: ChatViewProvider;
  terminal: TerminalRunner;
}

/** Offers "Explain with DevOps Agent" on every Aurora diagnostic. */
class ExplainActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix.append('aurora.explain')] };

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .map((d) => {
        const a = new vscode.CodeAction(vscode.l10n.t('Explain with DevOps Agent'), ExplainActions.metadata.providedCodeActionKinds?.[0]);
        a.diagnostics = [d];
        a.command = { command: 'aurora.explainDiagnostic', title: a.title, arguments: [doc.uri, d.range, ruleIdOf(d), d.message] };
        return a;
      });
  }
}

/** Register the chat view, its commands and the optional chat participant / LM tool. */
export function registerChat(context: vscode.ExtensionContext, deps: { diagnostics: DiagnosticsManager; scanner: WorkspaceScanner; log: vscode.LogOutputChannel }): ChatApi {
  const subs = context.subscriptions;
  const keys = new ApiKeys(context.secrets);
  // the editor's own data (settings, secret storage) is hidden from the agent's commands too
  const userData = vscode.Uri.joinPath(context.globalStorageUri, '..', '..').fsPath;
  const terminal = new TerminalRunner(new SandboxedShell(() => sandboxMode(), { extraDenyRead: [userData] }));
  subs.push(terminal);
  const proposals = new ProposalDocuments();
  subs.push(vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, proposals));
  const provider = new ChatViewProvider(context, keys, terminal, proposals, { extensionUri: context.extensionUri, diagnostics: deps.diagnostics, scanner: deps.scanner }, deps.log);
  subs.push(provider);
  subs.push(vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider, { webviewOptions: { retainContextWhenHidden: true } }));
  subs.push(vscode.commands.registerCommand('aurora.openChat', () => provider.reveal()));
  subs.push(vscode.commands.registerCommand('aurora.chat.newChat', () => provider.newChat()));
  subs.push(vscode.commands.registerCommand('aurora.chat.history', () => provider.showHistory()));
  subs.push(vscode.commands.registerCommand('aurora.chat.export', () => provider.exportMarkdown()));
  subs.push(
    vscode.commands.registerCommand('aurora.setApiKey', async () => {
      if (await keys.prompt()) {
        deps.log.info('Anthropic API key stored in secret storage');
      }
    }),
  );
  subs.push(
    vscode.commands.registerCommand('aurora.clearApiKey', async () => {
      await keys.clear();
      deps.log.info('Anthropic API key removed from secret storage');
      void vscode.window.showInformationMessage(vscode.l10n.t('Aurora: the stored API key was removed.'));
    }),
  );
  subs.push(
    vscode.commands.registerCommand('aurora.explainDiagnostic', async (uri: unknown, range: unknown, ruleId: unknown, message: unknown) => {
      if (!(uri instanceof vscode.Uri) || typeof ruleId !== 'string') {
        return;
      }
      const line = range instanceof vscode.Range ? range.start.line + 1 : 1;
      const rel = vscode.workspace.asRelativePath(uri);
      const hasKey = (await keys.get()) !== undefined;
      if (!hasKey) {
        await provider.ask(`/explain ${ruleId}`, true);
        return;
      }
      const docs = await ruleDocs(context.extensionUri, ruleId);
      const text = `Explain this Aurora finding and how to fix it.\n\n${rel}:${line}: ${ruleId}: ${String(message ?? '')}${docs ? `\n\nRule documentation:\n${docs}` : ''}`;
      await provider.ask(text, true);
    }),
  );
  // editor context menu: the selection (or the whole file) becomes a chip in the chat's input
  subs.push(
    vscode.commands.registerCommand('aurora.chat.askAboutSelection', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(editor.document.uri)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a file of the workspace to ask the DevOps agent about it.'));
        return;
      }
      const rel = vscode.workspace.asRelativePath(editor.document.uri, false);
      const sel = editor.selection;
      const end = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line : sel.end.line + 1;
      await provider.attach({ kind: 'file', path: rel, ...(sel.isEmpty ? {} : { lines: { start: sel.start.line + 1, end } }) });
    }),
  );
  // explorer context menu: a file or a folder becomes a chip
  subs.push(
    vscode.commands.registerCommand('aurora.chat.attachResource', async (uri: unknown) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target || target.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(target)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Only files and folders of the workspace can be attached.'));
        return;
      }
      const rel = vscode.workspace.asRelativePath(target, false);
      const stat = await vscode.workspace.fs.stat(target);
      const isRoot = vscode.workspace.getWorkspaceFolder(target)?.uri.toString() === target.toString();
      await provider.attach(stat.type & vscode.FileType.Directory ? { kind: 'folder', path: isRoot ? '.' : rel } : { kind: 'file', path: rel });
    }),
  );
  subs.push(vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new ExplainActions(), ExplainActions.metadata));
  return { provider, terminal };
}

/** Input of the `aurora_lint` language model tool (package.json declares the same schema). */
export interface LintToolInput {
  /** A file in the workspace (absolute, or relative to the first folder); omitted: every open file. */
  path?: string;
}

/** The findings of a file or of the open files, one line each, as the tool returns them. */
export async function lintToolText(diagnostics: DiagnosticsManager, input: LintToolInput): Promise<string> {
  let docs: vscode.TextDocument[];
  if (input.path) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri = /^([a-zA-Z]:[\\/]|\/)/.test(input.path) || !folder ? vscode.Uri.file(input.path) : vscode.Uri.joinPath(folder.uri, input.path);
    // other agents call this tool: it reads workspace files only
    if (!vscode.workspace.getWorkspaceFolder(uri)) {
      return `Only files inside the workspace can be checked: ${input.path} is outside it.`;
    }
    docs = [await vscode.workspace.openTextDocument(uri)];
  } else {
    docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file');
  }
  const lines: string[] = [];
  for (const doc of docs) {
    for (const f of await diagnostics.findingsFor(doc)) {
      lines.push(`${vscode.workspace.asRelativePath(doc.uri)}:${f.range.start.line + 1}: ${f.severity} ${f.ruleId}: ${f.message}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') : 'No Aurora findings.';
}

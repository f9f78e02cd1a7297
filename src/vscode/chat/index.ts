import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, ruleIdOf } from '../convert';
import type { DiagnosticsManager } from '../diagnostics';
import type { WorkspaceScanner } from '../scanner';
import { ApiKeys } from './keys';
import { ruleDocs } from './offline';
import { CHAT_VIEW_ID, ChatViewProvider, PROPOSAL_SCHEME, ProposalDocuments } from './provider';
import { TerminalRunner } from './terminal';

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
  const terminal = new TerminalRunner();
  subs.push(terminal);
  const proposals = new ProposalDocuments();
  subs.push(vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, proposals));
  const provider = new ChatViewProvider(context, keys, terminal, proposals, { extensionUri: context.extensionUri, diagnostics: deps.diagnostics, scanner: deps.scanner }, deps.log);
  subs.push(provider);
  subs.push(vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider, { webviewOptions: { retainContextWhenHidden: true } }));
  subs.push(vscode.commands.registerCommand('aurora.openChat', () => provider.reveal()));
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
  subs.push(vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new ExplainActions(), ExplainActions.metadata));
  registerOptional(subs, deps, provider, contributed(context, 'languageModelTools', 'aurora_lint'));
  return { provider, terminal };
}

/** Whether package.json contributes an entry named `name` under `contributes[point]`. */
function contributed(context: vscode.ExtensionContext, point: string, name: string): boolean {
  const json = context.extension.packageJSON as { contributes?: Record<string, unknown> } | undefined;
  const list = json?.contributes?.[point];
  return Array.isArray(list) && list.some((e: unknown) => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === name);
}

/**
 * `@devops` chat participant and the `aurora_lint` LM tool, only where the APIs exist (the tool
 * also needs its declaration in package.json; VS Code logs an error for an undeclared one).
 */
function registerOptional(subs: vscode.Disposable[], deps: { diagnostics: DiagnosticsManager }, provider: ChatViewProvider, toolDeclared: boolean): void {
  const chat = (vscode as unknown as { chat?: { createChatParticipant?: (id: string, handler: (req: { prompt: string }, ctx: unknown, stream: { markdown(s: string): void }) => Promise<void>) => vscode.Disposable } }).chat;
  if (chat?.createChatParticipant) {
    try {
      subs.push(
        chat.createChatParticipant('aurora.devops', async (req, _ctx, stream) => {
          stream.markdown(vscode.l10n.t('Opening the DevOps Agent panel, where commands and writes can be approved.'));
          await provider.ask(req.prompt, true);
        }),
      );
    } catch {
      // the participant must also be declared in package.json on some versions: skip it
    }
  }
  const lm = (vscode as unknown as { lm?: { registerTool?: (name: string, tool: { invoke(options: { input: { path?: string } }): Promise<unknown> }) => vscode.Disposable } }).lm;
  const LanguageModelToolResult = (vscode as unknown as { LanguageModelToolResult?: new (parts: unknown[]) => unknown }).LanguageModelToolResult;
  const LanguageModelTextPart = (vscode as unknown as { LanguageModelTextPart?: new (text: string) => unknown }).LanguageModelTextPart;
  if (toolDeclared && lm?.registerTool && LanguageModelToolResult && LanguageModelTextPart) {
    try {
      subs.push(
        lm.registerTool('aurora_lint', {
          invoke: async (options) => {
            const lines: string[] = [];
            const docs = options.input.path ? [await vscode.workspace.openTextDocument(vscode.Uri.file(options.input.path))] : vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file');
            for (const doc of docs) {
              for (const f of await deps.diagnostics.findingsFor(doc)) {
                lines.push(`${vscode.workspace.asRelativePath(doc.uri)}:${f.range.start.line + 1}: ${f.ruleId}: ${f.message}`);
              }
            }
            return new LanguageModelToolResult([new LanguageModelTextPart(lines.length > 0 ? lines.join('\n') : 'No Aurora findings.')]);
          },
        }),
      );
    } catch {
      // tools must be declared in package.json on some versions: skip it
    }
  }
}

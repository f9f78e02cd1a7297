import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type * as AnthropicClientModule from '../../agent/anthropic';
import { allowedBy, sessionPrefix } from '../../agent/allowlist';
import { buildAttachment, buildFolderAttachment } from '../../agent/attachment';
import type { FolderEntry } from '../../agent/attachment';
import { commandTimeoutMs } from '../../agent/limits';
import { estimateCost } from '../../agent/pricing';
import { regenerateConversation, retryConversation } from '../../agent/rerun';
import { contractSummary, DEFAULT_MODEL, defaultAuroraYaml, readOnlyConfig } from '../../agent/config';
import { runAgent } from '../../agent/loop';
import { workspaceContext } from '../../agent/prompt';
import type { AgentEvent } from '../../agent/loop';
import type { Message } from '../../agent/model';
import { collectSecretValues } from '../../agent/node/secretValues';
import { loadWorkspace } from '../../agent/node/setup';
import { decide, joinPath } from '../../agent/policy';
import type { PathContext, PolicyContext } from '../../agent/policy';
import type { ApprovalAnswer, ApprovalRequest, Approver } from '../../agent/ports';
import { capText, redactSecrets } from '../../agent/redact';
import { describeSandbox, sandboxNotesText } from '../../agent/sandbox';
import type { SandboxStatus } from '../../agent/sandbox';
import type { SecretValues } from '../../agent/secretValues';
import type { AgentConfig } from '../../agent/types';
import { detectKind } from '../../core';
import type { AnalyzeConfig } from '../../core';
import { assertNever, mentionLabel } from '../../shared/protocol';
import type { AnswerUsage, AttachmentChip, ContractState, ErrorAction, Mention, FromWebview, ToWebview, TranscriptItem } from '../../shared/protocol';
import { unifiedDiff } from '../../shared/diff';
import { parseSlash } from '../../shared/slash';
import { markInterrupted, transcriptMarkdown, transcriptTitle } from '../../shared/transcript';
import { validateFromWebview } from '../../shared/validate';
import { DIAGNOSTIC_SOURCE, ruleIdOf } from '../convert';
import { isTrusted } from '../trust';
import type { ApiKeys } from './keys';
import { runSlash } from './offline';
import type { OfflineDeps } from './offline';
import type { TerminalRunner } from './terminal';
import { TERMINAL_NAME } from './terminal';
import { TerminalLog } from './terminalLog';
import { VscodeWorkspace, writeThroughEdit } from './workspace';

/**
 * The Anthropic SDK is a third of the extension's code and only a chat message needs it, so it
 * ships as its own bundle (dist/anthropic.js, see scripts/build.mjs) loaded on the first message
 * instead of at activation.
 */
function loadAnthropicClient(): typeof AnthropicClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path esbuild must not inline
  return require(path.join(__dirname, 'anthropic.js')) as typeof AnthropicClientModule;
}

/** The view id contributed in package.json. */
export const CHAT_VIEW_ID = 'aurora.chatView';
/** Scheme of the read-only documents holding a proposed write. */
export const PROPOSAL_SCHEME = 'aurora-proposal';
/** Failures that may pass on their own: the error offers Retry. */
const RETRYABLE: ReadonlySet<string> = new Set(['rate_limit', 'overloaded', 'server', 'network', 'timeout', 'stream']);

const HISTORY_KEY = 'aurora.chat.history';
/** Past chats (History), newest first; the current one is under HISTORY_KEY. */
const SESSIONS_KEY = 'aurora.chat.sessions';
/** Past chats kept; the oldest go first. */
const MAX_SESSIONS = 50;

interface Stored {
  messages: Message[];
  transcript: TranscriptItem[];
  /** When the chat started (ms since the epoch); absent in histories stored before History existed. */
  started?: number;
  /** The workspace folder the agent works in (its URI), chosen at the first run in a multi-root workspace. */
  folder?: string;
}

/** A past chat, as History lists it. */
interface PastChat extends Stored {
  id: string;
  title: string;
  /** When it was last shown (ms since the epoch). */
  updated: number;
}

type ToolItem = Extract<TranscriptItem, { kind: 'tool' }>;
type ApproveMessage = Extract<FromWebview, { type: 'approve' }>;
type ToolPatch = Omit<Extract<ToWebview, { type: 'toolUpdate' }>, 'type' | 'id' | 'state'> & { state?: ToolItem['state'] };

/** Lines of a write's diff the card shows; the diff editor shows all of it. */
const CARD_DIFF_LINES = 120;

/** A write's change as the card shows it: a unified diff, cut after CARD_DIFF_LINES lines. */
export function cardDiff(diff: { path: string; before?: string; after: string }): string {
  const rel = vscode.workspace.asRelativePath(diff.path, false);
  const text = unifiedDiff(diff.before ?? '', diff.after, diff.before === undefined ? '/dev/null' : `a/${rel}`, `b/${rel}`);
  if (text === '') {
    return 'No change: the proposed text is the same as the file.';
  }
  const lines = text.replace(/\n$/, '').split('\n');
  return lines.length <= CARD_DIFF_LINES ? lines.join('\n') : `${lines.slice(0, CARD_DIFF_LINES).join('\n')}\n… ${lines.length - CARD_DIFF_LINES} more lines: Open diff shows the whole change`;
}

/** A call waiting for the user's answer on its card. */
interface PendingApproval {
  request: ApprovalRequest;
  resolve: (a: ApprovalAnswer) => void;
  signal?: AbortSignal;
}

/** What a run needs to decide and execute a command the user edited on its card. */
interface RunSettings {
  policy: PolicyContext;
  root: string;
  redact: boolean;
  secretValues?: SecretValues;
  timeoutMs: number;
}

/** Characters of an edited command's output sent back to the model (as the loop's default). */
const OUTPUT_LIMIT = 30_000;

/** The proposals shown in diff editors, by URI path (read-only virtual documents). */
export class ProposalDocuments implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    this.docs.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }
}

/**
 * The "DevOps Agent" webview view: runs the agent loop on the user's messages, streams its
 * events to the webview, turns `ask` decisions into approval cards (commands run in the
 * Aurora DevOps terminal, writes go through a diff), and keeps the history per workspace.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider, Approver, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private queue: ToWebview[] = [];
  private stored: Stored;
  private running: AbortController | undefined;
  /** The last run ended in an error: Retry may send the conversation again. */
  private failed = false;
  private readonly approvals = new Map<string, PendingApproval>();
  /** The last command that finished in a terminal, for @terminal. */
  private readonly terminalLog = new TerminalLog();
  /**
   * Answers that arrived before the agent asked: the card is shown when the tool call is announced,
   * a moment before the approval request (and the diff editor) is ready, and a click in between
   * must not be lost.
   */
  private readonly early = new Map<string, ApproveMessage>();
  private runSettings: RunSettings | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** Messages sent while an answer was running, sent in order after it. */
  private readonly waiting: { text: string; attachFile: boolean; mentions: Mention[] }[] = [];
  private streamedText = '';
  private lastModel = DEFAULT_MODEL;
  /** The sandbox state last checked (the header and every command card show it). */
  private sandbox: SandboxStatus | undefined;
  /**
   * The workspace summary of the system prompt, built once per chat session (listing and
   * analysing the workspace is the slow part of a message) and rebuilt on the next message after
   * a file of the workspace was created, changed or deleted. Keyed by what it was built from.
   */
  private summary: { key: string; text: Promise<string> } | undefined;
  /** Command prefixes the user allowed for this chat session (src/agent/allowlist.ts); never stored. */
  private readonly sessionAllowed = new Set<string>();
  private summaryStale = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly keys: ApiKeys,
    private readonly terminal: TerminalRunner,
    private readonly proposals: ProposalDocuments,
    private readonly offline: OfflineDeps,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.stored = context.workspaceState.get<Stored>(HISTORY_KEY) ?? { messages: [], transcript: [] };
    this.subs.push(this.terminalLog, terminal.onDidFinish((e) => this.terminalLog.record(e.command, e.result.output, e.result.exitCode, TERMINAL_NAME)));
    // a request that failed before the reload can still be retried
    const lastItem = this.stored.transcript[this.stored.transcript.length - 1];
    this.failed = lastItem?.kind === 'error' && lastItem.retry === true;
    // a card that waited or ran when the window went away can no longer be answered
    if (markInterrupted(this.stored.transcript).length > 0) {
      this.save();
    }
    this.subs.push(keys.onDidChange(() => void this.pushState()));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const stale = (uri: vscode.Uri): void => {
      // editor settings (.vscode/) and tool folders are not part of the workspace summary
      if (!/[\\/](node_modules|\.git|\.vscode)[\\/]/.test(uri.path)) {
        this.summaryStale = true;
      }
      // the banner shows the contract in force
      if (/\/aurora\.ya?ml$/.test(uri.path)) {
        void this.pushState();
      }
    };
    this.subs.push(watcher, watcher.onDidCreate(stale), watcher.onDidChange(stale), watcher.onDidDelete(stale));
    this.subs.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.pushState()));
  }

  /** The workspace summary for the system prompt: the session's, unless a file changed since. */
  private workspaceSummary(workspace: VscodeWorkspace, analyzeConfig: AnalyzeConfig, config: AgentConfig, configFound: boolean, exclude?: { globs: readonly string[]; excluded: (relativePath: string) => boolean }): Promise<string> {
    const key = JSON.stringify([workspace.root, analyzeConfig, config, configFound, exclude?.globs ?? []]);
    if (!this.summary || this.summary.key !== key || this.summaryStale) {
      this.summaryStale = false;
      this.summary = { key, text: workspaceContext(workspace, analyzeConfig, config, configFound, exclude?.excluded) };
      this.summaryBuilds++;
    }
    return this.summary.text;
  }

  /** How many times the workspace summary was built (tests). */
  summaryBuilds = 0;

  /** Whether a file changed since the workspace summary was built (tests). */
  get summaryOutdated(): boolean {
    return this.summaryStale;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    view.webview.html = this.html(view.webview);
    this.subs.push(view.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)));
    // the badge counts cards waiting while the view is hidden
    view.onDidChangeVisibility(() => this.updateBadge());
    this.updateBadge();
    view.onDidDispose(() => {
      if (this.view === view) {
        this.view = undefined;
        this.ready = false;
      }
    });
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'chat.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" href="${style.toString()}"><title>DevOps Agent</title></head>
<body><div id="root"></div><script nonce="${nonce}" src="${script.toString()}"></script></body></html>`;
  }

  /**
   * The model picker (the model name in the header): the models the endpoint lists for this key,
   * or a model id typed in; the choice goes into the user setting `aurora.model`, which wins over
   * aurora.yaml's model. "Use aurora.yaml's model" clears it.
   */
  async pickModel(): Promise<void> {
    const key = await this.keys.get();
    const settings = vscode.workspace.getConfiguration('aurora');
    const baseUrl = settings.get<string>('anthropic.baseUrl')?.trim();
    const current = await this.modelId();
    let listed: string[] = [];
    let problem: string | undefined;
    if (key) {
      try {
        const client = new (loadAnthropicClient().AnthropicModelClient)({ apiKey: key, ...(baseUrl ? { baseURL: baseUrl } : {}) });
        listed = (await client.listModels?.()) ?? [];
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
        this.log.warn(`chat: the models could not be listed: ${problem}`);
      }
    }
    type Item = vscode.QuickPickItem & { choice: 'model' | 'type' | 'clear'; id?: string };
    const items: Item[] = listed.map((id) => ({ label: id, choice: 'model' as const, id, ...(id === current ? { description: vscode.l10n.t('current') } : {}) }));
    items.push({ label: vscode.l10n.t('Enter a model id…'), choice: 'type' });
    if (settings.inspect<string>('model')?.globalValue) {
      items.push({ label: vscode.l10n.t("Use aurora.yaml's model (or the default)"), choice: 'clear' });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('DevOps Agent: model'),
      placeHolder: problem ? vscode.l10n.t('The endpoint did not list its models ({0}); enter an id', problem) : vscode.l10n.t('Current: {0}', current),
    });
    if (!picked) {
      return;
    }
    let model: string | undefined = picked.id;
    if (picked.choice === 'type') {
      model = (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Model id for the DevOps agent'), value: current }))?.trim();
      if (!model) {
        return;
      }
    }
    await settings.update('model', picked.choice === 'clear' ? undefined : model, vscode.ConfigurationTarget.Global);
    this.log.info(`chat: model ${picked.choice === 'clear' ? 'from aurora.yaml' : model}`);
    await this.pushState();
  }

  /** The whole transcript to the webview (it renders it afresh). */
  private async postInit(): Promise<void> {
    this.post({ type: 'init', transcript: this.stored.transcript, hasKey: (await this.keys.get()) !== undefined, trusted: isTrusted(), model: await this.modelId() });
  }

  /** The view's badge: the number of cards waiting for an answer while the view is hidden. */
  private updateBadge(): void {
    const view = this.view;
    if (!view) {
      return;
    }
    const waiting = this.approvals.size;
    view.badge = waiting > 0 && !view.visible ? { value: waiting, tooltip: vscode.l10n.t('{0} DevOps Agent request(s) waiting for your approval', waiting) } : undefined;
  }

  /**
   * "Allow … for this session" on a card: the prefix is computed here from the card's command and
   * the policy's decision (never taken from the webview), added to the session's list, and the
   * card's command runs as if Run was pressed.
   */
  private allowForSession(id: string): void {
    const t = this.tool(id);
    if (!t || t.state !== 'pending' || !t.command) {
      return;
    }
    // the policy's decision for the waiting command: without it (nothing waits) nothing is allowed
    const pending = this.approvals.get(id);
    const prefix = pending ? sessionPrefix(pending.request.command?.command ?? t.command.command, pending.request.decision) : undefined;
    if (!prefix) {
      this.log.warn(`chat: "allow for this session" refused for ${id}: not a command that can be allowed`);
      return;
    }
    this.sessionAllowed.add(prefix);
    this.log.info(`chat: "${prefix}" allowed for this session`);
    this.postAllowed();
    this.updateTool(id, { allowedBy: prefix });
    void this.handle({ type: 'approve', id, approved: true });
  }

  private postAllowed(): void {
    this.post({ type: 'allowed', prefixes: [...this.sessionAllowed] });
  }

  /** Prefixes allowed for this session (tests). */
  get allowedPrefixes(): readonly string[] {
    return [...this.sessionAllowed];
  }

  /** Cards waiting for an answer (tests). */
  get waitingApprovals(): number {
    return this.approvals.size;
  }

  /** The view's badge (tests). */
  get badge(): vscode.ViewBadge | undefined {
    return this.view?.badge;
  }

  /**
   * A card waits for the user: badge the view, and when it is hidden (or was never opened) say
   * so with a notification that shows it. The webview moves focus to the card itself.
   */
  private announceWaiting(): void {
    this.updateBadge();
    if (this.view?.visible) {
      return;
    }
    const show = vscode.l10n.t('Show');
    void vscode.window.showInformationMessage(vscode.l10n.t('The DevOps Agent is waiting for your approval.'), show).then(
      (choice) => (choice === show && this.approvals.size > 0 ? this.reveal() : undefined),
      () => undefined,
    );
  }

  /** Post to the webview; queued until it said `ready`. */
  private post(m: ToWebview): void {
    if (this.view && this.ready) {
      void this.view.webview.postMessage(m);
    } else if (m.type !== 'textDelta' && m.type !== 'init') {
      // the transcript restores what matters; keep a short queue for prefill and state
      if (m.type === 'prefill' || m.type === 'state' || m.type === 'attach') {
        this.queue.push(m);
      }
    }
  }

  private async modelId(): Promise<string> {
    const setting = vscode.workspace.getConfiguration('aurora').get<string>('model');
    if (setting && setting.trim() !== '') {
      return setting.trim();
    }
    const folder = this.currentFolder();
    if (folder && folder.uri.scheme === 'file') {
      const loaded = loadWorkspace(folder.uri.fsPath);
      if (!('error' in loaded) && loaded.agent.config.model) {
        return loaded.agent.config.model;
      }
    }
    return DEFAULT_MODEL;
  }

  private async pushState(): Promise<void> {
    // the banners first: they need no command to run
    const contract = this.contract();
    this.post({ type: 'state', hasKey: (await this.keys.get()) !== undefined, model: await this.modelId(), ...(contract ? { contract } : {}) });
    this.sandbox = await this.terminal.sandboxStatus();
    this.post({ type: 'state', hasKey: (await this.keys.get()) !== undefined, model: await this.modelId(), sandbox: { enforced: this.sandbox.enforced, text: describeSandbox(this.sandbox) }, ...(contract ? { contract } : {}) });
  }

  /** What governs the agent here (the banners): Workspace Trust and the first folder's aurora.yaml. */
  contract(): ContractState | undefined {
    const folder = this.currentFolder();
    if (!folder || folder.uri.scheme !== 'file') {
      return undefined;
    }
    const trusted = isTrusted();
    const loaded = loadWorkspace(folder.uri.fsPath);
    if ('error' in loaded) {
      return { trusted, found: false, summary: loaded.error, problems: 0 };
    }
    const { found, config, problems } = loaded.agent;
    if (!trusted) {
      return { trusted, found, summary: 'Restricted Mode: the agent may only read files; aurora.yaml is ignored until you trust this workspace.', problems: problems.length };
    }
    if (!found) {
      return { trusted, found, summary: 'No aurora.yaml: the agent is read-only (it reads files and findings; no writes, no commands).', problems: 0 };
    }
    return { trusted, found, summary: `aurora.yaml: ${contractSummary(config)}`, problems: problems.length };
  }

  /** The line a command card shows: what the sandbox confines it to, or that there is none. */
  private sandboxLine(config: AgentConfig | undefined): string {
    const status = this.sandbox;
    if (!status) {
      return 'Sandbox state not checked yet.';
    }
    if (!status.enforced) {
      return describeSandbox(status);
    }
    const writes = config && config.permissions.filesystem.length > 0 ? config.permissions.filesystem.join(', ') : 'nowhere';
    const hosts = config && config.permissions.network.length > 0 ? config.permissions.network.join(', ') : 'no hosts';
    return `Runs in the sandbox (${status.mechanism ?? 'OS'}): writes only under ${writes}; network: ${hosts}; secret files hidden.`;
  }

  private save(): void {
    void this.context.workspaceState.update(HISTORY_KEY, this.stored);
  }

  private add(item: TranscriptItem): void {
    this.stored.transcript.push(item);
    this.post({ type: 'append', item });
    this.save();
  }

  private tool(id: string): ToolItem | undefined {
    for (let i = this.stored.transcript.length - 1; i >= 0; i--) {
      const t = this.stored.transcript[i];
      if (t.kind === 'tool' && t.id === id) {
        return t;
      }
    }
    return undefined;
  }

  private updateTool(id: string, patch: ToolPatch): void {
    const t = this.tool(id);
    if (!t) {
      return;
    }
    Object.assign(t, patch);
    this.post({ type: 'toolUpdate', id, ...patch, state: t.state });
    this.save();
  }

  /**
   * Handle a message of the webview (integration tests drive the panel through it too). It is
   * checked against the protocol first: a malformed or unknown message is logged and ignored.
   */
  async receive(raw: unknown): Promise<void> {
    const checked = validateFromWebview(raw);
    if (!checked.ok) {
      this.log.warn(`chat: ignored a message from the webview: ${checked.reason}`);
      return;
    }
    await this.handle(checked.message);
  }

  private async handle(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        // a run in progress keeps streaming into the restored transcript
        await this.postInit();
        this.postBusy();
        this.postAllowed();
        const queued = this.queue;
        this.queue = [];
        for (const q of queued) {
          this.post(q);
        }
        // the header says whether commands are sandboxed (the check runs one command once)
        void this.pushState();
        break;
      }
      case 'send':
        await this.send(m.text, m.attachFile, m.mentions ?? []);
        break;
      case 'retry':
        await this.retry();
        break;
      case 'regenerate':
        await this.regenerate();
        break;
      case 'stop':
        this.giveBackQueued();
        this.stop();
        break;
      case 'newChat':
        this.newChat();
        break;
      case 'approve': {
        const pending = this.approvals.get(m.id);
        if (pending) {
          this.answer(m, pending);
        } else if (this.running && this.tool(m.id)?.state === 'pending') {
          // the card was clicked before the agent's request reached us: keep the answer for it
          this.early.set(m.id, m);
        }
        break;
      }
      case 'allowForSession':
        this.allowForSession(m.id);
        break;
      case 'openDiff': {
        const pending = this.approvals.get(m.id);
        if (pending?.request.diff) {
          await this.openDiff(m.id, pending.request.diff);
        }
        break;
      }
      case 'mentionQuery':
        this.post({ type: 'mentionResults', id: m.id, items: await this.mentionItems(m.query) });
        break;
      case 'pickModel':
        await this.pickModel();
        break;
      case 'revokeAllowed':
        if (this.sessionAllowed.delete(m.prefix)) {
          this.log.info(`chat: "${m.prefix}" is no longer allowed for this session`);
          this.postAllowed();
        }
        break;
      case 'action':
        await this.action(m.action);
        break;
      case 'copy':
        await vscode.env.clipboard.writeText(m.text);
        break;
      case 'insert': {
        const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
        if (editor) {
          await editor.edit((b) => {
            for (const s of editor.selections) {
              b.replace(s, m.text);
            }
          });
        } else {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open an editor to insert the code into.'));
        }
        break;
      }
      case 'applyToFile': {
        const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
        if (!editor) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Open the file to apply the code to.'));
          break;
        }
        const proposal = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: editor.document.uri.path, query: `apply-${Date.now()}` });
        this.proposals.set(proposal, m.text);
        const choice = await this.showDiffAndAsk(editor.document.uri, proposal, path.basename(editor.document.uri.path));
        if (choice) {
          const doc = editor.document;
          const edit = new vscode.WorkspaceEdit();
          edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), m.text);
          await vscode.workspace.applyEdit(edit);
        }
        this.proposals.delete(proposal);
        break;
      }
      case 'openFile': {
        // the link's URI, when it names a file of the workspace; else the path in the agent's folder
        let uri: vscode.Uri | undefined;
        if (m.uri) {
          try {
            const parsed = vscode.Uri.parse(m.uri, true);
            uri = parsed.scheme === 'file' && vscode.workspace.getWorkspaceFolder(parsed) ? parsed : undefined;
          } catch {
            uri = undefined;
          }
        }
        const folder = this.currentFolder();
        uri ??= folder ? vscode.Uri.joinPath(folder.uri, ...m.file.split('/')) : undefined;
        if (uri) {
          const line = Math.max(0, m.line - 1);
          await vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0) });
        }
        break;
      }
      default:
        assertNever(m);
    }
  }

  private async showDiffAndAsk(left: vscode.Uri, right: vscode.Uri, name: string): Promise<boolean> {
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0} ↔ proposed', name), { preview: true });
    const apply = vscode.l10n.t('Apply');
    return (await vscode.window.showInformationMessage(vscode.l10n.t('Apply the proposed code to {0}?', name), apply, vscode.l10n.t('Discard'))) === apply;
  }

  private async action(action: ErrorAction): Promise<void> {
    switch (action) {
      case 'setApiKey':
        await vscode.commands.executeCommand('aurora.setApiKey');
        break;
      case 'openConfig': {
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (folder) {
          const uri = vscode.Uri.joinPath(folder.uri, 'aurora.yaml');
          try {
            await vscode.window.showTextDocument(uri);
          } catch {
            await vscode.window.showTextDocument(uri.with({ scheme: 'untitled' }));
          }
        }
        break;
      }
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'aurora.');
        break;
      case 'manageTrust':
        await vscode.commands.executeCommand('workbench.trust.manage');
        break;
      case 'createConfig':
        await this.createConfig();
        break;
      default:
        assertNever(action);
    }
  }

  /**
   * Start a new chat (the view's New chat action): a run in progress is cancelled, the current
   * chat goes to History, and the session's allowed commands and workspace summary are dropped.
   */
  newChat(): void {
    this.switchTo({ messages: [], transcript: [], started: Date.now() });
  }

  /** Make `next` the current chat, keeping the current one in History when it holds anything. */
  private switchTo(next: Stored): void {
    this.giveBackQueued();
    this.stop();
    this.early.clear();
    this.streamedText = '';
    if (this.stored.transcript.length > 0) {
      this.archive(this.stored);
    }
    this.stored = next;
    this.failed = false;
    this.summary = undefined;
    this.sessionAllowed.clear();
    this.postAllowed();
    this.save();
    if (next.transcript.length === 0) {
      this.post({ type: 'cleared' });
    } else {
      void this.postInit();
    }
  }

  private pastChats(): PastChat[] {
    return this.context.workspaceState.get<PastChat[]>(SESSIONS_KEY) ?? [];
  }

  private archive(chat: Stored): void {
    const past = this.pastChats();
    const entry: PastChat = { ...chat, id: `${chat.started ?? Date.now()}-${randomBytes(3).toString('hex')}`, title: transcriptTitle(chat.transcript), updated: Date.now() };
    markInterrupted(entry.transcript);
    void this.context.workspaceState.update(SESSIONS_KEY, [entry, ...past].slice(0, MAX_SESSIONS));
  }

  /** Past chats, newest first (tests). */
  get history(): readonly { id: string; title: string }[] {
    return this.pastChats().map((c) => ({ id: c.id, title: c.title }));
  }

  /** Open a past chat: it becomes the current one (the current one goes to History). */
  openPastChat(id: string): boolean {
    const past = this.pastChats();
    const chosen = past.find((c) => c.id === id);
    if (!chosen) {
      return false;
    }
    void this.context.workspaceState.update(
      SESSIONS_KEY,
      past.filter((c) => c.id !== id),
    );
    this.switchTo({ messages: chosen.messages, transcript: chosen.transcript, started: chosen.started ?? chosen.updated });
    return true;
  }

  /** Delete a past chat for good. */
  async deletePastChat(id: string): Promise<void> {
    await this.context.workspaceState.update(
      SESSIONS_KEY,
      this.pastChats().filter((c) => c.id !== id),
    );
  }

  /** History (the view's title action): past chats to open, each with a Delete button. */
  async showHistory(): Promise<void> {
    const del: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('trash'), tooltip: vscode.l10n.t('Delete this chat') };
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
    const fill = (): void => {
      pick.items = this.pastChats().map((c) => ({
        id: c.id,
        label: c.title,
        description: new Date(c.updated).toLocaleString(),
        detail: vscode.l10n.t('{0} messages', c.transcript.filter((t) => t.kind === 'user' || t.kind === 'assistant').length),
        buttons: [del],
      }));
    };
    fill();
    pick.title = vscode.l10n.t('DevOps Agent: History');
    pick.placeholder = pick.items.length > 0 ? vscode.l10n.t('Open a past chat (the current one is kept in History)') : vscode.l10n.t('No past chats yet: New chat keeps the current one here');
    pick.matchOnDescription = true;
    await new Promise<void>((resolve) => {
      pick.onDidTriggerItemButton(async (e) => {
        await this.deletePastChat(e.item.id);
        fill();
      });
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0];
        pick.hide();
        if (chosen) {
          this.openPastChat(chosen.id);
          void this.reveal();
        }
      });
      pick.onDidHide(() => {
        pick.dispose();
        resolve();
      });
      pick.show();
    });
  }

  /** The current chat as Markdown. */
  markdown(): string {
    return transcriptMarkdown(this.stored.transcript, new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
  }

  /** Export as Markdown (the view's title action): to a file the user picks. */
  async exportMarkdown(): Promise<vscode.Uri | undefined> {
    if (this.stored.transcript.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The chat is empty: nothing to export.'));
      return undefined;
    }
    const folder = this.currentFolder()?.uri;
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `devops-chat-${stamp}.md`) } : {}),
      filters: { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export the chat as Markdown'),
    });
    if (!target) {
      return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.markdown()));
    this.log.info(`chat: exported to ${target.toString()}`);
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Chat exported to {0}.', vscode.workspace.asRelativePath(target)), open).then((c) => (c === open ? vscode.window.showTextDocument(target) : undefined), () => undefined);
    return target;
  }

  /**
   * "Create one" on the no-aurora.yaml banner: a starting aurora.yaml (every tool, writes only
   * under the infrastructure folders that exist, no network), opened for review. It is written
   * through an undoable edit and saved; the banner then shows its contract.
   */
  private async createConfig(): Promise<void> {
    const folder = this.currentFolder();
    if (!folder) {
      return;
    }
    const uri = vscode.Uri.joinPath(folder.uri, 'aurora.yaml');
    let exists = true;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      exists = false;
    }
    if (!exists) {
      const entries = await vscode.workspace.fs.readDirectory(folder.uri);
      const folders = entries.filter(([, type]) => type === vscode.FileType.Directory).map(([name]) => name);
      await writeThroughEdit(uri, defaultAuroraYaml(folders));
      this.log.info('chat: created aurora.yaml');
    }
    await vscode.window.showTextDocument(uri);
    await this.pushState();
  }

  /** Reveal the view. */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
  }

  /** Put text in the input box (e.g. from "Explain with DevOps Agent"), or send it at once. */
  async ask(text: string, sendNow: boolean): Promise<void> {
    await this.reveal();
    if (sendNow) {
      await this.send(text, false);
    } else {
      this.post({ type: 'prefill', text });
    }
  }

  /**
   * The folder the agent works in: the session's, else the active editor's, else the first. One
   * folder's aurora.yaml governs a session, and the paths the model sees are relative to it.
   */
  private currentFolder(): vscode.WorkspaceFolder | undefined {
    const all = vscode.workspace.workspaceFolders ?? [];
    return this.settledFolder(all.filter((f) => f.uri.scheme === 'file')) ?? all.find((f) => f.uri.scheme === 'file') ?? all[0];
  }

  /** Among `folders`: the session's, else the active editor's. */
  private settledFolder(folders: readonly vscode.WorkspaceFolder[]): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    const byEditor = active ? vscode.workspace.getWorkspaceFolder(active)?.uri.toString() : undefined;
    return folders.find((f) => f.uri.toString() === this.stored.folder) ?? folders.find((f) => f.uri.toString() === byEditor);
  }

  /**
   * The folder for a run. With several folders, the session's first run settles it — the active
   * editor's folder, or the user's pick when no editor says — and the session keeps it until New chat.
   */
  private async agentFolder(): Promise<vscode.WorkspaceFolder | 'cancelled' | undefined> {
    const all = vscode.workspace.workspaceFolders ?? [];
    const local = all.filter((f) => f.uri.scheme === 'file');
    if (local.length <= 1) {
      return local[0] ?? all[0];
    }
    if (this.stored.folder && local.some((f) => f.uri.toString() === this.stored.folder)) {
      return this.settledFolder(local);
    }
    let chosen = this.settledFolder(local);
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        local.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })),
        { title: vscode.l10n.t('Which folder should the DevOps agent work in?'), placeHolder: vscode.l10n.t("Its aurora.yaml sets what the agent may do; this chat keeps the folder until New chat"), ignoreFocusOut: true },
      );
      if (!pick) {
        return 'cancelled';
      }
      chosen = pick.folder;
    }
    this.stored.folder = chosen.uri.toString();
    this.add({ kind: 'notice', text: `Working in the folder "${chosen.name}" (${local.length} in this workspace): its aurora.yaml applies, and this chat stays there until New chat.` });
    void this.pushState();
    return chosen;
  }

  /** Add a chip to the chat's input (Ask DevOps Agent from the editor or the explorer). */
  async attach(mention: Mention, text?: string): Promise<void> {
    await this.reveal();
    this.post({ type: 'attach', mention, ...(text ? { text } : {}) });
  }

  /** Cancel the running answer and any running command. */
  stop(): void {
    this.running?.abort();
    this.terminal.kill();
  }

  /** Whether an answer is being produced. */
  /** The sandbox state the header shows (undefined until the first check). */
  get sandboxStatus(): SandboxStatus | undefined {
    return this.sandbox;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** The conversation as stored (tests). */
  get messages(): readonly Message[] {
    return this.stored.messages;
  }

  /** The transcript (tests). */
  get transcript(): readonly TranscriptItem[] {
    return this.stored.transcript;
  }

  /**
   * What `@query` could name: @problems, and workspace files whose path contains the query (never
   * a file the agent may not read: secret files are not even listed).
   */
  private async mentionItems(query: string): Promise<{ label: string; detail?: string; mention: Mention }[]> {
    const items: { label: string; detail?: string; mention: Mention }[] = [];
    const q = query.toLowerCase();
    if ('problems'.startsWith(q)) {
      items.push({ label: '@problems', detail: vscode.l10n.t('the Aurora problems of the workspace'), mention: { kind: 'problems' } });
    }
    if ('terminal'.startsWith(q)) {
      const last = this.terminalLog.lastCommand();
      items.push({ label: '@terminal', detail: last ? vscode.l10n.t('output of `{0}`', last.command.length > 40 ? `${last.command.slice(0, 40)}…` : last.command) : vscode.l10n.t('output of the last terminal command'), mention: { kind: 'terminal' } });
    }
    const folder = this.currentFolder();
    if (!folder || folder.uri.scheme !== 'file') {
      return items;
    }
    const ws = new VscodeWorkspace(folder.uri);
    const context: PathContext = { workspaceRoot: ws.root, realpath: (p) => ws.realpath(p), caseInsensitive: ws.caseInsensitive };
    const safe = q.replace(/[[\]{}*?!,]/g, '');
    // files whose name matches, and the files of folders whose name matches (offered as @folder/)
    const glob = q === '' ? '**/*' : `{**/*${safe}*,**/*${safe}*/**}`;
    const uris = await vscode.workspace.findFiles(glob, '{**/node_modules/**,**/.git/**}', 200);
    for (const uri of uris) {
      const rel = vscode.workspace.asRelativePath(uri, false);
      if (!rel.toLowerCase().includes(q)) {
        continue;
      }
      const read = decide({ name: 'read_file', input: { path: rel } }, { ...context, config: readOnlyConfig(), trusted: true });
      if (read.decision !== 'allow') {
        continue;
      }
      // the folders on the way that match are offered too, once each
      const parts = rel.split('/');
      for (let i = 1; i < parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (dir.toLowerCase().includes(q) && !items.some((x) => x.mention.kind === 'folder' && x.mention.path === dir)) {
          items.push({ label: mentionLabel({ kind: 'folder', path: dir }), detail: vscode.l10n.t('folder'), mention: { kind: 'folder', path: dir } });
        }
      }
      items.push({ label: `@${rel}`, mention: { kind: 'file', path: rel } });
      if (items.length >= 12) {
        break;
      }
    }
    return items;
  }

  /** The text and chip of each @-mention of a message: files through the attachment rules, problems as lines. */
  private async resolveMentions(mentions: readonly Mention[], workspace: VscodeWorkspace, context: PathContext, secretValues: SecretValues | undefined): Promise<{ chip: AttachmentChip; text?: string }[]> {
    const out: { chip: AttachmentChip; text?: string }[] = [];
    for (const m of mentions) {
      if (m.kind === 'problems') {
        const lines: string[] = [];
        for (const [uri, list] of vscode.languages.getDiagnostics()) {
          for (const d of list.filter((x) => x.source === DIAGNOSTIC_SOURCE)) {
            lines.push(`${vscode.workspace.asRelativePath(uri, false)}:${d.range.start.line + 1}: ${d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info'} ${ruleIdOf(d) ?? ''}: ${d.message}`);
          }
        }
        const body = redactSecrets(lines.slice(0, 200).join('\n'), secretValues);
        out.push({
          chip: { label: `@problems (${lines.length})`, ...(body.count > 0 ? { redacted: body.count } : {}), ...(lines.length > 200 ? { note: 'the first 200 sent' } : {}) },
          text: lines.length > 0 ? `The Aurora problems of the workspace (the user attached them):\n${body.text}` : 'The user attached the Aurora problems of the workspace: there are none (only open or scanned files are analysed).',
        });
        continue;
      }
      if (m.kind === 'terminal') {
        out.push(this.terminalMention(secretValues));
        continue;
      }
      if (m.kind === 'folder') {
        out.push(await this.folderMention(m.path, workspace, context, secretValues));
        continue;
      }
      const abs = joinPath(workspace.root, m.path);
      let text: string | undefined;
      try {
        text = await workspace.readText(abs);
      } catch (e) {
        out.push({ chip: { label: m.path, note: `not attached: ${e instanceof Error ? e.message : String(e)}` } });
        continue;
      }
      if (text === undefined) {
        out.push({ chip: { label: m.path, note: 'not attached: no such file' } });
        continue;
      }
      const lines = m.lines ? text.split('\n').slice(m.lines.start - 1, m.lines.end).join('\n') : undefined;
      const a = buildAttachment({ file: abs, text, mentioned: true, ...(m.lines && lines ? { selection: { startLine: m.lines.start, endLine: m.lines.end, text: lines } } : {}) }, context, secretValues);
      out.push({ chip: { label: a.label, ...(a.note ? { note: a.note } : {}), ...(a.redacted > 0 ? { redacted: a.redacted } : {}) }, ...(a.text !== undefined ? { text: a.text } : {}) });
    }
    return out;
  }

  /** @terminal: the last command that finished in a terminal, its output redacted and its end kept. */
  private terminalMention(secretValues: SecretValues | undefined): { chip: AttachmentChip; text?: string } {
    const last = this.terminalLog.lastCommand();
    if (!last) {
      return { chip: { label: '@terminal', note: 'nothing attached: no command has finished in a terminal since the window opened (the user\'s terminals need shell integration)' }, text: 'The user attached the last terminal command, but none has finished since the window opened.' };
    }
    const body = redactSecrets(last.output, secretValues);
    const command = redactSecrets(last.command, secretValues);
    const exit = last.exitCode === undefined ? 'exit code unknown' : `exit code ${last.exitCode}`;
    const fence = '`'.repeat(Math.max(3, ...[...body.text.matchAll(/`+/g)].map((x) => x[0].length + 1)));
    return {
      chip: { label: `@terminal: ${command.text.length > 60 ? `${command.text.slice(0, 60)}…` : command.text} (${exit})`, ...(body.count + command.count > 0 ? { redacted: body.count + command.count } : {}), ...(last.cut ? { note: 'the end of the output' } : {}) },
      text: `The user attached the last command that ran in the terminal "${last.terminal}": \`${command.text}\` (${exit})${last.cut ? ', the end of its output' : ''}:\n${fence}\n${body.text}\n${fence}`,
    };
  }

  /** @folder: its files listed, and the text of its infrastructure files (the attachment rules apply to each). */
  private async folderMention(rel: string, workspace: VscodeWorkspace, context: PathContext, secretValues: SecretValues | undefined): Promise<{ chip: AttachmentChip; text?: string }> {
    const folder = vscode.Uri.file(joinPath(workspace.root, rel));
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), '{**/node_modules/**,**/.git/**,**/.terraform/**}', 1000);
    uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    const entries: FolderEntry[] = [];
    for (const uri of uris) {
      let text: string | undefined;
      try {
        // Node's fs: through vscode.workspace.fs every file is a round trip to the workbench
        if ((await fs.promises.stat(uri.fsPath)).size <= 200_000) {
          const raw = await fs.promises.readFile(uri.fsPath, 'utf8');
          text = detectKind(uri.fsPath, raw) !== undefined ? raw : undefined;
        }
      } catch {
        text = undefined;
      }
      entries.push({ file: uri.fsPath, ...(text !== undefined ? { text } : {}) });
    }
    const a = buildFolderAttachment(folder.fsPath, entries, context, secretValues);
    return { chip: { label: a.label, ...(a.note ? { note: a.note } : {}), ...(a.redacted > 0 ? { redacted: a.redacted } : {}) }, ...(a.text !== undefined ? { text: a.text } : {}) };
  }

  /**
   * The active editor's file or selection for the message, when the user ticked "Attach active
   * file and selection": never a secret file or a file outside the workspace (the agent's read
   * rule), and redacted. Only its label goes into the transcript.
   */
  private attachment(context: PathContext, secretValues: SecretValues | undefined): { chip: AttachmentChip; text?: string } {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.scheme !== 'file') {
      return { chip: { label: 'no file', note: 'nothing attached: no file is open in the editor' } };
    }
    const doc = editor.document;
    const sel = editor.selection;
    const a = buildAttachment(
      { file: doc.uri.fsPath, text: doc.getText(), ...(sel.isEmpty ? {} : { selection: { startLine: sel.start.line + 1, endLine: sel.end.line + 1, text: doc.getText(sel) } }) },
      context,
      secretValues,
    );
    if (a.note) {
      this.log.info(`chat: attachment ${a.label}: ${a.note}`);
    }
    return { chip: { label: a.label, ...(a.note ? { note: a.note } : {}), ...(a.redacted > 0 ? { redacted: a.redacted } : {}) }, ...(a.text !== undefined ? { text: a.text } : {}) };
  }

  private postBusy(): void {
    this.post({ type: 'busy', busy: this.running !== undefined, ...(this.waiting.length > 0 ? { queued: this.waiting.map((w) => w.text) } : {}) });
  }

  /** Stop and New chat drop the queued messages: their text goes back to the input box. */
  private giveBackQueued(): void {
    if (this.waiting.length === 0) {
      return;
    }
    const texts = this.waiting.splice(0).map((w) => w.text);
    this.post({ type: 'prefill', text: texts.join('\n\n'), append: true });
    this.postBusy();
  }

  /** Messages waiting for the running answer to end (tests). */
  get queued(): readonly string[] {
    return this.waiting.map((w) => w.text);
  }

  /**
   * Handle one user message: a slash command offline, otherwise a run of the agent. A message
   * sent while an answer runs waits for it (the webview shows it as queued).
   */
  async send(text: string, attachFile: boolean, mentions: Mention[] = []): Promise<void> {
    if (this.running) {
      this.waiting.push({ text, attachFile, mentions });
      this.postBusy();
      return;
    }
    if (parseSlash(text)) {
      this.add({ kind: 'user', text });
      for (const item of (await runSlash(text, this.offline)) ?? []) {
        this.add(item);
      }
      return;
    }
    await this.run({ text, attachFile, mentions });
  }

  /**
   * Retry: the last request failed (the conversation ends with the user's message, or with the
   * results of tool calls the model has not seen yet): send it again as it stands.
   */
  async retry(): Promise<void> {
    if (this.running || !this.failed) {
      return;
    }
    const messages = retryConversation(this.stored.messages);
    if (!messages) {
      return;
    }
    this.stored.messages = messages;
    await this.run(undefined);
  }

  /**
   * Regenerate: drop the last answer from what the model is sent — everything after the user's
   * last message, tool calls and their results included — and ask again. The transcript keeps the
   * old answer (what its commands ran and its writes changed stays done) and says it was replaced.
   */
  async regenerate(): Promise<void> {
    if (this.running) {
      return;
    }
    const messages = regenerateConversation(this.stored.messages);
    if (!messages) {
      return;
    }
    this.stored.messages = messages;
    this.add({ kind: 'notice', text: 'Regenerating: the answer above is no longer part of the conversation; the model answers your last message again.' });
    await this.run(undefined);
  }

  /** A run of the agent: on a new message (`ask`), or on the conversation as it stands. */
  private async run(ask: { text: string; attachFile: boolean; mentions: Mention[] } | undefined): Promise<void> {
    const text = ask?.text;
    const attachFile = ask?.attachFile ?? false;
    const mentions = ask?.mentions ?? [];
    const key = await this.keys.get();
    const chosen = key ? await this.agentFolder() : this.currentFolder();
    if (chosen === 'cancelled') {
      if (text !== undefined) {
        this.add({ kind: 'user', text });
      }
      this.add({ kind: 'notice', text: 'No folder chosen: nothing was sent. Send again and pick the folder the agent should work in.' });
      return;
    }
    const folder = chosen;
    if (!key || !folder || folder.uri.scheme !== 'file') {
      if (text !== undefined) {
        this.add({ kind: 'user', text });
      }
      this.add(
        !key
          ? { kind: 'error', text: 'No Anthropic API key. Set one to talk to the agent, or use /scan, /fix and /explain <rule-id> offline.', action: 'setApiKey' }
          : { kind: 'error', text: 'Open a folder to talk to the DevOps agent.' },
      );
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    this.failed = false;
    const session = this.stored;
    this.postBusy();
    const settings = vscode.workspace.getConfiguration('aurora');
    const loaded = loadWorkspace(folder.uri.fsPath);
    const modelId = await this.modelId();
    this.lastModel = modelId;
    const baseUrl = settings.get<string>('anthropic.baseUrl')?.trim();
    this.streamedText = '';
    let turnUsage: AnswerUsage = { input: 0, output: 0 };
    const workspace = new VscodeWorkspace(folder.uri);
    const trusted = isTrusted();
    const config: AgentConfig = 'error' in loaded ? { tools: ['read_file'], permissions: { filesystem: [], network: [] } } : loaded.agent.config;
    const redact = settings.get<boolean>('agent.redactSecrets', true);
    // read at each run, so a `.env` edited between messages counts from the next one; an
    // attachment is redacted even when the agent's redaction is off (it is stored with the history)
    const secretValues = redact || attachFile || mentions.length > 0 ? await collectSecretValues(workspace.root) : undefined;
    const timeoutMs = commandTimeoutMs(settings.get<unknown>('agent.commandTimeoutSeconds'));
    // the same policy context as the loop's, for commands the user edits on a card
    this.runSettings = {
      policy: { workspaceRoot: workspace.root, realpath: (p) => workspace.realpath(p), caseInsensitive: workspace.caseInsensitive, config: trusted ? config : readOnlyConfig(), trusted },
      root: workspace.root,
      redact,
      secretValues: redact ? secretValues : undefined,
      timeoutMs,
    };
    let prompt: string | null = null;
    if (text !== undefined) {
      const attached = attachFile ? this.attachment(this.runSettings.policy, secretValues) : undefined;
      const mentioned = await this.resolveMentions(mentions, workspace, this.runSettings.policy, secretValues);
      this.add({ kind: 'user', text, ...(attached ? { attachment: attached.chip } : {}), ...(mentioned.length > 0 ? { mentions: mentioned.map((x) => x.chip) } : {}) });
      prompt = [text, attached?.text, ...mentioned.map((x) => x.text)].filter((x): x is string => x !== undefined).join('\n\n');
    }
    try {
      // the command policy parses shell with the bash grammar: load the parsers first
      await this.offline.diagnostics.ensureReady();
      // the cards of this run say whether their commands are sandboxed
      this.sandbox ??= await this.terminal.sandboxStatus();
      const result = await runAgent(prompt, {
        model: new (loadAnthropicClient().AnthropicModelClient)({ apiKey: key, ...(baseUrl ? { baseURL: baseUrl } : {}) }),
        modelId,
        workspace,
        shell: this.terminal,
        approver: this,
        config,
        configFound: !('error' in loaded) && loaded.agent.found,
        trusted,
        analyzeConfig: 'error' in loaded ? {} : loaded.analyzeConfig,
        excluded: 'error' in loaded ? undefined : loaded.excluded,
        workspaceSummary: await this.workspaceSummary(workspace, 'error' in loaded ? {} : loaded.analyzeConfig, trusted ? config : readOnlyConfig(), !('error' in loaded) && loaded.agent.found, 'error' in loaded ? undefined : { globs: loaded.exclude, excluded: loaded.excluded }),
        history: this.stored.messages,
        redactSecrets: redact,
        secretValues: this.runSettings.secretValues,
        commandTimeoutMs: timeoutMs,
        contextWindow: settings.get<number>('agent.contextWindowTokens', 0),
        signal: controller.signal,
        // persisted whenever every tool call is answered, so a reload mid-run keeps what ran
        onCheckpoint: (messages) => {
          if (this.stored === session) {
            this.stored.messages = [...messages];
            this.save();
          }
        },
        onEvent: (e) => {
          // after New chat, what the cancelled run still reports belongs to no transcript
          if (this.stored === session) {
            turnUsage = this.onEvent(e, turnUsage);
          }
        },
      });
      if (this.stored !== session) {
        return;
      }
      this.stored.messages = result.messages;
      this.failed = result.stopReason === 'error';
      if (result.stopReason === 'cancelled') {
        this.flushText(turnUsage);
        this.add({ kind: 'notice', text: 'Stopped.' });
      }
    } catch (e) {
      this.log.error(`chat: ${e instanceof Error ? e.message : String(e)}`);
      if (this.stored !== session) {
        return;
      }
      this.failed = true;
      this.add({ kind: 'error', text: `The agent failed: ${e instanceof Error ? e.message : String(e)}`, retry: true });
    } finally {
      for (const pending of this.approvals.values()) {
        pending.resolve({ approved: false, message: 'Cancelled.' });
      }
      this.approvals.clear();
      this.updateBadge();
      this.early.clear();
      this.runSettings = undefined;
      this.running = undefined;
      if (this.stored === session) {
        for (const id of markInterrupted(this.stored.transcript)) {
          const t = this.tool(id);
          this.post({ type: 'toolUpdate', id, state: 'interrupted', ...(t?.output !== undefined ? { output: t.output } : {}) });
        }
      }
      this.save();
      this.postBusy();
      const next = this.waiting.shift();
      if (next) {
        void this.send(next.text, next.attachFile, next.mentions);
      }
    }
  }

  /** Close the streamed text into a transcript item. */
  private flushText(usage: AnswerUsage | undefined): void {
    if (this.streamedText === '') {
      return;
    }
    const item: TranscriptItem = { kind: 'assistant', text: this.streamedText, model: this.lastModel, ...(usage ? { usage } : {}) };
    this.stored.transcript.push(item);
    this.streamedText = '';
    this.post({ type: 'answerDone', model: this.lastModel, ...(usage ? { usage } : {}) });
    this.save();
  }

  private onEvent(e: AgentEvent, usage: AnswerUsage): AnswerUsage {
    switch (e.type) {
      case 'text':
        this.streamedText += e.text;
        this.post({ type: 'textDelta', text: e.text });
        return usage;
      case 'tool_call': {
        this.flushText(undefined);
        const command = e.name === 'run_shell_command' ? { command: String(e.input.command ?? ''), cwd: typeof e.input.cwd === 'string' ? e.input.cwd : '.' } : undefined;
        const file = e.name === 'write_file' || e.name === 'read_file' ? String(e.input.path ?? '') : undefined;
        // a command the user allowed for the session runs without asking; others may offer it
        const facts = { decision: e.decision, hosts: e.hosts, paths: e.paths, destructive: e.destructive, networked: e.networked, runsRepositoryCode: e.runsRepositoryCode, wrapped: e.wrapped };
        const by = command ? allowedBy(command.command, facts, this.sessionAllowed) : undefined;
        const offer = command && !by ? sessionPrefix(command.command, facts) : undefined;
        this.add({
          kind: 'tool',
          id: e.id,
          name: e.name,
          summary: command ? command.command : (file ?? JSON.stringify(e.input).slice(0, 200)),
          decision: e.decision,
          reasons: e.reasons,
          hosts: e.hosts,
          ...(e.paths.length > 0 && e.name !== 'read_file' ? { paths: e.paths.map((p) => this.relative(p)) } : {}),
          ...(command ? { sandbox: this.sandboxLine(this.runSettings?.policy.config) } : {}),
          destructive: e.destructive,
          ...(command ? { command } : {}),
          ...(e.name === 'write_file' && file !== undefined ? { path: file } : {}),
          ...(offer ? { sessionPrefix: offer } : {}),
          ...(by ? { allowedBy: by } : {}),
          state: e.decision === 'deny' ? 'denied' : e.decision === 'ask' && !by ? 'pending' : 'running',
        });
        return usage;
      }
      case 'tool_output':
        return usage;
      case 'context':
        this.post({ type: 'context', tokens: e.tokens, window: e.window });
        return usage;
      case 'tool_result': {
        // for writes and commands the first line says what happened ("Wrote …", "exit code 3");
        // a read's output is file content and stays out of the log
        const what = e.name === 'write_file' || e.name === 'run_shell_command' ? `: ${e.output.split('\n', 1)[0].slice(0, 200)}` : '';
        this.log.info(`chat: ${e.name} ${e.id} ${e.ok ? 'ok' : 'not ok'}${what}`);
        const t = this.tool(e.id);
        // an edited command already shows its own outcome
        if (t && t.state === 'pending' && this.running?.signal.aborted) {
          // never answered: Stop, New chat or a reload ended the run while the card waited
          this.updateTool(e.id, { state: 'interrupted' });
        } else if (t && !t.edited && t.state !== 'denied' && t.state !== 'rejected') {
          const shell = e.name === 'run_shell_command' && t.state === 'running' ? this.terminal.lastResult : undefined;
          const out = e.output.length > 4000 ? `${e.output.slice(0, 2000)}\n…\n${e.output.slice(-2000)}` : e.output;
          this.updateTool(e.id, { state: e.ok ? 'done' : 'failed', output: out, ...(shell ? { exitCode: shell.exitCode } : {}) });
        }
        return usage;
      }
      case 'notice':
        this.flushText(undefined);
        this.add({ kind: 'notice', text: e.message });
        return usage;
      case 'condensed':
        this.flushText(undefined);
        this.log.info(`chat: condensed the ${e.messages} oldest messages (about ${e.tokensBefore} → ${e.tokensAfter} tokens)`);
        this.add({ kind: 'condensed', messages: e.messages, summary: e.summary });
        return usage;
      case 'usage':
      {
        const cost = estimateCost(this.lastModel, e.usage);
        const total = cost === undefined ? undefined : (usage.cost ?? 0) + cost;
        return {
          input: usage.input + e.usage.input_tokens + (e.usage.cache_read_input_tokens ?? 0) + (e.usage.cache_creation_input_tokens ?? 0),
          output: usage.output + e.usage.output_tokens,
          ...(total !== undefined ? { cost: total } : {}),
        };
      }
      case 'error': {
        this.flushText(usage);
        const action: ErrorAction | undefined = e.kind === 'auth' || e.kind === 'permission' ? 'setApiKey' : e.kind === 'model_not_found' ? 'openConfig' : e.kind === 'network' || e.kind === 'timeout' ? 'openSettings' : undefined;
        this.add({ kind: 'error', text: e.message, ...(action ? { action } : {}), ...(RETRYABLE.has(e.kind) ? { retry: true } : {}) });
        return usage;
      }
      case 'done':
        this.flushText(usage);
        return usage;
      default:
        return assertNever(e);
    }
  }

  /**
   * The Approver port: the card in the webview (and a diff editor for writes). The answer is
   * registered before the diff opens: opening it takes a round trip to the workbench, and the
   * user (or a test) may click Apply on the card while it is still opening.
   */
  async approve(request: ApprovalRequest, signal?: AbortSignal): Promise<ApprovalAnswer> {
    if (request.command && !signal?.aborted) {
      const by = allowedBy(request.command.command, request.decision, this.sessionAllowed);
      if (by) {
        this.log.info(`chat: ${request.toolUseId} runs without a card: "${by}" is allowed for this session`);
        return { approved: true };
      }
      if (this.tool(request.toolUseId)?.allowedBy !== undefined) {
        // revoked between the call and now: ask after all
        this.updateTool(request.toolUseId, { state: 'pending', allowedBy: undefined });
      }
    }
    const answered = new Promise<ApprovalAnswer>((resolve) => {
      if (signal?.aborted) {
        resolve({ approved: false });
        return;
      }
      this.approvals.set(request.toolUseId, { request, resolve, signal });
      this.announceWaiting();
      signal?.addEventListener(
        'abort',
        () => {
          this.approvals.delete(request.toolUseId);
          this.updateBadge();
          resolve({ approved: false });
        },
        { once: true },
      );
    });
    const early = this.early.get(request.toolUseId);
    const pending = this.approvals.get(request.toolUseId);
    if (early && pending) {
      this.early.delete(request.toolUseId);
      this.answer(early, pending);
    }
    if (request.diff) {
      this.updateTool(request.toolUseId, { diff: cardDiff(request.diff) });
    }
    let diff: Promise<vscode.Uri | undefined> = Promise.resolve(undefined);
    if (request.diff && !early) {
      diff = this.openDiff(request.toolUseId, request.diff).then(undefined, (e: unknown) => {
        this.log.warn(`chat: the diff could not be shown: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      });
    }
    try {
      return await answered;
    } finally {
      // close the diff once it is open; the write that follows must not wait for it
      void diff.then((proposal) => (proposal ? closeDiffs(proposal, this.proposals) : undefined)).then(undefined, () => undefined);
    }
  }

  /** Show current vs proposed in a diff editor; resolves with the proposal's URI once shown. */
  private async openDiff(id: string, diff: NonNullable<ApprovalRequest['diff']>): Promise<vscode.Uri> {
    const target = vscode.Uri.file(diff.path);
    const proposal = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: target.path, query: id });
    this.proposals.set(proposal, diff.after);
    const left = diff.before === undefined ? vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: target.path, query: `empty-${id}` }) : target;
    if (diff.before === undefined) {
      this.proposals.set(left, '');
    }
    await vscode.commands.executeCommand('vscode.diff', left, proposal, vscode.l10n.t('{0} (proposed by the DevOps agent)', path.basename(target.path)), { preview: true, preserveFocus: true });
    return proposal;
  }

  /** Apply the user's answer on a card to the call waiting for it. */
  private answer(m: ApproveMessage, pending: PendingApproval): void {
    this.approvals.delete(m.id);
    this.updateBadge();
    const original = pending.request.command;
    const command = m.command?.trim();
    if (m.approved && original !== undefined && command !== undefined && command !== original.command.trim()) {
      if (command === '') {
        // an emptied command is not a confirmation of the original one
        this.updateTool(m.id, { state: 'rejected' });
        pending.resolve({ approved: false, message: 'The user cleared the command instead of running it. Ask what to do instead.' });
        return;
      }
      void this.runEdited(m.id, { command, cwd: original.cwd }, pending);
      return;
    }
    this.updateTool(m.id, { state: m.approved ? 'running' : 'rejected' });
    pending.resolve(m.approved ? { approved: true } : { approved: false, message: m.message ?? 'The user rejected this call. Do not retry it unchanged; ask what to do instead.' });
  }

  /**
   * The user edited the command on its card and pressed Run: the same policy decides about the
   * edited command; if it is not denied it runs at once in the terminal (the user's Run is the
   * confirmation), without a round trip through the model. The model learns what ran, its output
   * and exit code through the tool_result of its own call.
   */
  private async runEdited(id: string, command: { command: string; cwd: string }, pending: PendingApproval): Promise<void> {
    const settings = this.runSettings;
    if (!settings) {
      pending.resolve({ approved: false, message: 'The user edited the command, but the run ended before it could start.' });
      return;
    }
    const decision = decide({ name: 'run_shell_command', input: { command: command.command, cwd: command.cwd } }, settings.policy);
    const base = { command, edited: true, reasons: decision.reasons, hosts: decision.hosts, destructive: decision.destructive === true };
    if (decision.decision === 'deny') {
      this.updateTool(id, { ...base, state: 'denied' });
      pending.resolve({
        approved: false,
        message: `The user edited your command to:\n${command.command}\nThe workspace policy (aurora.yaml) denied the edited command, so nothing ran: ${decision.reasons.join('; ')}. Do not try to work around the policy; ask the user what to do instead.`,
      });
      return;
    }
    this.updateTool(id, { ...base, state: 'running' });
    try {
      const cwd = command.cwd === '' || command.cwd === '.' ? settings.root : joinPath(settings.root, command.cwd);
      const r = await this.terminal.run({ command: command.command, cwd, timeoutMs: settings.timeoutMs, contract: { root: settings.root, config: settings.policy.config }, ...(pending.signal ? { signal: pending.signal } : {}) });
      if (r.refused !== undefined) {
        this.updateTool(id, { state: 'failed', output: r.refused });
        pending.resolve({ approved: false, handled: { ok: false, output: `The user edited your command, but it did not run: ${r.refused}` } });
        return;
      }
      const notes = sandboxNotesText(r.notes);
      const body = capText(settings.redact ? redactSecrets(r.output, settings.secretValues).text : r.output, OUTPUT_LIMIT) + notes;
      const status = r.cancelled ? 'It was cancelled by the user before it finished.' : r.timedOut ? `It timed out after ${Math.round(settings.timeoutMs / 1000)} s and was stopped.` : `exit code ${r.exitCode ?? 'none (killed)'}`;
      const shown = body.length > 4000 ? `${body.slice(0, 2000)}\n…\n${body.slice(-2000)}` : body;
      this.updateTool(id, { state: r.exitCode === 0 ? 'done' : 'failed', output: shown, exitCode: r.exitCode });
      pending.resolve({
        approved: false,
        handled: {
          ok: r.exitCode === 0,
          output: `The user edited your command and ran the edited command instead of yours (the workspace policy allowed it and the user confirmed it). Do not run it again.\nCommand that ran: ${command.command}\n${status}\n${body}`,
        },
      });
    } catch (e) {
      this.updateTool(id, { state: 'failed', output: e instanceof Error ? e.message : String(e) });
      pending.resolve({ approved: false, message: `The user edited your command to:\n${command.command}\nbut it could not be started: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  /** A path as the user reads it: relative to the workspace folder when inside it. */
  private relative(abs: string): string {
    const root = this.runSettings?.root;
    if (root && (abs === root || abs.startsWith(`${root}/`))) {
      return abs === root ? '.' : abs.slice(root.length + 1);
    }
    return abs;
  }

  dispose(): void {
    this.stop();
    for (const s of this.subs) {
      s.dispose();
    }
  }
}

/** Close diff editors showing a proposal. */
async function closeDiffs(proposal: vscode.Uri, proposals?: ProposalDocuments): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === proposal.toString());
  if (tabs.length > 0) {
    await vscode.window.tabGroups.close(tabs, true);
  }
  proposals?.delete(proposal);
}

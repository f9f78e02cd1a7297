/**
 * The chat panel's browser side: renders the transcript, streams answers, shows approval cards
 * and sends the user's actions to the extension. No inline handlers (the CSP forbids them); model
 * text goes through the safe markdown renderer only.
 */
import { assertNever, mentionLabel } from '../shared/protocol';
import { escapeHidden } from '../shared/invisible';
import type { AnswerUsage, AttachmentChip, ContractState, ErrorAction, FromWebview, Mention, ToWebview, TranscriptItem } from '../shared/protocol';
import { formatCost } from '../shared/cost';
import { renderMarkdown } from './markdown';
import { finishedUpTo } from './stream';
import type { CodeActions } from './markdown';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: FromWebview): void => vscode.postMessage(m);

type ToolItem = Extract<TranscriptItem, { kind: 'tool' }>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

function button(label: string, onClick: () => void, className = ''): HTMLButtonElement {
  const b = el('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

const codeActions: CodeActions = {
  copy: (text) => post({ type: 'copy', text }),
  insert: (text) => post({ type: 'insert', text }),
  apply: (text) => post({ type: 'applyToFile', text }),
};

// ---- layout -------------------------------------------------------------------------------

const root = document.getElementById('root') as HTMLElement;
const header = el('div', 'header');
// the model: a button that opens the model picker
const modelLabel = el('button', 'model link');
modelLabel.type = 'button';
modelLabel.title = 'Pick the model';
modelLabel.addEventListener('click', () => {
  if (hasKey) {
    post({ type: 'pickModel' });
  }
});
// how full the last request was
const contextMeter = el('span', 'context-meter');
contextMeter.hidden = true;
const newChat = button('New chat', () => post({ type: 'newChat' }), 'secondary');
// whether the agent's commands are confined by the operating system (never silently absent)
const sandboxLabel = el('div', 'sandbox-state', 'Checking the sandbox…');
sandboxLabel.setAttribute('role', 'status');
// commands allowed for this session, each revocable
const allowedEl = el('div', 'allowed-list');
allowedEl.hidden = true;
header.append(modelLabel, contextMeter, newChat, sandboxLabel, allowedEl);

function renderAllowed(prefixes: string[]): void {
  allowedEl.replaceChildren();
  allowedEl.hidden = prefixes.length === 0;
  if (prefixes.length === 0) {
    return;
  }
  allowedEl.append(el('span', undefined, 'Allowed this session:'));
  for (const prefix of prefixes) {
    const chip = el('span', 'chip allowed');
    chip.append(el('code', undefined, prefix));
    const revoke = button('✕', () => post({ type: 'revokeAllowed', prefix }), 'icon');
    revoke.setAttribute('aria-label', `Revoke ${prefix}`);
    revoke.title = `Ask again before running commands that start with "${prefix}"`;
    chip.append(revoke);
    allowedEl.append(chip);
  }
}

// what governs the agent here: Restricted Mode, no aurora.yaml, or the contract in force
const banner = el('div', 'banner');
banner.setAttribute('role', 'status');
banner.hidden = true;

function renderBanner(c: ContractState): void {
  banner.replaceChildren();
  banner.hidden = false;
  banner.className = `banner ${!c.trusted ? 'restricted' : !c.found ? 'no-config' : 'contract'}`;
  banner.append(el('span', 'banner-text', c.summary));
  if (c.problems > 0) {
    banner.append(el('span', 'banner-problems', ` (${c.problems} problem${c.problems === 1 ? '' : 's'} in aurora.yaml)`));
  }
  if (!c.trusted) {
    banner.append(button('Manage Workspace Trust', () => post({ type: 'action', action: 'manageTrust' }), 'secondary'));
  } else if (!c.found) {
    banner.append(button('Create one', () => post({ type: 'action', action: 'createConfig' }), 'primary'));
  } else {
    const open = button('Open', () => post({ type: 'action', action: 'openConfig' }), 'link');
    open.setAttribute('aria-label', 'Open aurora.yaml');
    banner.append(open);
  }
}

const welcome = el('div', 'welcome');
const transcriptEl = el('div', 'transcript');
transcriptEl.setAttribute('role', 'log');
transcriptEl.setAttribute('aria-live', 'polite');

const composer = el('form', 'composer');
const input = el('textarea');
input.setAttribute('aria-label', 'Message DevOps Agent');
input.placeholder = 'Ask the DevOps agent, or type /scan, /fix, /explain <rule-id>';
input.rows = 3;
const attachLabel = el('label', 'attach');
const attach = el('input');
attach.type = 'checkbox';
// off by default: the open file goes to the model only when the user asks for it
attach.checked = false;
attachLabel.append(attach, document.createTextNode(' Attach active file and selection'));
const send = button('Send', () => submit(), 'primary');
const stop = button('Stop', () => post({ type: 'stop' }), 'secondary');
stop.hidden = true;
const queue = button('Queue', () => submit(), 'secondary');
queue.hidden = true;
const row = el('div', 'composer-row');
row.append(attachLabel, stop, queue, send);
// messages sent while an answer runs wait for it; they are shown, never silently dropped
const queuedEl = el('div', 'queued');
queuedEl.setAttribute('role', 'status');
queuedEl.hidden = true;
// @-mentions: chips above the input, chosen from a completion menu while typing `@…`
const chipsEl = el('div', 'mention-chips');
chipsEl.hidden = true;
const menu = el('div', 'mention-menu');
menu.setAttribute('role', 'listbox');
menu.setAttribute('aria-label', 'Mentions');
menu.hidden = true;
composer.append(queuedEl, menu, chipsEl, input, row);
root.append(header, banner, welcome, transcriptEl, composer);

composer.addEventListener('submit', (e) => {
  e.preventDefault();
  submit();
});
input.addEventListener('keydown', (e) => {
  if (!menu.hidden && menuKey(e)) {
    return;
  }
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    submit();
  }
});

// Esc stops the answer (as the Stop button), wherever the focus is in the panel
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !stop.hidden && !e.isComposing) {
    e.preventDefault();
    post({ type: 'stop' });
  }
});

let nextId = 1;
let hasKey = false;

function submit(): void {
  const text = input.value.trim();
  if (text === '') {
    return;
  }
  input.value = '';
  const mentions = chips.splice(0);
  renderChips();
  closeMenu();
  post({ type: 'send', id: `m${nextId++}`, text, attachFile: attach.checked, ...(mentions.length > 0 ? { mentions } : {}) });
}

// ---- @-mentions -----------------------------------------------------------------------------

const chips: Mention[] = [];
let menuItems: { label: string; detail?: string; mention: Mention }[] = [];
let menuIndex = 0;
let menuQuery: { id: string; start: number } | undefined;

function renderChips(): void {
  chipsEl.replaceChildren();
  chipsEl.hidden = chips.length === 0;
  chips.forEach((m, i) => {
    const chip = el('span', 'chip mention');
    chip.append(el('span', undefined, mentionLabel(m)));
    const remove = button('✕', () => {
      chips.splice(i, 1);
      renderChips();
      input.focus();
    }, 'icon');
    remove.setAttribute('aria-label', `Remove ${mentionLabel(m)}`);
    chip.append(remove);
    chipsEl.append(chip);
  });
}

function closeMenu(): void {
  menu.hidden = true;
  menu.replaceChildren();
  menuItems = [];
  menuQuery = undefined;
}

function renderMenu(): void {
  menu.replaceChildren();
  menu.hidden = menuItems.length === 0;
  menuItems.forEach((item, i) => {
    const row = el('div', `mention-item${i === menuIndex ? ' active' : ''}`);
    row.setAttribute('role', 'option');
    row.setAttribute('aria-selected', String(i === menuIndex));
    row.append(el('span', undefined, item.label));
    if (item.detail) {
      row.append(el('span', 'detail', ` ${item.detail}`));
    }
    row.addEventListener('mousedown', (e) => {
      e.preventDefault();
      pick(i);
    });
    menu.append(row);
  });
}

/** Take a menu entry: it becomes a chip and its `@query` leaves the text. */
function pick(i: number): void {
  const item = menuItems[i];
  const q = menuQuery;
  if (!item || !q) {
    return;
  }
  const caret = input.selectionStart ?? input.value.length;
  input.value = `${input.value.slice(0, q.start)}${input.value.slice(caret)}`;
  input.setSelectionRange(q.start, q.start);
  if (!chips.some((c) => mentionLabel(c) === mentionLabel(item.mention))) {
    chips.push(item.mention);
  }
  renderChips();
  closeMenu();
  input.focus();
}

/** Keys while the menu is open; true when the key was the menu's. */
function menuKey(e: KeyboardEvent): boolean {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    menuIndex = (menuIndex + (e.key === 'ArrowDown' ? 1 : menuItems.length - 1)) % menuItems.length;
    renderMenu();
  } else if (e.key === 'Enter' || e.key === 'Tab') {
    pick(menuIndex);
  } else if (e.key === 'Escape') {
    closeMenu();
    e.stopPropagation();
  } else {
    return false;
  }
  e.preventDefault();
  return true;
}

input.addEventListener('input', () => {
  const caret = input.selectionStart ?? input.value.length;
  const m = /(^|\s)@([\w./-]*)$/.exec(input.value.slice(0, caret));
  if (!m) {
    closeMenu();
    return;
  }
  const id = `q${nextId++}`;
  menuQuery = { id, start: caret - m[2].length - 1 };
  post({ type: 'mentionQuery', id, query: m[2] });
});

function setBusy(b: boolean, queued: string[]): void {
  busy = b;
  renderTurnActions();
  stop.hidden = !b;
  send.disabled = b;
  // while busy, a message (Queue, or Enter) waits for the answer to end
  queue.hidden = !b;
  queuedEl.replaceChildren();
  queuedEl.hidden = queued.length === 0;
  if (queued.length > 0) {
    queuedEl.append(el('div', undefined, `Queued, sent when the answer ends (Stop gives ${queued.length === 1 ? 'it' : 'them'} back):`));
    for (const q of queued) {
      queuedEl.append(el('div', 'queued-item', q.length > 200 ? `${q.slice(0, 200)}…` : q));
    }
  }
}

const ACTION_LABELS: Record<ErrorAction, string> = {
  setApiKey: 'Set API Key',
  openConfig: 'Open aurora.yaml',
  openSettings: 'Open settings',
  createConfig: 'Create aurora.yaml',
  manageTrust: 'Manage Workspace Trust',
};

// ---- welcome --------------------------------------------------------------------------------

function renderWelcome(empty: boolean): void {
  welcome.replaceChildren();
  if (hasKey && !empty) {
    welcome.hidden = true;
    return;
  }
  welcome.hidden = false;
  if (!hasKey) {
    welcome.append(
      el('h2', undefined, 'Connect the DevOps agent'),
      el('p', undefined, 'No Anthropic API key is set. Run "Aurora: Set Anthropic API Key" (stored in VS Code\'s secret storage) or set ANTHROPIC_API_KEY before starting VS Code. For an Anthropic-compatible server, set aurora.anthropic.baseUrl.'),
      button('Set API Key', () => post({ type: 'action', action: 'setApiKey' }), 'primary'),
      el('p', undefined, 'Offline, these commands still work:'),
    );
  } else {
    welcome.append(el('h2', undefined, 'DevOps Agent'), el('p', undefined, 'Ask about your Dockerfiles, Compose, Kubernetes, Terraform and CI files. Commands and writes need your approval. Commands:'));
  }
  const list = el('ul');
  for (const [cmd, what] of [
    ['/scan', 'summary of the workspace findings with links'],
    ['/fix', 'apply the safe fixes in the active file'],
    ['/explain <rule-id>', 'explain a rule'],
  ]) {
    const li = el('li');
    li.append(el('code', undefined, cmd), document.createTextNode(` — ${what}`));
    list.appendChild(li);
  }
  welcome.appendChild(list);
}

// ---- transcript ---------------------------------------------------------------------------

const tools = new Map<string, { item: ToolItem; node: HTMLElement }>();
/**
 * The answer being streamed: `done` characters of `text` are finished blocks, rendered once into
 * `blocks`; the rest is rendered into `tail`, at most once per animation frame.
 */
let streaming: { text: string; done: number; blocks: HTMLElement; tail: HTMLElement; node: HTMLElement; frame?: number } | undefined;

function scroll(): void {
  transcriptEl.scrollTop = transcriptEl.scrollHeight;
}

/** Whether the user is at the bottom of the transcript (new content follows only then). */
function atBottom(): boolean {
  return transcriptEl.scrollHeight - transcriptEl.scrollTop - transcriptEl.clientHeight < 40;
}

/** Render what arrived since the last frame: new finished blocks once, then the tail. */
function renderStream(): void {
  const s = streaming;
  if (!s) {
    return;
  }
  if (s.frame !== undefined) {
    cancelAnimationFrame(s.frame);
    s.frame = undefined;
  }
  const follow = atBottom();
  const cut = finishedUpTo(s.text, s.done);
  if (cut > s.done) {
    const block = el('div', 'block');
    renderMarkdown(s.text.slice(s.done, cut), block, codeActions);
    s.blocks.appendChild(block);
    s.done = cut;
  }
  renderMarkdown(s.text.slice(s.done), s.tail, codeActions);
  if (follow) {
    scroll();
  }
}

/** The streamed answer is complete (or interrupted by a card): render what is left, stop tracking it. */
function endStream(): HTMLElement | undefined {
  const s = streaming;
  if (!s) {
    return undefined;
  }
  renderStream();
  s.node.classList.remove('streaming');
  streaming = undefined;
  return s.node;
}

function usageLine(model: string | undefined, usage: AnswerUsage | undefined): HTMLElement | undefined {
  if (!usage) {
    // text before a tool call: the turn's model and tokens show under the answer that ends it
    return undefined;
  }
  const meta = el('div', 'meta');
  const tokens = usage.input + usage.output > 0 ? `${usage.input.toLocaleString()} in · ${usage.output.toLocaleString()} out tokens` : undefined;
  const cost = usage.cost !== undefined && usage.input + usage.output > 0 ? `≈ ${formatCost(usage.cost)}` : undefined;
  meta.textContent = [model, tokens, cost].filter(Boolean).join(' · ');
  if (cost) {
    meta.title = 'Estimated at the model\'s public list prices (prompt-cache reads and writes included); your bill may differ, for example behind a proxy endpoint.';
  }
  return meta;
}

// Retry (after a request that failed for a reason that may pass) and Regenerate (the last answer),
// offered under the transcript while nothing runs
const turnActions = el('div', 'turn-actions');
turnActions.hidden = true;
composer.before(turnActions);
/** What the last turn offers: set as items arrive, shown when the run ends. */
let offer: 'retry' | 'regenerate' | undefined;
let busy = false;

function renderTurnActions(): void {
  turnActions.replaceChildren();
  turnActions.hidden = busy || !hasKey || offer === undefined;
  if (offer === 'retry') {
    const retry = button('Retry', () => post({ type: 'retry' }), 'secondary');
    retry.title = 'Send the failed request again';
    turnActions.append(retry);
  } else if (offer === 'regenerate') {
    const again = button('Regenerate', () => post({ type: 'regenerate' }), 'secondary');
    again.title = 'Ask the model again from your last message (what the answer already ran or wrote stays done)';
    turnActions.append(again);
  }
}

/** Track what the last item of the transcript lets the user do again. */
function noteOffer(item: TranscriptItem): void {
  if (item.kind === 'assistant') {
    offer = 'regenerate';
  } else if (item.kind === 'error') {
    offer = item.retry ? 'retry' : undefined;
  } else if (item.kind === 'user' || item.kind === 'findings') {
    offer = undefined;
  }
  renderTurnActions();
}

function renderTool(item: ToolItem, node: HTMLElement): void {
  node.replaceChildren();
  node.className = `card tool state-${item.state}${item.destructive ? ' destructive' : ''}`;
  const title = el('div', 'card-title');
  const label = item.name === 'run_shell_command' ? 'Command' : item.name === 'write_file' ? 'Write file' : item.name;
  title.append(el('strong', undefined, item.edited ? `${label} (edited by you)` : label), el('span', 'badge', stateLabel(item)));
  node.appendChild(title);
  // what the user approves must read exactly as it runs: hidden characters are shown escaped
  const hidden = new Set<string>();
  const shown = (text: string): string => {
    const e = escapeHidden(text);
    e.found.forEach((f) => hidden.add(f));
    return e.text;
  };
  if (item.command) {
    const pre = el('pre', 'command');
    const code = el('code', undefined, shown(item.command.command));
    pre.appendChild(code);
    const cwd = item.command.cwd === '.' || item.command.cwd === '' ? 'the workspace folder' : shown(item.command.cwd);
    node.append(pre, el('div', 'detail', `in ${cwd}`));
  } else if (item.path) {
    node.appendChild(el('div', 'detail', shown(item.path)));
  } else {
    node.appendChild(el('div', 'detail', shown(item.summary)));
  }
  if (item.paths && item.paths.length > 0) {
    node.appendChild(el('div', 'detail', `writes: ${item.paths.map(shown).join(', ')}`));
  }
  if (item.diff !== undefined) {
    // the change itself, on the card: Apply is never a blind click, even with the diff editor closed
    const pre = el('pre', 'diff');
    pre.setAttribute('aria-label', 'Proposed change');
    for (const line of shown(item.diff).split('\n')) {
      const cls = line.startsWith('+++') || line.startsWith('---') ? 'diff-file' : line.startsWith('@@') ? 'diff-hunk' : line.startsWith('+') ? 'diff-add' : line.startsWith('-') ? 'diff-del' : undefined;
      pre.appendChild(el('div', cls, line === '' ? ' ' : line));
    }
    node.appendChild(pre);
  }
  if (hidden.size > 0) {
    node.appendChild(el('div', 'warning hidden-chars', `⚠ Contains invisible, control or bidirectional characters (shown escaped): ${[...hidden].join(', ')}. Read the command as escaped before approving.`));
  }
  if (item.allowedBy && item.state !== 'pending') {
    node.appendChild(el('div', 'detail allowed-by', `Allowed for this session: commands starting with \`${item.allowedBy}\``));
  }
  if (item.state === 'interrupted') {
    node.appendChild(el('div', 'detail interrupted', 'Interrupted: the window was reloaded or the run ended before this finished. Ask again to retry.'));
  }
  if (item.hosts.length > 0) {
    node.appendChild(el('div', 'detail', `contacts: ${item.hosts.join(', ')}`));
  }
  if (item.sandbox) {
    node.appendChild(el('div', `detail sandbox${/^Runs in the sandbox/.test(item.sandbox) ? '' : ' unsandboxed'}`, item.sandbox));
  }
  if (item.destructive && item.state === 'pending') {
    node.appendChild(el('div', 'warning', '⚠ Destructive: this can delete infrastructure or data.'));
  }
  if (item.reasons.length > 0 && (item.state === 'denied' || item.state === 'pending')) {
    const ul = el('ul', 'reasons');
    for (const r of item.reasons) {
      ul.appendChild(el('li', undefined, r));
    }
    node.appendChild(ul);
  }
  if (item.state === 'pending' && item.decision === 'ask') {
    const actions = el('div', 'actions');
    if (item.name === 'write_file') {
      actions.append(button('Apply', () => answer(item, true), 'primary'), button('Discard', () => answer(item, false), 'secondary'), button('Open diff', () => post({ type: 'openDiff', id: item.id }), 'link'));
    } else {
      actions.append(
        button('Run', () => answer(item, true), 'primary'),
        button('Edit', () => edit(item, node), 'secondary'),
        button('Reject', () => answer(item, false), 'secondary'),
      );
      if (item.sessionPrefix) {
        // only plain local read-only commands get it; the extension computes the prefix again
        const allow = button(`Allow \`${item.sessionPrefix}\` for this session`, () => {
          item.state = 'running';
          post({ type: 'allowForSession', id: item.id });
          renderTool(item, node);
        }, 'secondary allow-session');
        allow.title = `Run this command, and from now on in this chat run commands that start with "${item.sessionPrefix}" without asking (the policy still checks each one; revoke it in the header)`;
        actions.append(allow);
      }
    }
    node.appendChild(actions);
  }
  if (item.output) {
    const out = el('pre', 'output');
    out.textContent = item.output;
    node.appendChild(out);
  }
  if (item.exitCode !== undefined) {
    node.appendChild(el('div', 'detail exit', item.exitCode === null ? 'killed' : `exit code ${item.exitCode}`));
  }
}

function stateLabel(item: ToolItem): string {
  switch (item.state) {
    case 'pending':
      return item.decision === 'ask' ? 'needs approval' : 'running';
    case 'running':
      return 'running';
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'denied':
      return 'denied';
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    case 'interrupted':
      return 'interrupted';
    default:
      return assertNever(item.state);
  }
}

function answer(item: ToolItem, approved: boolean, command?: string): void {
  item.state = approved ? 'running' : 'rejected';
  post({ type: 'approve', id: item.id, approved, ...(command !== undefined ? { command } : {}) });
  const entry = tools.get(item.id);
  if (entry) {
    renderTool(item, entry.node);
  }
}

function edit(item: ToolItem, node: HTMLElement): void {
  const area = el('textarea', 'edit-command');
  area.setAttribute('aria-label', 'Edit command');
  area.value = item.command?.command ?? '';
  const actions = el('div', 'actions');
  const run = button('Run', () => {
    if (item.command) {
      item.command = { ...item.command, command: area.value.trim() };
    }
    answer(item, true, area.value);
  }, 'primary');
  // the extension checks the edited command with the policy before it runs
  area.addEventListener('input', () => {
    run.disabled = area.value.trim() === '';
  });
  actions.append(run, button('Reject', () => answer(item, false), 'secondary'));
  node.querySelector('.actions')?.replaceWith(area, actions);
  area.focus();
}

/** The line under a user message saying what was attached (or why nothing was). */
function attachmentChip(a: AttachmentChip): HTMLElement {
  const chip = el('div', `attachment${a.note?.startsWith('not attached') || a.note?.startsWith('nothing') ? ' refused' : ''}`);
  chip.append(el('span', 'chip', `📎 ${a.label}`));
  const notes = [a.note, a.redacted ? `${a.redacted} secret${a.redacted === 1 ? '' : 's'} redacted` : undefined].filter(Boolean);
  if (notes.length > 0) {
    chip.append(document.createTextNode(` ${notes.join('; ')}`));
  }
  return chip;
}

/**
 * A card waits: bring it into view and put the keyboard on its first action, unless the user is
 * typing a message (the focus stays in the input then; Tab reaches the card).
 */
function focusCard(node: HTMLElement): void {
  node.scrollIntoView({ block: 'nearest' });
  const typing = document.activeElement === input && input.value.trim() !== '';
  if (!typing) {
    node.querySelector<HTMLButtonElement>('.actions button')?.focus({ preventScroll: true });
  }
}

function append(item: TranscriptItem): void {
  welcome.hidden = hasKey;
  endStream();
  noteOffer(item);
  // follow new content only when the user is at the bottom (or has just sent a message)
  const follow = item.kind === 'user' || atBottom();
  switch (item.kind) {
    case 'user': {
      const node = el('div', 'msg user');
      node.appendChild(el('div', 'body', item.text));
      if (item.attachment) {
        node.appendChild(attachmentChip(item.attachment));
      }
      for (const a of item.mentions ?? []) {
        node.appendChild(attachmentChip(a));
      }
      transcriptEl.appendChild(node);
      break;
    }
    case 'assistant': {
      const node = el('div', 'msg assistant');
      const body = el('div', 'body markdown');
      renderMarkdown(item.text, body, codeActions);
      node.append(body);
      const meta = usageLine(item.model, item.usage);
      if (meta) {
        node.appendChild(meta);
      }
      transcriptEl.appendChild(node);
      break;
    }
    case 'notice':
      transcriptEl.appendChild(el('div', 'notice', item.text));
      break;
    case 'condensed': {
      // collapsed: the summary the model continues from, expandable; the turns themselves stay above
      const node = el('details', 'condensed');
      node.appendChild(el('summary', undefined, `Earlier conversation condensed (${item.messages} message${item.messages === 1 ? '' : 's'} summarised to fit the context window)`));
      const body = el('div', 'body markdown');
      renderMarkdown(item.summary, body, codeActions);
      node.appendChild(body);
      transcriptEl.appendChild(node);
      break;
    }
    case 'error': {
      const node = el('div', 'error');
      node.setAttribute('role', 'alert');
      node.appendChild(el('div', undefined, item.text));
      if (item.action) {
        const label = ACTION_LABELS[item.action];
        const action = item.action;
        node.appendChild(button(label, () => post({ type: 'action', action }), 'primary'));
      }
      transcriptEl.appendChild(node);
      break;
    }
    case 'tool': {
      const node = el('div');
      tools.set(item.id, { item, node });
      renderTool(item, node);
      transcriptEl.appendChild(node);
      if (item.state === 'pending' && item.decision === 'ask') {
        focusCard(node);
      }
      break;
    }
    case 'findings': {
      const node = el('div', 'card findings');
      node.appendChild(el('div', 'card-title', item.title));
      const ul = el('ul');
      for (const f of item.findings) {
        const li = el('li');
        const a = el('a', undefined, `${f.file}:${f.line}`);
        a.href = '#';
        a.addEventListener('click', (e) => {
          e.preventDefault();
          post({ type: 'openFile', file: f.file, line: f.line, ...(f.uri ? { uri: f.uri } : {}) });
        });
        li.append(a, document.createTextNode(` ${f.severity} ${f.ruleId}: ${f.message}`));
        ul.appendChild(li);
      }
      node.appendChild(ul);
      transcriptEl.appendChild(node);
      break;
    }
    default:
      assertNever(item);
  }
  if (follow) {
    scroll();
  }
}

function textDelta(text: string): void {
  if (!streaming) {
    const follow = atBottom();
    const node = el('div', 'msg assistant streaming');
    const body = el('div', 'body markdown');
    const blocks = el('div', 'blocks');
    const tail = el('div', 'tail');
    body.append(blocks, tail);
    node.appendChild(body);
    transcriptEl.appendChild(node);
    streaming = { text: '', done: 0, blocks, tail, node };
    if (follow) {
      scroll();
    }
  }
  streaming.text += text;
  // many deltas a frame: render once per frame
  streaming.frame ??= requestAnimationFrame(() => {
    if (streaming) {
      streaming.frame = undefined;
      renderStream();
    }
  });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'init':
      hasKey = m.hasKey;
      modelLabel.textContent = m.hasKey ? m.model : 'offline';
      endStream();
      transcriptEl.replaceChildren();
      tools.clear();
      offer = undefined;
      renderWelcome(m.transcript.length === 0);
      for (const item of m.transcript) {
        append(item);
      }
      break;
    case 'state':
      hasKey = m.hasKey;
      modelLabel.textContent = m.hasKey ? m.model : 'offline';
      if (m.contract) {
        renderBanner(m.contract);
      }
      if (m.sandbox) {
        sandboxLabel.textContent = m.sandbox.text;
        sandboxLabel.className = `sandbox-state ${m.sandbox.enforced ? 'enforced' : 'unsandboxed'}`;
      }
      renderWelcome(transcriptEl.childElementCount === 0);
      break;
    case 'append':
      append(m.item);
      break;
    case 'textDelta':
      textDelta(m.text);
      break;
    case 'toolUpdate': {
      const entry = tools.get(m.id);
      if (entry) {
        const item = entry.item;
        item.state = m.state;
        // an edited command brings what the policy decided about it
        for (const key of ['output', 'exitCode', 'command', 'edited', 'allowedBy', 'reasons', 'hosts', 'destructive', 'diff'] as const) {
          if (m[key] !== undefined) {
            Object.assign(item, { [key]: m[key] });
          }
        }
        const follow = atBottom();
        renderTool(entry.item, entry.node);
        if (follow) {
          scroll();
        }
      }
      break;
    }
    case 'answerDone': {
      const follow = atBottom();
      const node = endStream();
      if (node && m.usage) {
        offer = 'regenerate';
        renderTurnActions();
      }
      const meta = node ? usageLine(m.model, m.usage) : undefined;
      if (node && meta) {
        node.appendChild(meta);
        if (follow) {
          scroll();
        }
      }
      break;
    }
    case 'busy':
      setBusy(m.busy, m.queued ?? []);
      break;
    case 'cleared':
      endStream();
      transcriptEl.replaceChildren();
      tools.clear();
      offer = undefined;
      renderTurnActions();
      renderWelcome(true);
      break;
    case 'allowed':
      renderAllowed(m.prefixes);
      break;
    case 'mentionResults':
      // only the answer to the latest query
      if (menuQuery?.id === m.id) {
        menuItems = m.items;
        menuIndex = 0;
        renderMenu();
      }
      break;
    case 'context': {
      const share = Math.min(100, Math.round((m.tokens / m.window) * 100));
      contextMeter.hidden = false;
      contextMeter.textContent = `context ${share}%`;
      contextMeter.title = `The last request used about ${m.tokens.toLocaleString()} of ${m.window.toLocaleString()} tokens of the model's context window; older turns are shortened, then condensed, as it fills.`;
      contextMeter.className = `context-meter${share >= 80 ? ' full' : ''}`;
      break;
    }
    case 'attach':
      if (!chips.some((c) => mentionLabel(c) === mentionLabel(m.mention))) {
        chips.push(m.mention);
      }
      renderChips();
      if (m.text && input.value.trim() === '') {
        input.value = m.text;
      }
      input.focus();
      break;
    case 'prefill':
      input.value = m.append && input.value.trim() !== '' ? `${input.value.trimEnd()}\n\n${m.text}` : m.text;
      input.focus();
      break;
    default:
      assertNever(m);
  }
});

post({ type: 'ready' });
input.focus();

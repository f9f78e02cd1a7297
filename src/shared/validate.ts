/**
 * Run-time validation of what the webview posts. The webview is ours, but its messages cross a
 * process boundary as plain JSON and the extension acts on them (an approval runs a command): a
 * cast is not a check. A message that does not match `FromWebview` exactly in the fields the
 * extension reads is refused with a reason, never coerced (a string "false" is not a boolean).
 */
import type { ErrorAction, FromWebview } from './protocol';

/** The message, or why it was refused. */
export type Validated = { ok: true; message: FromWebview } | { ok: false; reason: string };

/** Longest text accepted in one message (a pasted log is fine, a runaway loop is not). */
export const MAX_MESSAGE_CHARS = 1_000_000;

const ERROR_ACTIONS: readonly ErrorAction[] = ['setApiKey', 'openConfig', 'openSettings', 'createConfig', 'manageTrust'];

type Field = 'string' | 'boolean' | 'number' | 'id' | 'action' | 'mentions';

/** Mentions one message may carry. */
export const MAX_MENTIONS = 20;
/** Per message type: its required fields, and its optional fields. */
const SHAPES: { readonly [K in FromWebview['type']]: { required: Readonly<Record<string, Field>>; optional?: Readonly<Record<string, Field>> } } = {
  ready: { required: {} },
  send: { required: { id: 'id', text: 'string', attachFile: 'boolean' }, optional: { mentions: 'mentions' } },
  mentionQuery: { required: { id: 'id', query: 'string' } },
  stop: { required: {} },
  retry: { required: {} },
  regenerate: { required: {} },
  newChat: { required: {} },
  approve: { required: { id: 'id', approved: 'boolean' }, optional: { command: 'string', message: 'string' } },
  allowForSession: { required: { id: 'id' } },
  openDiff: { required: { id: 'id' } },
  revokeAllowed: { required: { prefix: 'string' } },
  pickModel: { required: {} },
  action: { required: { action: 'action' } },
  copy: { required: { text: 'string' } },
  insert: { required: { text: 'string' } },
  applyToFile: { required: { text: 'string' } },
  openFile: { required: { file: 'string', line: 'number' }, optional: { uri: 'string' } },
};

function checkField(value: unknown, kind: Field): string | undefined {
  switch (kind) {
    case 'string':
      if (typeof value !== 'string') {
        return `expected a string, got ${describe(value)}`;
      }
      return value.length > MAX_MESSAGE_CHARS ? `longer than ${MAX_MESSAGE_CHARS} characters` : undefined;
    case 'id':
      return typeof value === 'string' && value.length > 0 && value.length <= 200 ? undefined : `expected a non-empty id, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `expected a number, got ${describe(value)}`;
    case 'action':
      return typeof value === 'string' && (ERROR_ACTIONS as readonly string[]).includes(value) ? undefined : `expected one of ${ERROR_ACTIONS.join(', ')}, got ${describe(value)}`;
    case 'mentions':
      if (!Array.isArray(value) || value.length > MAX_MENTIONS) {
        return `expected a list of at most ${MAX_MENTIONS} mentions, got ${describe(value)}`;
      }
      for (const m of value as unknown[]) {
        if (!isMention(m)) {
          return `expected mentions like {kind: "problems"}, {kind: "terminal"}, {kind: "folder", path} or {kind: "file", path, lines?: {start, end}}, got ${describe(m)}`;
        }
      }
      return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPath(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && v.length <= 1000;
}

function isLine(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

/** Exactly one of the Mention shapes, nothing more. */
function isMention(m: unknown): boolean {
  if (!isRecord(m)) {
    return false;
  }
  const keys = Object.keys(m).sort().join(',');
  switch (m.kind) {
    case 'problems':
    case 'terminal':
      return keys === 'kind';
    case 'folder':
      return keys === 'kind,path' && isPath(m.path);
    case 'file': {
      if (keys === 'kind,path') {
        return isPath(m.path);
      }
      const lines = m.lines;
      return keys === 'kind,lines,path' && isPath(m.path) && isRecord(lines) && Object.keys(lines).sort().join(',') === 'end,start' && isLine(lines.start) && isLine(lines.end) && lines.start <= lines.end;
    }
    default:
      return false;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`;
}

/**
 * Check a message from the webview against the protocol. Only the fields of its type are kept in
 * the returned message (extra fields are dropped, so nothing unchecked reaches a handler).
 */
export function validateFromWebview(raw: unknown): Validated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `not an object (${describe(raw)})` };
  }
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(SHAPES, type)) {
    return { ok: false, reason: `unknown message type ${describe(type)}` };
  }
  const shape = SHAPES[type as FromWebview['type']];
  const out: Record<string, unknown> = { type };
  for (const [name, kind] of Object.entries(shape.required)) {
    const problem = checkField(record[name], kind);
    if (problem) {
      return { ok: false, reason: `${type}.${name}: ${problem}` };
    }
    out[name] = record[name];
  }
  for (const [name, kind] of Object.entries(shape.optional ?? {})) {
    if (record[name] === undefined) {
      continue;
    }
    const problem = checkField(record[name], kind);
    if (problem) {
      return { ok: false, reason: `${type}.${name}: ${problem}` };
    }
    out[name] = record[name];
  }
  return { ok: true, message: out as unknown as FromWebview };
}

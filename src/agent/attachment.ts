import { resolveInWorkspace, secretReason } from './policy/paths';
import type { PathContext } from './policy/paths';
import { redactSecrets } from './redact';
import type { SecretValues } from './secretValues';

/**
 * What the chat attaches to a message from the active editor ("Attach active file and
 * selection"). The same rule as the agent's reads decides: a file outside the workspace folder or
 * a secret file (`secretReason`, on the path as written and with links resolved) is never
 * attached, and attached text goes through redaction before it reaches the model or the stored
 * conversation.
 */

/** The active editor, as plain data. */
export interface AttachSource {
  /** Absolute path of the file (either separator). */
  file: string;
  /** The whole text of the file. */
  text: string;
  /** The selection, when one is not empty (1-based lines). */
  selection?: { startLine: number; endLine: number; text: string };
  /** The user named the file with @file (rather than it being the active editor's). */
  mentioned?: boolean;
}

/** What was attached (`text` goes into the prompt), or why nothing was. */
export interface Attachment {
  /** What the transcript shows: the workspace-relative path and the lines. */
  label: string;
  /** The prompt text; absent when nothing was attached. */
  text?: string;
  /** Why nothing (or only the path) was attached. */
  note?: string;
  /** Secrets replaced in the attached text. */
  redacted: number;
}

/** Characters of a whole file attached; a larger file is named, and the agent reads it itself. */
export const MAX_ATTACH_CHARS = 20_000;

/** Build the attachment for a message, or say why the file is not attached. */
export function buildAttachment(source: AttachSource, context: PathContext, secretValues?: SecretValues, maxChars = MAX_ATTACH_CHARS): Attachment {
  const r = resolveInWorkspace(source.file, context);
  if (!r.ok) {
    return { label: source.file, note: `not attached: ${r.reason}`, redacted: 0 };
  }
  const rel = r.path.relative;
  const secret = secretReason(rel) ?? secretReason(r.path.realRelative) ?? r.alternates.map((a) => secretReason(a.relative) ?? secretReason(a.realRelative)).find((x) => x !== undefined);
  if (secret) {
    return { label: rel, note: `not attached: ${secret}`, redacted: 0 };
  }
  const sel = source.selection;
  if (sel && sel.text !== '') {
    const lines = sel.startLine === sel.endLine ? `line ${sel.startLine}` : `lines ${sel.startLine}-${sel.endLine}`;
    const body = redactSecrets(sel.text.length > maxChars ? sel.text.slice(0, maxChars) : sel.text, secretValues);
    const cut = sel.text.length > maxChars ? ` (first ${maxChars} characters)` : '';
    return { label: `${rel} (${lines})`, text: `Selected in ${rel} (${lines})${cut}:\n${fence(body.text)}`, redacted: body.count, ...(cut ? { note: `selection cut to ${maxChars} characters` } : {}) };
  }
  if (source.text.length > maxChars) {
    return { label: rel, text: `${source.mentioned ? 'The user attached' : 'The active file is'} ${rel} (too large to attach; read it with read_file).`, note: 'too large to attach: only its path was sent', redacted: 0 };
  }
  const body = redactSecrets(source.text, secretValues);
  return { label: rel, text: `${source.mentioned ? 'The user attached' : 'The active file is'} ${rel}:\n${fence(body.text)}`, redacted: body.count };
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}\n${text}\n${f}`;
}

/** Files an @folder lists at most. */
export const MAX_FOLDER_LIST = 200;
/** Characters of file text an @folder attaches in all. */
export const MAX_FOLDER_CHARS = 60_000;

/** One file of an @folder: its absolute path, and its text when the caller wants it attached. */
export interface FolderEntry {
  file: string;
  text?: string;
}

/**
 * An @folder: the folder's files listed, and the text of the entries that carry one (the chat
 * passes its infrastructure files) through the same rule as a single file — secret files named
 * but never attached, text redacted — until MAX_FOLDER_CHARS; the rest only listed.
 */
export function buildFolderAttachment(folder: string, entries: readonly FolderEntry[], context: PathContext, secretValues?: SecretValues): Attachment {
  const r = resolveInWorkspace(folder, context);
  if (!r.ok) {
    return { label: folder, note: `not attached: ${r.reason}`, redacted: 0 };
  }
  const rel = r.path.relative === '' ? '.' : r.path.relative;
  const label = `${rel}/`;
  if (entries.length === 0) {
    return { label, text: `The user attached the folder ${rel}/: it holds no files.`, redacted: 0 };
  }
  const listed = entries.slice(0, MAX_FOLDER_LIST);
  const bodies: string[] = [];
  const listing: string[] = [];
  let used = 0;
  let redacted = 0;
  let attached = 0;
  let skipped = 0;
  for (const e of listed) {
    const a = buildAttachment({ file: e.file, text: e.text ?? '', mentioned: true }, context, secretValues);
    if (a.note?.startsWith('not attached')) {
      listing.push(`${a.label} (${a.note})`);
      continue;
    }
    listing.push(a.label);
    if (e.text === undefined) {
      continue;
    }
    if (a.text === undefined || a.note || used + a.text.length > MAX_FOLDER_CHARS) {
      skipped++;
      continue;
    }
    bodies.push(a.text);
    used += a.text.length;
    redacted += a.redacted;
    attached++;
  }
  const more = entries.length > listed.length ? `\n… and ${entries.length - listed.length} more files (list them with list_files)` : '';
  const text = [`The user attached the folder ${rel}/ (${entries.length} file${entries.length === 1 ? '' : 's'}):\n${listing.join('\n')}${more}`, ...bodies].join('\n\n');
  const notes = [skipped > 0 ? `${skipped} infrastructure file${skipped === 1 ? '' : 's'} only listed (too large to attach all)` : undefined, entries.length > listed.length ? `the first ${MAX_FOLDER_LIST} files listed` : undefined].filter((x): x is string => x !== undefined);
  return { label: `${label} (${attached} file${attached === 1 ? '' : 's'} attached)`, text, redacted, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) };
}

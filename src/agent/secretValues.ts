import { isPlaceholderValue, isSecretName } from '../core/rules/shared/secrets';
import { isCredentialVariable } from './credentials';

/**
 * Redaction by value: the secrets the workspace and the process actually hold (the values of
 * `.env` files, credential environment variables) are replaced wherever they appear in text sent
 * to the model, whatever the text around them looks like — a non-secret file that repeats a
 * password, `base64 .env`, `xxd -p`, a URL with the token percent-encoded. Shape-based redaction
 * (src/agent/redact.ts) cannot see these: a value under an innocent name, or encoded, has no
 * shape.
 *
 * Every value is expanded into the literal forms it can take (raw, URL-encoded, JSON-escaped,
 * hex in both cases, standard and URL-safe base64 at the three byte alignments) and all forms are
 * found in one pass with an Aho-Corasick automaton, so the cost is linear in the text whatever the
 * number of values. Line breaks are skipped while matching, because `base64` wraps at 76 columns
 * and `xxd -p` at 60.
 */

/** A known secret value and where it came from (`.env:DB_PASSWORD`, `$GITHUB_TOKEN`). */
export interface SecretValueEntry {
  value: string;
  source: string;
}

/** Text with secrets replaced, and how many replacements were made. */
export interface ValueRedaction {
  text: string;
  count: number;
}

/** Values shorter than this are too likely to occur by chance (and too weak to be secrets). */
export const MIN_SECRET_LENGTH = 8;
/** At most this many values are kept (a workspace with more is not holding secrets by hand). */
const MAX_VALUES = 2_000;
/** Values longer than this are cut into their lines; a longer line is matched raw only. */
const MAX_ENCODED_LENGTH = 4_096;

const NOT_SECRET_WORD = /^(true|false|yes|no|on|off|null|nil|none|undefined|enabled|disabled|production|development|staging|localhost)$/i;
/** Numbers, versions, dates, times and IPv4 addresses: digits and separators only. */
const NUMERIC = /^[+-]?[0-9][0-9 .,:_/+-]*$/;

/**
 * Whether a value could be a secret at all: long enough, not a boolean, number, date or
 * placeholder (`${VAR}`, `changeme`, `<token>`), not an interpolation template.
 */
export function isSecretValueCandidate(value: string): boolean {
  const v = value.trim();
  if (v.length < MIN_SECRET_LENGTH || v.startsWith('[REDACTED')) {
    return false;
  }
  if (NOT_SECRET_WORD.test(v) || NUMERIC.test(v) || isPlaceholderValue(v)) {
    return false;
  }
  // a template such as `postgres://app:${DB_PASSWORD}@db` is repeated in compose files on purpose
  return !/\$\{|\$\(|\{\{/.test(v);
}

/**
 * Whether the value of `name` is worth redacting wherever it appears. Under a secret-like name
 * (`DB_PASSWORD`, `GITHUB_TOKEN`) every candidate value is. Under any other name the value must
 * also look generated: configuration repeats its plain values (`production`, `us-east-1`,
 * `db.internal`, `https://app.example.com`) across the very files the agent reads, and hiding
 * those would blind it for nothing. A value looks generated when it holds a symbol outside words,
 * hosts and paths, a run of ten or more letters and digits mixed, a run of 24 or more letters
 * and digits, or a password in a URL.
 */
export function worthRedacting(name: string, value: string): boolean {
  const v = value.trim();
  if (!isSecretValueCandidate(v)) {
    return false;
  }
  if (isSecretName(name) || isCredentialVariable(name)) {
    return true;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^\s/@:]+:[^\s/@]+@/i.test(v)) {
    return true;
  }
  if (/[^A-Za-z0-9 ._:/@,-]/.test(v)) {
    return true;
  }
  return v.split(/[^A-Za-z0-9]+/).some((run) => (run.length >= 10 && /[0-9]/.test(run) && /[A-Za-z]/.test(run)) || run.length >= 24);
}

/** UTF-8 bytes of a string (the module stays free of Node's Buffer). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
    } else if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    } else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  return out;
}

/**
 * The base64 characters that encode only the value's own bits when the value starts `offset`
 * bytes into a 3-byte group: the characters at the edges mix in the neighbouring bytes of the
 * stream (unknown here), so they are left out. Character i covers bits [6i, 6i+6).
 */
function base64Inner(bytes: readonly number[], offset: number): string {
  const full = base64([...new Array<number>(offset).fill(0), ...bytes, 0, 0]);
  const first = Math.ceil((8 * offset) / 6);
  const end = Math.floor((8 * (offset + bytes.length)) / 6);
  return full.slice(first, end);
}

function hex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Percent-encoding of everything but unreserved characters (what strict encoders emit). */
function percentAll(bytes: readonly number[]): string {
  return bytes.map((b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

function lowerPercents(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

/** The literal forms a value can take in tool output, raw first. */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>([value]);
  if (value.length > MAX_ENCODED_LENGTH) {
    return [...forms];
  }
  const bytes = utf8(value);
  let component = value;
  try {
    component = encodeURIComponent(value);
  } catch {
    // a lone surrogate: no URL form
  }
  for (const url of [component, percentAll(bytes)]) {
    for (const v of [url, lowerPercents(url), url.replace(/%20/g, '+')]) {
      forms.add(v);
    }
  }
  forms.add(JSON.stringify(value).slice(1, -1));
  const h = hex(bytes);
  forms.add(h);
  forms.add(h.toUpperCase());
  for (let offset = 0; offset < 3; offset++) {
    const inner = base64Inner(bytes, offset);
    forms.add(inner);
    forms.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  // an encoded form too short to be specific would redact random text
  return [...forms].filter((f) => f === value || f.length >= MIN_SECRET_LENGTH);
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * A compiled set of known secret values. Build it once per run; `redact` is linear in the text.
 */
export class SecretValues {
  private readonly entries: SecretValueEntry[] = [];
  // the automaton, one slot per node: most nodes have one child, kept inline; more go to a Map
  private readonly char: number[] = [-1];
  private readonly child: number[] = [0];
  private readonly more: (Map<number, number> | undefined)[] = [undefined];
  private readonly fail: number[] = [0];
  /** Length of the longest form ending at the node (its own, or through failure links), or 0. */
  private readonly len: number[] = [0];
  /** The entry of that form. */
  private readonly entry: number[] = [-1];
  private maxLen = 0;

  /**
   * Values that are not candidates (`isSecretValueCandidate`) are dropped; plain strings are named
   * `a known secret`. Multi-line values also count line by line.
   */
  constructor(values: Iterable<SecretValueEntry | string>) {
    const seen = new Set<string>();
    const add = (value: string, source: string): void => {
      const v = value.trim();
      if (this.entries.length >= MAX_VALUES || seen.has(v) || !isSecretValueCandidate(v)) {
        return;
      }
      seen.add(v);
      this.entries.push({ value: v, source });
    };
    for (const item of values) {
      const { value, source } = typeof item === 'string' ? { value: item, source: 'a known secret' } : item;
      add(value, source);
      if (/[\r\n]/.test(value)) {
        for (const line of value.split(/\r?\n|\r/)) {
          add(line, source);
        }
      }
    }
    this.compile();
  }

  /** No values: `redact` returns its input. */
  static readonly empty = new SecretValues([]);

  /** How many distinct values are matched. */
  get size(): number {
    return this.entries.length;
  }

  /** Where the values came from, in order (never the values). */
  sources(): string[] {
    return [...new Set(this.entries.map((e) => e.source))];
  }

  private next(node: number, c: number): number | undefined {
    return this.char[node] === c ? this.child[node] : this.more[node]?.get(c);
  }

  private children(node: number): [number, number][] {
    const out: [number, number][] = this.char[node] >= 0 ? [[this.char[node], this.child[node]]] : [];
    return this.more[node] ? [...out, ...(this.more[node] as Map<number, number>)] : out;
  }

  private compile(): void {
    // line breaks never take part in a match (they are skipped in the text), so forms drop them
    this.entries.forEach((entry, index) => {
      for (const form of encodedForms(entry.value)) {
        const f = form.replace(/[\r\n]/g, '');
        if (f.length > 0) {
          this.insert(f, index);
        }
      }
    });
    // breadth first, so a node's failure target (shallower) is complete before the node
    const queue = this.children(0).map(([, kid]) => kid);
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head];
      if (this.len[id] === 0) {
        this.len[id] = this.len[this.fail[id]];
        this.entry[id] = this.entry[this.fail[id]];
      }
      for (const [c, kid] of this.children(id)) {
        let f = this.fail[id];
        while (f !== 0 && this.next(f, c) === undefined) {
          f = this.fail[f];
        }
        this.fail[kid] = this.next(f, c) ?? 0;
        queue.push(kid);
      }
    }
  }

  private insert(form: string, entry: number): void {
    let id = 0;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      let kid = this.next(id, c);
      if (kid === undefined) {
        kid = this.char.length;
        this.char.push(-1);
        this.child.push(0);
        this.more.push(undefined);
        this.fail.push(0);
        this.len.push(0);
        this.entry.push(-1);
        if (this.char[id] < 0) {
          this.char[id] = c;
          this.child[id] = kid;
        } else {
          const m = this.more[id] ?? new Map<number, number>();
          m.set(c, kid);
          this.more[id] = m;
        }
      }
      id = kid;
    }
    if (form.length > this.len[id]) {
      this.len[id] = form.length;
      this.entry[id] = entry;
    }
    this.maxLen = Math.max(this.maxLen, form.length);
  }

  /**
   * Replace every occurrence of a value, in any of its forms, by `[REDACTED value of <source>]`.
   * Overlapping matches become one marker naming each source once (no part of a value is left).
   */
  redact(text: string): ValueRedaction {
    if (this.entries.length === 0 || text.length < MIN_SECRET_LENGTH) {
      return { text, count: 0 };
    }
    // original positions of the last maxLen matched (non-line-break) characters, as a ring
    const ring = new Int32Array(this.maxLen + 1);
    let seen = 0;
    let state = 0;
    const starts: number[] = [];
    const ends: number[] = [];
    const sources: number[][] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isLineBreak(c)) {
        continue;
      }
      ring[seen % ring.length] = i;
      seen++;
      let next = this.next(state, c);
      while (next === undefined && state !== 0) {
        state = this.fail[state];
        next = this.next(state, c);
      }
      state = next ?? 0;
      const len = this.len[state];
      if (len === 0) {
        continue;
      }
      let start = ring[(seen - len) % ring.length];
      const end = i + 1;
      let from = [this.entry[state]];
      // a match overlapping earlier ones absorbs them
      while (ends.length > 0 && ends[ends.length - 1] > start) {
        start = Math.min(start, starts.pop() as number);
        ends.pop();
        const earlier = sources.pop() as number[];
        const added = from.filter((e) => !earlier.includes(e));
        from = added.length === 0 ? earlier : [...earlier, ...added].slice(0, 3);
      }
      starts.push(start);
      ends.push(end);
      sources.push(from);
    }
    if (starts.length === 0) {
      return { text, count: 0 };
    }
    let out = '';
    let last = 0;
    for (let k = 0; k < starts.length; k++) {
      const names = sources[k].map((e) => this.entries[e].source).join(', ');
      out += `${text.slice(last, starts[k])}[REDACTED value of ${names}]`;
      last = ends[k];
    }
    return { text: out + text.slice(last), count: starts.length };
  }
}

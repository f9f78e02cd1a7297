import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, Document, YAMLMap, YAMLSeq, Scalar, Pair } from 'yaml';
import type { Node as YamlNode, ParsedNode } from 'yaml';
import { TextIndex } from '../text';
import { ENTRY_PARSE_MIN, parseByEntries, remapDocument, shiftDocument } from './yamlEntries';
import type { Range } from '../types';
import { TextCache } from '../caches';

export { isMap, isSeq, isScalar, isPair, isAlias };
export type { YAMLMap, YAMLSeq, Scalar, Pair, YamlNode, ParsedNode };

/** A parse problem at a place in the text. */
export interface ParseProblem {
  message: string;
  range: Range;
}

/** A YAML file parsed once, shared by every rule of its kind. */
export interface YamlFile {
  text: string;
  index: TextIndex;
  documents: Document.Parsed[];
  /** The first error the parser reported, if any. */
  error?: ParseProblem;
}

/** Options of `parseYamlFile`. */
export interface YamlParseOptions {
  /**
   * Reuse documents parsed earlier from the same text (on-type analysis re-parses only the
   * documents that changed). Only for callers that drop the result before the next parse:
   * reused documents get their positions shifted in place.
   */
  reuseDocuments?: boolean;
  /**
   * Cached chunks already handed out in this analysis run (several files analysed together must
   * not share one cached document: each would shift it to its own offsets). Defaults to a set
   * for this call only.
   */
  usedChunks?: Set<object>;
}

interface CachedChunk {
  documents: Document.Parsed[];
  /** Offset the documents' ranges are currently relative to. */
  base: number;
  /** The first error of the chunk, relative to the chunk start. */
  error?: { message: string; start: number; end: number };
}

// parsed YAML takes about 30 bytes of heap per character: this keeps the cache near 45 MB
const chunkCache = new TextCache<CachedChunk>(1_500_000);

/** Parse every document of a YAML stream, keeping positions. Never throws. */
export function parseYamlFile(text: string, index = new TextIndex(text), options: YamlParseOptions = {}): YamlFile {
  // Document markers at column 0 always end a document (YAML 1.2), so a stream can be parsed
  // chunk by chunk; directives and explicit document ends are rare: parse those whole.
  if (!options.reuseDocuments || /^(%|\.\.\.(\s|$))/m.test(text)) {
    const whole = parseChunk(text);
    const error = whole.error ? { message: whole.error.message, range: index.range(whole.error.start, Math.max(whole.error.end, whole.error.start)) } : undefined;
    return { text, index, documents: whole.documents, error };
  }
  const starts = [0];
  const marker = /^---(?=[ \t]|\r?\n|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    if (m.index > 0) {
      starts.push(m.index);
    }
  }
  const documents: Document.Parsed[] = [];
  let error: ParseProblem | undefined;
  const usedHere = options.usedChunks ?? new Set<object>();
  for (let i = 0; i < starts.length; i++) {
    const base = starts[i];
    const chunkText = text.slice(base, i + 1 < starts.length ? starts[i + 1] : text.length);
    // small documents too: a stream of 30 eight-line Services re-parsed at every keystroke cost
    // more than the one edited Deployment
    let chunk = chunkCache.get(chunkText);
    if ((!chunk || usedHere.has(chunk)) && chunkText.length >= ENTRY_PARSE_MIN) {
      // a large changed document: re-parse only the entries that changed
      const doc = parseByEntries(text, base, base + chunkText.length, usedHere);
      if (doc) {
        documents.push(doc);
        continue;
      }
    }
    if (chunk && !usedHere.has(chunk)) {
      if (chunk.base !== base) {
        shiftDocuments(chunk.documents, base - chunk.base);
        chunk.base = base;
      }
    } else {
      const parsed = parseChunk(chunkText);
      shiftDocuments(parsed.documents, base);
      chunk = { documents: parsed.documents, base, error: parsed.error };
      if (!chunkCache.has(chunkText)) {
        chunkCache.set(chunkText, chunk);
      }
    }
    usedHere.add(chunk);
    documents.push(...chunk.documents);
    if (!error && chunk.error) {
      error = { message: chunk.error.message, range: index.range(base + chunk.error.start, base + Math.max(chunk.error.end, chunk.error.start)) };
    }
  }
  return { text, index, documents, error };
}

function parseChunk(text: string): { documents: Document.Parsed[]; error?: { message: string; start: number; end: number } } {
  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    // parseAllDocuments returns an EmptyStream (not an array) for empty input
    documents = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
  } catch (e) {
    return { documents: [], error: { message: e instanceof Error ? e.message : String(e), start: 0, end: 0 } };
  }
  for (const doc of documents) {
    if (doc.errors.length > 0) {
      const first = doc.errors[0];
      const lax = first.code === 'MISSING_CHAR' ? parseReindented(text) : undefined;
      return lax ?? { documents, error: { message: cleanMessage(first.message), start: first.pos[0], end: first.pos[1] } };
    }
  }
  return { documents };
}

/**
 * A quoted scalar whose continuation lines sit at (or left of) its key's column parses with
 * kubectl's and PyYAML's loaders, while this library wants them indented further. Such a text is
 * parsed with those lines indented (one column right of the key) and its ranges mapped back to
 * the text as written; undefined when there is no such scalar or the text still does not parse.
 */
function parseReindented(text: string): { documents: Document.Parsed[] } | undefined {
  const insertions: { at: number; count: number }[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let open: { quote: string; column: number } | undefined;
  for (const line of lines) {
    if (open) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      if (line.trim() !== '' && indent <= open.column) {
        insertions.push({ at: offset, count: open.column + 1 - indent });
      }
      if (closesAt(line, 0, open.quote) >= 0) {
        open = undefined;
      }
    } else {
      // `key: 'text` or `- key: "text` with the quote left open on this line
      const m = /^( *(?:- +)*)[^\s'"#][^:#]*:[ \t]+(['"])/.exec(line);
      if (m && closesAt(line, m[0].length, m[2]) < 0) {
        open = { quote: m[2], column: m[1].length };
      }
    }
    offset += line.length + 1;
  }
  if (insertions.length === 0) {
    return undefined;
  }
  let fixed = '';
  let from = 0;
  for (const ins of insertions) {
    fixed += text.slice(from, ins.at) + ' '.repeat(ins.count);
    from = ins.at;
  }
  fixed += text.slice(from);
  let documents: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(fixed, { prettyErrors: false, uniqueKeys: false });
    documents = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
  } catch {
    return undefined;
  }
  if (documents.some((d) => d.errors.length > 0)) {
    return undefined;
  }
  // an offset of the indented text → the same place in the text as written
  const map = (n: number): number => {
    let shift = 0;
    for (const ins of insertions) {
      const at = ins.at + shift;
      if (n < at) {
        break;
      }
      if (n < at + ins.count) {
        return ins.at;
      }
      shift += ins.count;
    }
    return n - shift;
  };
  for (const doc of documents) {
    remapDocument(doc, map);
  }
  return { documents };
}

/** Where a quoted scalar's closing `quote` is on `line` from `from`, or -1. */
function closesAt(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === "'" && line[i] === "'") {
      if (line[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
    if (quote === '"') {
      if (line[i] === '\\') {
        i++;
        continue;
      }
      if (line[i] === '"') {
        return i;
      }
    }
  }
  return -1;
}

/** Move every node range of the documents by `delta` characters. */
function shiftDocuments(documents: Document.Parsed[], delta: number): void {
  for (const doc of documents) {
    shiftDocument(doc, delta);
  }
}

function cleanMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Follow an alias to its target (one step; aliases of aliases are followed a bounded number of times). */
export function deref(node: unknown, doc?: Document): unknown {
  let n = node;
  for (let i = 0; i < 8 && isAlias(n); i++) {
    n = doc ? n.resolve(doc) : undefined;
  }
  return n;
}

/** The value node of `key` in a map (aliases resolved when `doc` is given); see getPair. */
export function get(node: unknown, key: string, doc?: Document): unknown {
  const pair = getPair(node, key, doc);
  return pair ? deref(pair.value, doc) : undefined;
}

/**
 * The pair of `key` in a map. A repeated key (see duplicateKeys) gives its last pair: the value
 * kubectl, GitLab and most YAML loaders keep.
 */
export function getPair(node: unknown, key: string, doc?: Document): Pair<unknown, unknown> | undefined {
  const map = deref(node, doc);
  if (!isMap(map)) {
    return undefined;
  }
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (isScalar(pair.key) && String(pair.key.value) === key) {
      return pair;
    }
  }
  return undefined;
}

/** A key written twice in one mapping. */
export interface DuplicateKey {
  key: string;
  /** The repeated key node's range (the later one). */
  range: Range;
  /** 0-based line of the key's previous occurrence. */
  previousLine: number;
}

/**
 * Keys repeated in one mapping, anywhere in the file. The parser keeps both pairs (real-world
 * loaders disagree: most keep the last, docker compose and GitHub reject the file), so the rules
 * read the last one and the engine reports the repeat.
 */
export function duplicateKeys(file: YamlFile): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (seen.has(node)) {
      return;
    }
    seen.add(node);
    if (isMap(node)) {
      const at = new Map<string, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key : undefined;
        const r = (key as { range?: [number, number, number] } | undefined)?.range;
        if (key && r && (typeof key.value === 'string' || typeof key.value === 'number' || typeof key.value === 'boolean')) {
          const name = String(key.value);
          const previous = at.get(name);
          // merge keys (`<<`) may repeat in YAML 1.1 style files
          if (previous !== undefined && name !== '<<') {
            out.push({ key: name, range: file.index.range(r[0], r[1]), previousLine: file.index.positionAt(previous).line });
          }
          at.set(name, r[0]);
        }
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        walk(item);
      }
    }
  };
  for (const doc of file.documents) {
    walk(doc.contents);
  }
  return out;
}

/** Walk a path of keys (strings) and sequence indexes (numbers). */
export function getIn(node: unknown, path: readonly (string | number)[], doc?: Document): unknown {
  let n: unknown = deref(node, doc);
  for (const step of path) {
    if (typeof step === 'number') {
      n = isSeq(n) ? deref(n.items[step], doc) : undefined;
    } else {
      n = get(n, step, doc);
    }
    if (n === undefined) {
      return undefined;
    }
  }
  return n;
}

/** The string value of a scalar (numbers and booleans as written), else undefined. */
export function str(node: unknown): string | undefined {
  if (!isScalar(node)) {
    return undefined;
  }
  const v = node.value;
  if (v === null || v === undefined) {
    return undefined;
  }
  if (typeof v === 'string') {
    return v;
  }
  return node.source ?? String(v);
}

/** The boolean value of a scalar (`true`/`false`, YAML 1.2 core schema), else undefined. */
export function bool(node: unknown): boolean | undefined {
  if (isScalar(node) && typeof node.value === 'boolean') {
    return node.value;
  }
  const s = str(node);
  if (s === 'true' || s === 'True' || s === 'TRUE') {
    return true;
  }
  if (s === 'false' || s === 'False' || s === 'FALSE') {
    return false;
  }
  return undefined;
}

/** The number value of a scalar, else undefined. */
export function num(node: unknown): number | undefined {
  if (isScalar(node) && typeof node.value === 'number') {
    return node.value;
  }
  const s = str(node);
  if (s !== undefined && /^-?\d+(\.\d+)?$/.test(s.trim())) {
    return Number(s);
  }
  return undefined;
}

/** Items of a sequence (aliases resolved), or [] when the node is not a sequence. */
export function seqItems(node: unknown, doc?: Document): unknown[] {
  const n = deref(node, doc);
  return isSeq(n) ? n.items.map((i) => deref(i, doc)) : [];
}

/** Pairs of a map with string keys, or [] when the node is not a map. */
export function mapEntries(node: unknown, doc?: Document): { key: string; pair: Pair<unknown, unknown>; value: unknown }[] {
  const n = deref(node, doc);
  if (!isMap(n)) {
    return [];
  }
  const out: { key: string; pair: Pair<unknown, unknown>; value: unknown }[] = [];
  for (const pair of n.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key !== undefined) {
      out.push({ key, pair, value: deref(pair.value, doc) });
    }
  }
  return out;
}

/** The source range of a node (the whole node, or a point at the start of the file when unknown). */
export function rangeOf(file: YamlFile, node: unknown): Range {
  const r = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!r) {
    return file.index.range(0, 0);
  }
  return file.index.range(r[0], r[1]);
}

/** Range of the key of `key` in a map (falls back to the map itself). */
export function keyRange(file: YamlFile, map: unknown, key: string, doc?: Document): Range {
  const pair = getPair(map, key, doc);
  if (pair && pair.key) {
    return rangeOf(file, pair.key);
  }
  return rangeOf(file, map);
}

/** Range of the value of `key` in a map (falls back to the key, then the map). */
export function valueRange(file: YamlFile, map: unknown, key: string, doc?: Document): Range {
  const pair = getPair(map, key, doc);
  if (pair && pair.value && (pair.value as { range?: unknown }).range) {
    return rangeOf(file, pair.value);
  }
  return keyRange(file, map, key, doc);
}

/** Range of the first line of a node (useful for "missing …" findings on a big block). */
export function headerRange(file: YamlFile, node: unknown): Range {
  const r = rangeOf(file, node);
  const line = r.start.line;
  const end = file.index.lineEndOffset(line);
  return { start: r.start, end: file.index.positionAt(end) };
}

/** The column (0-based) where the entries of a block map start, for inserting sibling keys. */
export function indentOf(file: YamlFile, node: unknown): number {
  const r = rangeOf(file, node);
  return r.start.character;
}

/** True when the text looks like a Helm or other Go template (the YAML is not final). */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('{{') && text.includes('}}');
}

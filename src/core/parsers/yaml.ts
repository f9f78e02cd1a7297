import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, Document, YAMLMap, YAMLSeq, Scalar, Pair } from 'yaml';
import type { Node as YamlNode, ParsedNode } from 'yaml';
import { TextIndex } from '../text';
import type { Range } from '../types';

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

/** Parse every document of a YAML stream, keeping positions. Never throws. */
export function parseYamlFile(text: string, index = new TextIndex(text)): YamlFile {
  let documents: Document.Parsed[] = [];
  let error: ParseProblem | undefined;
  try {
    documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false }) as Document.Parsed[];
    if (!Array.isArray(documents)) {
      // parseAllDocuments returns an EmptyStream (not an array) for empty input
      documents = [];
    }
  } catch (e) {
    error = { message: e instanceof Error ? e.message : String(e), range: index.lineRange(0) };
    documents = [];
  }
  for (const doc of documents) {
    if (!error && doc.errors.length > 0) {
      const first = doc.errors[0];
      const [start, end] = first.pos;
      error = { message: cleanMessage(first.message), range: index.range(start, Math.max(end, start)) };
    }
  }
  return { text, index, documents, error };
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

/** The value node of `key` in a map (aliases resolved when `doc` is given). */
export function get(node: unknown, key: string, doc?: Document): unknown {
  const map = deref(node, doc);
  if (!isMap(map)) {
    return undefined;
  }
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) {
      return deref(pair.value, doc);
    }
  }
  return undefined;
}

/** The pair of `key` in a map. */
export function getPair(node: unknown, key: string, doc?: Document): Pair<unknown, unknown> | undefined {
  const map = deref(node, doc);
  if (!isMap(map)) {
    return undefined;
  }
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) {
      return pair;
    }
  }
  return undefined;
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

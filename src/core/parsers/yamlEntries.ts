import { isMap, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import type { Document, Pair } from 'yaml';
import { TextCache } from '../caches';

/*
 * On-type parsing of one large YAML document (a compose file, a workflow, a GitLab pipeline) by
 * its entries. The `yaml` package has no incremental mode and parses a 1,000-line document in
 * 20-30 ms here, so a keystroke must not re-parse all of it. A block map's entries start at lines
 * with the map's indentation, so the document is cut there: each entry is parsed on its own and
 * kept, and a large entry whose value is itself a block map (`services:`, `jobs:`) is cut again
 * into its own entries. The pieces are put back together into one Document whose nodes carry the
 * positions of the whole text, so the rules cannot tell the difference; only comments may hang on
 * a neighbouring node, which no rule reads. Whenever the text does not have the plain shape this
 * relies on (flow or sequence roots, tabs, keys it does not recognise, anchors used across
 * entries, any parse error or warning in a piece), the caller parses the document whole.
 */

/** Entries at least this long are cut into their children when their value is a block map. */
const SPLIT_MIN = 1024;
/** Documents shorter than this are parsed whole. */
export const ENTRY_PARSE_MIN = 2048;

const OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/** A plain or quoted key at the start of a line's content, then `:` and a space or the line end. */
const KEY_LINE = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`][^\n#]*?|"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*')[ \t]*:(?=[ \t]|$)/;
/** What may follow the `:` of a key whose value is a block on the next lines. */
const NOTHING_AFTER = /^[ \t]*(#.*)?$/;

interface Line {
  start: number;
  /** Offset after the line break (or the text end). */
  next: number;
  indent: number;
  kind: 'blank' | 'comment' | 'key' | 'other';
  /** For key lines: the offset after the key's `:`. */
  colon: number;
}

interface CachedPiece {
  doc: Document.Parsed;
  /** The offset the piece's ranges are currently relative to. */
  base: number;
}

/**
 * Entry pieces and header pieces (key lines whose value is cut into children), by text. About 30
 * bytes of heap per parsed character: 1.5 M characters together, near 45 MB. The pieces of the
 * files being edited stay (used at every keystroke); the variants typed through go first.
 */
const pieces = new TextCache<CachedPiece>(1_400_000);
const headers = new TextCache<CachedPiece>(100_000);

/** KEY_LINE matched in place in the whole text (no copy of each line). */
const KEY_AT = new RegExp(KEY_LINE.source.slice(1).replace('(?=[ \\t]|$)', '(?=[ \\t]|\\r?\\n|$)'), 'y');

/** The lines of text[from, to), or undefined when one is indented with a tab or holds a lone CR. */
function scanLines(text: string, from: number, to: number): Line[] | undefined {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl >= to) {
      nl = to;
    }
    const next = Math.min(nl + 1, to);
    let i = start;
    while (i < nl && text.charCodeAt(i) === 32) {
      i++;
    }
    const cr = text.indexOf('\r', i);
    if (text.charCodeAt(i) === 9 || (cr >= 0 && cr < nl - 1)) {
      return undefined;
    }
    let kind: Line['kind'] = 'other';
    let colon = -1;
    const c = text.charCodeAt(i);
    if (i >= nl || (i === nl - 1 && c === 13) || /^[ \t\r]*$/.test(text.slice(i, nl))) {
      kind = 'blank';
    } else if (c === 35) {
      kind = 'comment';
    } else {
      KEY_AT.lastIndex = i;
      const m = KEY_AT.exec(text);
      if (m && i + m[0].length <= nl) {
        kind = 'key';
        colon = i + m[0].length;
      }
    }
    lines.push({ start, next, indent: i - start, kind, colon });
    start = next;
  }
  return lines;
}

/** Move the ranges of a node and everything under it by `delta` (a plain walk: yaml's visit is slower). */
function mapNode(node: unknown, map: (offset: number) => number): void {
  if (node === null || typeof node !== 'object') {
    return;
  }
  if (isPair(node)) {
    mapNode(node.key, map);
    mapNode(node.value, map);
    return;
  }
  const r = (node as { range?: [number, number, number] | null }).range;
  if (r) {
    r[0] = map(r[0]);
    r[1] = map(r[1]);
    r[2] = map(r[2]);
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      mapNode(item, map);
    }
  }
}

/** Move every node range of a document through `map` (offsets of one text to those of another). */
export function remapDocument(doc: Document.Parsed, map: (offset: number) => number): void {
  if (doc.range) {
    doc.range = [map(doc.range[0]), map(doc.range[1]), map(doc.range[2])];
  }
  mapNode(doc.contents, map);
}

/** Move every node range of a document by `delta`. */
export function shiftDocument(doc: Document.Parsed, delta: number): void {
  if (delta !== 0) {
    remapDocument(doc, (o) => o + delta);
  }
}

interface Session {
  text: string;
  used: Set<object>;
  splitMin: number;
}

/**
 * Parse text[from, to) on its own (cached by its text), as a document whose root is a block map,
 * with ranges of the whole text. `header`: the piece is a key line whose value comes from its
 * children; its cached pair is detached from the previous run's children before it moves.
 */
function piece(s: Session, from: number, to: number, header: boolean, items = 0): CachedPiece | undefined {
  const key = s.text.slice(from, to);
  const cache = header ? headers : pieces;
  let cached = cache.get(key);
  if (cached && !s.used.has(cached)) {
    if (header) {
      const pair = (cached.doc.contents as YAMLMap).items[0] as Pair<unknown, unknown>;
      pair.value = null;
    }
    shiftDocument(cached.doc, from - cached.base);
    cached.base = from;
  } else {
    const doc = parseDocument(key, OPTIONS) as Document.Parsed;
    const root = doc.contents;
    if (doc.errors.length > 0 || doc.warnings.length > 0) {
      return undefined;
    }
    // `items`: a run of that many sequence items (see buildSeq); else entries of a block map
    if (items > 0 ? !isSeq(root) || root.flow || root.items.length !== items : !isMap(root) || root.flow || root.items.length === 0) {
      return undefined;
    }
    if (header) {
      const pair = (root as YAMLMap).items[0] as Pair<unknown, unknown>;
      if ((root as YAMLMap).items.length !== 1 || !(isScalar(pair.value) && pair.value.value === null)) {
        return undefined;
      }
      pair.value = null;
    }
    shiftDocument(doc, from);
    cached = { doc, base: from };
    if (!cache.has(key)) {
      cache.set(key, cached);
    }
  }
  s.used.add(cached);
  return cached;
}

interface Built {
  map: YAMLMap | YAMLSeq;
  /** The piece that starts the map (its document carries what came before the first key). */
  firstDoc: Document.Parsed;
  lastDoc: Document.Parsed;
}

function rangeOfMap(doc: Document.Parsed): [number, number, number] {
  return (doc.contents as YAMLMap).range as [number, number, number];
}

/** Whether the last line of lines[from, to) that is not blank is a comment. */
function endsWithComment(lines: Line[], from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    if (lines[i].kind !== 'blank') {
      return lines[i].kind === 'comment';
    }
  }
  return false;
}

/**
 * The lines of lines[i0, i1) where the children at `indent` start (keys of a map, items of a
 * sequence, as `isChild` tells), or undefined when the block is not plainly shaped.
 */
function childStarts(lines: Line[], i0: number, i1: number, indent: number, isChild: (l: Line) => boolean): number[] | undefined {
  const starts: number[] = [];
  for (let i = i0; i < i1; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'comment') {
      continue;
    }
    if (l.indent < indent || (l.indent === indent && !isChild(l)) || (starts.length === 0 && l.indent !== indent)) {
      return undefined;
    }
    if (l.indent === indent) {
      starts.push(i);
    }
  }
  return starts.length > 0 ? starts : undefined;
}

/** A run of children parsed as one piece: starts[first..last], text [from, to). */
interface PieceRun {
  first: number;
  last: number;
  from: number;
  to: number;
}

/**
 * The pieces children are parsed in, or undefined when the block must be parsed whole. Comment
 * lines at the end of a piece: yaml hangs them on a node (and stretches its range) according to
 * what follows them, which a piece parsed alone cannot see. So such a piece takes the next child
 * along; at the end of a nested block (not `atEnd` of the document), the whole block is parsed in
 * one piece. Lines before the first child go with it; the last piece ends at `to`.
 */
function pieceRuns(lines: Line[], starts: number[], i1: number, from: number, to: number, atEnd: boolean): PieceRun[] | undefined {
  const endOf = (k: number): number => (k + 1 < starts.length ? starts[k + 1] : i1);
  const runs: PieceRun[] = [];
  for (let e = 0; e < starts.length; ) {
    let last = e;
    while (last + 1 < starts.length && endsWithComment(lines, starts[last], endOf(last))) {
      last++;
    }
    if (!atEnd && last + 1 === starts.length && endsWithComment(lines, starts[last], endOf(last))) {
      return undefined;
    }
    runs.push({ first: e, last, from: e === 0 ? from : lines[starts[e]].start, to: last + 1 < starts.length ? lines[endOf(last)].start : to });
    e = last + 1;
  }
  return runs;
}

/** Whether a line's content is a block sequence item (`- x`, or a lone `-`). */
function isItemLine(text: string, l: Line): boolean {
  if (l.kind !== 'other') {
    return false;
  }
  const at = l.start + l.indent;
  if (text.charCodeAt(at) !== 45) {
    return false;
  }
  const next = text.charCodeAt(at + 1);
  return at + 1 >= l.next || next === 32 || next === 10 || next === 13;
}

/**
 * The block sequence of lines[i0, i1) whose items start at `indent` (the `containers:` of a pod,
 * the `steps:` of a job): each item is parsed as its own piece, like the entries of a map, with
 * the same rule for comment lines at the end of an item. Lines before the first item go with it.
 */
function buildSeq(s: Session, lines: Line[], i0: number, i1: number, indent: number, from: number, to: number): Built | undefined {
  const starts = childStarts(lines, i0, i1, indent, (l) => isItemLine(s.text, l));
  const runs = starts && pieceRuns(lines, starts, i1, from, to, false);
  if (!runs) {
    return undefined;
  }
  const items: unknown[] = [];
  const seqs: YAMLSeq[] = [];
  const docs: Document.Parsed[] = [];
  for (const r of runs) {
    const run = piece(s, r.from, r.to, false, r.last - r.first + 1);
    if (!run) {
      return undefined;
    }
    const seq = run.doc.contents as YAMLSeq;
    items.push(...seq.items);
    seqs.push(seq);
    docs.push(run.doc);
  }
  const seq = new YAMLSeq(docs[0].schema);
  seq.items = items as YAMLSeq['items'];
  const first = seqs[0].range as [number, number, number];
  const last = seqs[seqs.length - 1].range as [number, number, number];
  seq.range = [first[0], last[1], last[2]];
  return { map: seq, firstDoc: docs[0], lastDoc: docs[docs.length - 1] };
}

/**
 * The block map of lines[i0, i1) whose keys are at `indent`; lines before its first key (blank or
 * comments) go with the first piece, and the last piece ends at `to`. `atEnd`: `to` is the end of
 * the document (only for the root map).
 */
function buildMap(s: Session, lines: Line[], i0: number, i1: number, indent: number, from: number, to: number, atEnd: boolean): Built | undefined {
  const starts = childStarts(lines, i0, i1, indent, (l) => l.kind === 'key');
  const runs = starts && pieceRuns(lines, starts, i1, from, to, atEnd);
  if (!starts || !runs) {
    return undefined;
  }
  const endOf = (k: number): number => (k + 1 < starts.length ? starts[k + 1] : i1);
  const items: unknown[] = [];
  let firstDoc: Document.Parsed | undefined;
  let lastDoc: Document.Parsed | undefined;
  let firstRange: [number, number, number] | undefined;
  let lastRange: [number, number, number] | undefined;
  for (const { first: e, last, from: pieceFrom, to: pieceTo } of runs) {
    const sj = starts[e];
    const ej = endOf(last);
    const keyLine = lines[sj];
    let entryDoc: Document.Parsed | undefined;
    let entryRange: [number, number, number] | undefined;
    let entryLast: Document.Parsed | undefined;
    let childFirst: number | undefined;
    for (let i = sj + 1; i < ej; i++) {
      if (lines[i].kind !== 'blank' && lines[i].kind !== 'comment') {
        childFirst = i;
        break;
      }
    }
    const childSeq = childFirst !== undefined && isItemLine(s.text, lines[childFirst]);
    if (
      last === e &&
      pieceTo - pieceFrom >= s.splitMin &&
      childFirst !== undefined &&
      (lines[childFirst].kind === 'key' || childSeq) &&
      lines[childFirst].indent > indent &&
      NOTHING_AFTER.test(s.text.slice(keyLine.colon, keyLine.next).replace(/\r?\n$/, ''))
    ) {
      const header = piece(s, pieceFrom, keyLine.next, true);
      const build = childSeq ? buildSeq : buildMap;
      const children = header ? build(s, lines, sj + 1, ej, lines[childFirst!].indent, keyLine.next, pieceTo, false) : undefined;
      if (header && children) {
        const headerMap = header.doc.contents as YAMLMap;
        const pair = headerMap.items[0] as Pair<unknown, unknown>;
        pair.value = children.map;
        const childRange = children.map.range as [number, number, number];
        // as yaml sets it: a map's value end is the end of its last value, comments included
        headerMap.range = [headerMap.range![0], childRange[2], childRange[2]];
        entryDoc = header.doc;
        entryLast = children.lastDoc;
        entryRange = headerMap.range as [number, number, number];
        items.push(pair);
      } else if (header) {
        // the header is not used (the entry is parsed whole below): another entry may take it
        s.used.delete(header);
      }
    }
    if (!entryDoc) {
      const whole = piece(s, pieceFrom, pieceTo, false);
      if (!whole) {
        return undefined;
      }
      entryDoc = whole.doc;
      entryRange = rangeOfMap(entryDoc);
      items.push(...(entryDoc.contents as YAMLMap).items);
    }
    firstDoc = firstDoc ?? entryDoc;
    firstRange = firstRange ?? entryRange;
    lastDoc = entryLast ?? entryDoc;
    lastRange = entryRange;
  }
  const map = new YAMLMap(firstDoc!.schema);
  map.items = items as YAMLMap['items'];
  map.range = [firstRange![0], lastRange![1], lastRange![2]];
  return { map, firstDoc: firstDoc!, lastDoc: lastDoc! };
}

/**
 * The document of text[from, to) built from separately parsed entries, or undefined when the
 * document must be parsed whole. `used`: pieces already handed out in this analysis run;
 * `splitMin`: the size from which an entry is cut into its children (lower in tests).
 */
export function parseByEntries(text: string, from: number, to: number, used: Set<object>, splitMin = SPLIT_MIN): Document.Parsed | undefined {
  const lines = scanLines(text, from, to);
  if (!lines) {
    return undefined;
  }
  // what comes before the first key: blank lines, comments and a bare `---` marker
  let first = 0;
  while (first < lines.length && lines[first].kind !== 'key') {
    const l = lines[first];
    const content = text.slice(l.start, l.next).trim();
    if (l.kind === 'other' && !(first === 0 && content === '---')) {
      return undefined;
    }
    first++;
  }
  if (first === lines.length || lines[first].indent !== 0) {
    return undefined;
  }
  const s: Session = { text, used, splitMin };
  const built = buildMap(s, lines, first, lines.length, 0, from, to, true);
  if (!built) {
    return undefined;
  }
  const { firstDoc, lastDoc, map } = built;
  // a copy of the first piece's document (with its non-enumerable node-type mark, which yaml's
  // visit and alias resolution check) holding the whole map
  const doc = Object.create(Object.getPrototypeOf(firstDoc) as object, Object.getOwnPropertyDescriptors(firstDoc)) as Document.Parsed;
  doc.contents = map as Document.Parsed['contents'];
  doc.range = [firstDoc.range[0], map.range![1], Math.max(map.range![2], lastDoc.range[2])];
  doc.errors = [];
  doc.warnings = [];
  return doc;
}

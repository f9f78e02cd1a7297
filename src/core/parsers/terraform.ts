import type { Node, Tree } from 'web-tree-sitter';
import { TextIndex } from '../text';
import type { Range } from '../types';
import { parserFor } from './treeSitter';
import type { ParseProblem } from './yaml';
import { onClearCaches } from '../caches';

/** An HCL expression reduced to plain data. */
export interface HclExpr {
  /** What the expression is. `reference` is a traversal such as `var.x` or `aws_s3_bucket.b.id`. */
  type: 'string' | 'number' | 'bool' | 'null' | 'template' | 'reference' | 'tuple' | 'object' | 'function' | 'heredoc' | 'conditional' | 'operation' | 'for' | 'other';
  raw: string;
  /** Literal value for strings without interpolation, numbers, bools and null. */
  value?: string | number | boolean | null;
  /** Tuple items. */
  items?: HclExpr[];
  /** Object entries (keys as written, quotes removed). */
  entries?: { key: string; keyRange: Range; value: HclExpr }[];
  /** Function name for calls. */
  fn?: string;
  /** Function call arguments; for `conditional`, the condition and both results. */
  args?: HclExpr[];
  /**
   * Traversal of a `reference`: `var.x.y[0]` gives ['var', 'x', 'y', '0']. A splat gives '*',
   * an index that is not a literal gives '?'.
   */
  path?: string[];
  /** Pieces of a template or heredoc: literal text and interpolated expressions, in order. */
  parts?: HclTemplatePart[];
  /** Whether a template or heredoc holds `%{…}` directives (its text is then not known statically). */
  directives?: boolean;
  /** Heredoc: offset of the first character of its content (the line after `<<EOT`). */
  contentStart?: number;
  range: Range;
  start: number;
  end: number;
}

/** A piece of a template: literal text (unescaped for quoted templates) at an offset, or an interpolation. */
export type HclTemplatePart = { literal: string; start: number } | { expr: HclExpr };

/** `name = expr` inside a body. */
export interface HclAttribute {
  name: string;
  nameRange: Range;
  value: HclExpr;
  range: Range;
}

/** `type "label" … { body }`. */
export interface HclBlock {
  type: string;
  labels: string[];
  /** Range of the whole block. */
  range: Range;
  /** Range of the header line (type and labels), where "missing …" findings go. */
  headerRange: Range;
  attributes: HclAttribute[];
  blocks: HclBlock[];
  /** Column where the block's body entries are indented (for inserted attributes). */
  bodyIndent: number;
  /** Offset just before the closing brace, where new attributes can be inserted. */
  closeOffset: number;
}

/** A Terraform file parsed once for all Terraform rules. */
export interface TerraformModel {
  blocks: HclBlock[];
  index: TextIndex;
}

/** Options of `parseTerraform`. */
export interface TerraformParseOptions {
  /**
   * On-type analysis: start from a recent parse of a similar text (the same file before the last
   * keystrokes). tree-sitter re-parses incrementally and unchanged top-level blocks are reused
   * instead of converted again. The result is identical to a fresh parse (a unit test checks it).
   */
  reuse?: boolean;
}

/** A recent parse kept for on-type reuse: its syntax tree and converted top-level blocks. */
interface RecentParse {
  text: string;
  index: TextIndex;
  tree: Tree;
  /** Top-level blocks by their [start, end) offsets; empty when the text did not parse. */
  tops: { start: number; end: number; block: HclBlock }[];
}

/** A few recent parses (one per file being edited is enough; a handful covers split editors). */
const recent: RecentParse[] = [];
onClearCaches(() => {
  for (const r of recent.splice(0)) {
    r.tree.delete();
  }
});
const MAX_RECENT = 4;
/** Texts this small parse fresh faster than the reuse bookkeeping pays back. */
const MIN_REUSE_CHARS = 2_000;

/** Parse a Terraform file with tree-sitter-terraform. Requires the terraform grammar. */
export function parseTerraform(text: string, index = new TextIndex(text), options: TerraformParseOptions = {}): { model?: TerraformModel; problem?: ParseProblem } {
  const reuse = options.reuse === true && text.length >= MIN_REUSE_CHARS ? takeSimilar(text, index) : undefined;
  const tree = reuse ? parserFor('terraform').parse(text, reuse.prev.tree) : parserFor('terraform').parse(text);
  reuse?.prev.tree.delete();
  if (!tree) {
    return { problem: { message: 'The Terraform parser gave up on this file', range: index.lineRange(0) } };
  }
  const entry: RecentParse | undefined = options.reuse === true && text.length >= MIN_REUSE_CHARS ? { text, index, tree, tops: [] } : undefined;
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const range = index.range(bad.startIndex, Math.max(bad.endIndex, bad.startIndex));
      const what = bad.isMissing ? `missing ${bad.type}` : 'unexpected text';
      return { problem: { message: `HCL syntax error: ${what}`, range: { start: range.start, end: range.start.line === range.end.line ? range.end : index.lineRange(range.start.line).end } } };
    }
    const body = root.namedChildren.find((c) => c?.type === 'body');
    if (!body) {
      return { model: { blocks: [], index } };
    }
    if (!entry) {
      return { model: { blocks: convertBody(body, index, text).blocks, index } };
    }
    const blocks: HclBlock[] = [];
    for (const child of body.namedChildren) {
      if (child?.type !== 'block') {
        continue;
      }
      const start = child.startIndex;
      const end = child.endIndex;
      const block = (reuse && reusedBlock(reuse, start, end, index)) ?? convertBlock(child, index, text);
      entry.tops.push({ start, end, block });
      blocks.push(block);
    }
    return { model: { blocks, index } };
  } finally {
    if (entry) {
      remember(entry);
    } else {
      tree.delete();
    }
  }
}

/** The edit that turns a recent text into `text`, as tree-sitter and the block reuse need it. */
interface Reuse {
  prev: RecentParse;
  /** Length of the common prefix. */
  prefix: number;
  /** Where the changed span ends in the old and in the new text (the common suffix follows). */
  oldEnd: number;
  newEnd: number;
}

/**
 * Take the recent parse closest to `text` out of the cache and apply the edit to its tree, or
 * return undefined when none shares most of its text (a different file: parse fresh).
 */
function takeSimilar(text: string, index: TextIndex): Reuse | undefined {
  let best: Reuse | undefined;
  let bestShared = 0;
  for (const prev of recent) {
    const old = prev.text;
    const max = Math.min(old.length, text.length);
    let prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) {
      prefix++;
    }
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) {
      suffix++;
    }
    const shared = prefix + suffix;
    if (shared > bestShared) {
      bestShared = shared;
      best = { prev, prefix, oldEnd: old.length - suffix, newEnd: text.length - suffix };
    }
  }
  if (!best || bestShared < text.length / 2) {
    return undefined;
  }
  recent.splice(recent.indexOf(best.prev), 1);
  const point = (p: { line: number; character: number }): { row: number; column: number } => ({ row: p.line, column: p.character });
  best.prev.tree.edit({
    startIndex: best.prefix,
    oldEndIndex: best.oldEnd,
    newEndIndex: best.newEnd,
    startPosition: point(index.positionAt(best.prefix)),
    oldEndPosition: point(best.prev.index.positionAt(best.oldEnd)),
    newEndPosition: point(index.positionAt(best.newEnd)),
  });
  return best;
}

function remember(entry: RecentParse): void {
  recent.unshift(entry);
  while (recent.length > MAX_RECENT) {
    recent.pop()?.tree.delete();
  }
}

/**
 * A converted block of the earlier parse that is still exact for the block at [start, end): one
 * wholly before the edit is the same object; one after it is a copy moved by the edit's offset
 * and line delta (characters keep their values because the block starts on a line after the edit).
 */
function reusedBlock(reuse: Reuse, start: number, end: number, index: TextIndex): HclBlock | undefined {
  const tops = reuse.prev.tops;
  if (end <= reuse.prefix) {
    return findTop(tops, start, end);
  }
  const delta = reuse.newEnd - reuse.oldEnd;
  if (start < reuse.newEnd || start - delta < reuse.oldEnd) {
    return undefined;
  }
  const line = index.positionAt(start).line;
  if (index.lineStartOffset(line) < reuse.newEnd) {
    return undefined;
  }
  const old = findTop(tops, start - delta, end - delta);
  if (!old) {
    return undefined;
  }
  const lineDelta = line - reuse.prev.index.positionAt(start - delta).line;
  return shiftBlock(old, delta, lineDelta);
}

function findTop(tops: RecentParse['tops'], start: number, end: number): HclBlock | undefined {
  let lo = 0;
  let hi = tops.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tops[mid];
    if (t.start === start) {
      return t.end === end ? t.block : undefined;
    }
    if (t.start < start) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return undefined;
}

function shiftRange(r: Range, lines: number): Range {
  return lines === 0 ? r : { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function shiftBlock(b: HclBlock, by: number, lines: number): HclBlock {
  return {
    type: b.type,
    labels: b.labels,
    range: shiftRange(b.range, lines),
    headerRange: shiftRange(b.headerRange, lines),
    attributes: b.attributes.map((a) => ({ name: a.name, nameRange: shiftRange(a.nameRange, lines), value: shiftExpr(a.value, by, lines), range: shiftRange(a.range, lines) })),
    blocks: b.blocks.map((c) => shiftBlock(c, by, lines)),
    bodyIndent: b.bodyIndent,
    closeOffset: b.closeOffset + by,
  };
}

function shiftExpr(e: HclExpr, by: number, lines: number): HclExpr {
  const out: HclExpr = { ...e, range: shiftRange(e.range, lines), start: e.start + by, end: e.end + by };
  if (e.items) {
    out.items = e.items.map((x) => shiftExpr(x, by, lines));
  }
  if (e.entries) {
    out.entries = e.entries.map((x) => ({ key: x.key, keyRange: shiftRange(x.keyRange, lines), value: shiftExpr(x.value, by, lines) }));
  }
  if (e.args) {
    out.args = e.args.map((x) => shiftExpr(x, by, lines));
  }
  if (e.parts) {
    out.parts = e.parts.map((p) => ('literal' in p ? { literal: p.literal, start: p.start + by } : { expr: shiftExpr(p.expr, by, lines) }));
  }
  if (e.contentStart !== undefined) {
    out.contentStart = e.contentStart + by;
  }
  return out;
}

function firstError(node: Node): Node {
  if (node.type === 'ERROR' || node.isMissing) {
    return node;
  }
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) {
      return firstError(child);
    }
  }
  return node;
}

function convertBody(body: Node, index: TextIndex, text: string): { attributes: HclAttribute[]; blocks: HclBlock[] } {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  for (const child of body.namedChildren) {
    if (!child) {
      continue;
    }
    if (child.type === 'attribute') {
      const id = child.namedChildren.find((c) => c?.type === 'identifier');
      const expr = child.namedChildren.find((c) => c?.type === 'expression');
      if (id && expr) {
        attributes.push({
          name: id.text,
          nameRange: index.range(id.startIndex, id.endIndex),
          value: convertExpr(expr, index, text),
          range: index.range(child.startIndex, child.endIndex),
        });
      }
    } else if (child.type === 'block') {
      blocks.push(convertBlock(child, index, text));
    }
  }
  return { attributes, blocks };
}

function convertBlock(node: Node, index: TextIndex, text: string): HclBlock {
  let type = '';
  const labels: string[] = [];
  let headerEnd = node.startIndex;
  let inner: Node | undefined;
  let closeOffset = node.endIndex - 1;
  for (const child of node.namedChildren) {
    if (!child) {
      continue;
    }
    if (child.type === 'identifier' && !type) {
      type = child.text;
      headerEnd = child.endIndex;
    } else if (child.type === 'string_lit' || child.type === 'identifier') {
      labels.push(stringLitValue(child));
      headerEnd = child.endIndex;
    } else if (child.type === 'body') {
      inner = child;
    } else if (child.type === 'block_end') {
      closeOffset = child.startIndex;
    }
  }
  const converted = inner ? convertBody(inner, index, text) : { attributes: [], blocks: [] };
  const start = index.positionAt(node.startIndex);
  let bodyIndent = start.character + 2;
  const firstEntry = inner?.namedChildren[0];
  if (firstEntry) {
    bodyIndent = index.positionAt(firstEntry.startIndex).character;
  }
  return {
    type,
    labels,
    range: index.range(node.startIndex, node.endIndex),
    headerRange: index.range(node.startIndex, headerEnd),
    attributes: converted.attributes,
    blocks: converted.blocks,
    bodyIndent,
    closeOffset,
  };
}

function stringLitValue(node: Node): string {
  const t = node.text;
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

function convertExpr(node: Node, index: TextIndex, text: string): HclExpr {
  const base = { raw: node.text, range: index.range(node.startIndex, node.endIndex), start: node.startIndex, end: node.endIndex };
  let n: Node = node;
  // expression → its single meaningful child, when it has one
  while (n.type === 'expression' && n.namedChildren.length === 1 && n.namedChildren[0]) {
    n = n.namedChildren[0];
  }
  switch (n.type) {
    case 'literal_value': {
      const lit = n.namedChildren[0];
      if (!lit) {
        return { ...base, type: 'other' };
      }
      if (lit.type === 'string_lit') {
        return { ...base, type: 'string', value: unescapeHcl(stringLitValue(lit)) };
      }
      if (lit.type === 'numeric_lit') {
        return { ...base, type: 'number', value: Number(lit.text) };
      }
      if (lit.type === 'bool_lit') {
        return { ...base, type: 'bool', value: lit.text === 'true' };
      }
      if (lit.type === 'null_lit') {
        return { ...base, type: 'null', value: null };
      }
      return { ...base, type: 'other' };
    }
    case 'template_expr': {
      const q = n.namedChildren[0];
      if (q && q.type === 'heredoc_template') {
        return convertHeredoc(q, base, index, text);
      }
      return q ? convertQuoted(q, base, index, text) : { ...base, type: 'template' };
    }
    case 'variable_expr':
      return { ...base, type: 'reference', path: [n.text] };
    case 'expression': {
      const first = n.namedChildren[0];
      if (first?.type === 'variable_expr') {
        return { ...base, type: 'reference', path: traversal(n) };
      }
      return { ...base, type: 'other' };
    }
    case 'conditional': {
      const parts = n.namedChildren.filter((x): x is Node => x !== null && x.type === 'expression').map((x) => convertExpr(x, index, text));
      return { ...base, type: 'conditional', args: parts };
    }
    case 'operation':
      return { ...base, type: 'operation' };
    case 'for_expr':
      return { ...base, type: 'for' };
    case 'collection_value': {
      const c = n.namedChildren[0];
      if (c && c.type === 'tuple') {
        return { ...base, type: 'tuple', items: c.namedChildren.filter((x): x is Node => x !== null && x.type === 'expression').map((x) => convertExpr(x, index, text)) };
      }
      if (c && c.type === 'object') {
        const entries: { key: string; keyRange: Range; value: HclExpr }[] = [];
        for (const elem of c.namedChildren) {
          if (!elem || elem.type !== 'object_elem') {
            continue;
          }
          const k = elem.childForFieldName('key');
          const v = elem.childForFieldName('val');
          if (k && v) {
            const keyExpr = convertExpr(k, index, text);
            entries.push({ key: typeof keyExpr.value === 'string' ? keyExpr.value : k.text, keyRange: keyExpr.range, value: convertExpr(v, index, text) });
          }
        }
        return { ...base, type: 'object', entries };
      }
      return { ...base, type: 'other' };
    }
    case 'function_call': {
      const id = n.namedChildren.find((x) => x?.type === 'identifier');
      const argsNode = n.namedChildren.find((x) => x?.type === 'function_arguments');
      const args = argsNode ? argsNode.namedChildren.filter((x): x is Node => x !== null && x.type === 'expression').map((x) => convertExpr(x, index, text)) : [];
      return { ...base, type: 'function', fn: id?.text, args };
    }
    default:
      return { ...base, type: 'other' };
  }
}

/** Steps of `a.b[0].c[*]` as strings (see HclExpr.path). */
function traversal(n: Node): string[] {
  const path: string[] = [];
  const step = (c: Node): void => {
    if (c.type === 'variable_expr' || c.type === 'identifier') {
      path.push(c.text);
    } else if (c.type === 'get_attr') {
      const id = c.namedChildren.find((x) => x?.type === 'identifier');
      path.push(id ? id.text : '?');
    } else if (c.type === 'index') {
      const inner = c.namedChildren[0];
      if (inner?.type === 'legacy_index') {
        path.push(inner.text.replace(/^\./, ''));
      } else {
        const e = inner?.namedChildren.find((x) => x?.type === 'expression');
        const lit = e && e.namedChildren.length === 1 ? e.namedChildren[0] : null;
        const val = lit?.type === 'literal_value' ? lit.namedChildren[0] : null;
        path.push(val ? (val.type === 'string_lit' ? stringLitValue(val) : val.text) : '?');
      }
    } else if (c.type === 'splat') {
      path.push('*');
      for (const s of c.namedChildren[0]?.namedChildren ?? []) {
        if (s) {
          step(s);
        }
      }
    }
  };
  for (const c of n.namedChildren) {
    if (c) {
      step(c);
    }
  }
  return path;
}

type ExprBase = Pick<HclExpr, 'raw' | 'range' | 'start' | 'end'>;

function convertQuoted(q: Node, base: ExprBase, index: TextIndex, text: string): HclExpr {
  const parts: HclTemplatePart[] = [];
  let directives = false;
  for (const c of q.namedChildren) {
    if (!c) {
      continue;
    }
    if (c.type === 'template_literal') {
      parts.push({ literal: unescapeHcl(c.text), start: c.startIndex });
    } else if (c.type === 'template_interpolation') {
      const e = c.namedChildren.find((x) => x?.type === 'expression');
      if (e) {
        parts.push({ expr: convertExpr(e, index, text) });
      }
    } else if (c.type === 'template_directive') {
      directives = true;
    }
  }
  const literalOnly = !directives && parts.every((p) => 'literal' in p);
  return { ...base, type: 'template', parts, directives, value: literalOnly ? parts.map((p) => ('literal' in p ? p.literal : '')).join('') : undefined };
}

function convertHeredoc(h: Node, base: ExprBase, index: TextIndex, text: string): HclExpr {
  const ids = h.namedChildren.filter((x): x is Node => x !== null && x.type === 'heredoc_identifier');
  const open = ids[0];
  const close = ids.length > 1 ? ids[ids.length - 1] : undefined;
  const openLine = index.positionAt(open ? open.endIndex : h.startIndex).line;
  const contentStart = index.lineStartOffset(openLine + 1);
  const contentEnd = close ? index.lineStartOffset(index.positionAt(close.startIndex).line) : h.endIndex;
  const parts: HclTemplatePart[] = [];
  let directives = false;
  let at = contentStart;
  for (const c of h.namedChildren) {
    if (!c || (c.type !== 'template_interpolation' && c.type !== 'template_directive')) {
      continue;
    }
    if (c.startIndex > at) {
      parts.push({ literal: text.slice(at, c.startIndex), start: at });
    }
    if (c.type === 'template_directive') {
      directives = true;
    } else {
      const e = c.namedChildren.find((x) => x?.type === 'expression');
      if (e) {
        parts.push({ expr: convertExpr(e, index, text) });
      }
    }
    at = c.endIndex;
  }
  if (contentEnd > at) {
    parts.push({ literal: text.slice(at, contentEnd), start: at });
  }
  const literalOnly = !directives && parts.every((p) => 'literal' in p);
  return { ...base, type: 'heredoc', parts, directives, contentStart, value: literalOnly ? parts.map((p) => ('literal' in p ? p.literal : '')).join('') : undefined };
}

function unescapeHcl(s: string): string {
  return s.replace(/\\(["\\nrt])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

/** The attribute named `name` of a block. */
export function attr(block: HclBlock, name: string): HclAttribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

/** Nested blocks of a block with a given type. */
export function blocksOf(block: HclBlock, type: string): HclBlock[] {
  return block.blocks.filter((b) => b.type === type);
}

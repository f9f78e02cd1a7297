import type { Node } from 'web-tree-sitter';
import { TextIndex } from '../text';
import type { Range } from '../types';
import { parserFor } from './treeSitter';
import type { ParseProblem } from './yaml';

/** An HCL expression reduced to plain data. */
export interface HclExpr {
  /** What the expression is. `reference` is a traversal such as `var.x` or `aws_s3_bucket.b.id`. */
  type: 'string' | 'number' | 'bool' | 'null' | 'template' | 'reference' | 'tuple' | 'object' | 'function' | 'heredoc' | 'other';
  raw: string;
  /** Literal value for strings without interpolation, numbers, bools and null. */
  value?: string | number | boolean | null;
  /** Tuple items. */
  items?: HclExpr[];
  /** Object entries (keys as written, quotes removed). */
  entries?: { key: string; keyRange: Range; value: HclExpr }[];
  /** Function name for calls. */
  fn?: string;
  /** Function call arguments. */
  args?: HclExpr[];
  range: Range;
  start: number;
  end: number;
}

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

/** Parse a Terraform file with tree-sitter-terraform. Requires the terraform grammar. */
export function parseTerraform(text: string): { model?: TerraformModel; problem?: ParseProblem } {
  const index = new TextIndex(text);
  const tree = parserFor('terraform').parse(text);
  if (!tree) {
    return { problem: { message: 'The Terraform parser gave up on this file', range: index.lineRange(0) } };
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const range = index.range(bad.startIndex, Math.max(bad.endIndex, bad.startIndex));
      const what = bad.isMissing ? `missing ${bad.type}` : 'unexpected text';
      return { problem: { message: `HCL syntax error: ${what}`, range: { start: range.start, end: range.start.line === range.end.line ? range.end : index.lineRange(range.start.line).end } } };
    }
    const body = root.namedChildren.find((c) => c?.type === 'body');
    const blocks = body ? convertBody(body, index, text).blocks : [];
    return { model: { blocks, index } };
  } finally {
    tree.delete();
  }
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
        return { ...base, type: 'heredoc' };
      }
      return { ...base, type: 'template' };
    }
    case 'variable_expr':
      return { ...base, type: 'reference' };
    case 'expression':
      if (n.namedChildren[0]?.type === 'variable_expr') {
        return { ...base, type: 'reference' };
      }
      return { ...base, type: 'other' };
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

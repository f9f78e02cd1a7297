import type { HclAttribute, HclBlock, HclExpr } from '../../../parsers/terraform';
import type { TextIndex } from '../../../text';
import type { Fix, Range } from '../../../types';

/** Range of an attribute from its name to the end of its first line (where findings go). */
export function attrRange(index: TextIndex, attr: HclAttribute): Range {
  const line = attr.nameRange.start.line;
  const end = attr.range.end.line === line ? attr.range.end : index.positionAt(index.lineEndOffset(line));
  return { start: attr.nameRange.start, end };
}

/** `type.name` of a resource or data block, as Terraform addresses it. */
export function address(block: HclBlock): string {
  return block.labels.join('.');
}

/**
 * A fix inserting `lines` (already without indentation) as new attributes at the end of a block,
 * indented like the block's body. Undefined when the block closes on the line it opens.
 */
export function insertAttributes(index: TextIndex, block: HclBlock, lines: readonly string[], title: string, safe: boolean): Fix | undefined {
  const closeLine = index.positionAt(block.closeOffset).line;
  if (closeLine === block.range.start.line) {
    return undefined;
  }
  const lineStart = index.lineStartOffset(closeLine);
  if (index.text.slice(lineStart, block.closeOffset).trim() !== '') {
    return undefined;
  }
  const indent = ' '.repeat(block.bodyIndent);
  const eol = index.eol;
  const newText = lines.map((l) => indent + l + eol).join('');
  const at = index.positionAt(lineStart);
  return { title, safe, edits: [{ range: { start: at, end: at }, newText }] };
}

/** A fix replacing an attribute's value expression with `newText`. */
export function replaceValue(attr: HclAttribute, newText: string, title: string, safe: boolean): Fix {
  return { title, safe, edits: [{ range: attr.value.range, newText }] };
}

/** Every reference path inside an expression (through lists, objects, calls, templates, conditionals). */
export function referencesIn(expr: HclExpr | undefined, out: string[][] = []): string[][] {
  if (!expr) {
    return out;
  }
  if (expr.type === 'reference' && expr.path) {
    out.push(expr.path);
  }
  for (const i of expr.items ?? []) {
    referencesIn(i, out);
  }
  for (const e of expr.entries ?? []) {
    referencesIn(e.value, out);
  }
  for (const a of expr.args ?? []) {
    referencesIn(a, out);
  }
  for (const p of expr.parts ?? []) {
    if ('expr' in p) {
      referencesIn(p.expr, out);
    }
  }
  if (expr.type === 'operation' || expr.type === 'for' || expr.type === 'other') {
    // not converted structurally: fall back to the text for traversals such as `aws_s3_bucket.b.id`
    for (const m of expr.raw.matchAll(/\b([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g)) {
      out.push([m[1], m[2], ...(m[3] ? [m[3]] : [])]);
    }
  }
  return out;
}

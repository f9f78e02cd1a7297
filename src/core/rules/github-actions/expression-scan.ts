/** Visit every expression of a workflow: `${{ }}` in string values and bare `if:` conditions. */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import type { YamlFile } from '../../parsers/yaml';
import type { MappedValue, Workflow } from './workflow';
import { findExpressions, mapScalar } from './workflow';
import { KeptOn } from '../../memo';

/** One expression in the file. */
export interface FoundExpression {
  value: MappedValue;
  /** Offsets of the expression text (inside the braces) in the value. */
  start: number;
  end: number;
  text: string;
  /** For `${{`: whether the closing `}}` was found. */
  closed: boolean;
  /** Offsets of the whole `${{ … }}` (or the bare condition) in the value. */
  outerStart: number;
  outerEnd: number;
}

const cache = new KeptOn<Workflow, FoundExpression[]>();

/** Every expression of the workflow, in document order (computed once per parsed workflow). */
export function expressionsOf(file: YamlFile, wf: Workflow): FoundExpression[] {
  let out = cache.get(wf);
  if (!out) {
    out = [];
    collect(file, wf.doc.contents, false, out);
    cache.set(wf, out);
  }
  return out;
}

function collect(file: YamlFile, node: unknown, isIf: boolean, out: FoundExpression[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair)) {
        collect(file, pair.value, isScalar(pair.key) && pair.key.value === 'if', out);
      }
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      collect(file, item, false, out);
    }
  } else if (isScalar(node) && typeof node.value === 'string') {
    const value = node.value;
    if (value.includes('${{')) {
      const mapped = mapScalar(file, node as Scalar);
      for (const e of findExpressions(value)) {
        out.push({ value: mapped, start: e.start + 3, end: e.closed ? e.end - 2 : e.end, text: e.inner, closed: e.closed, outerStart: e.start, outerEnd: e.end });
      }
    } else if (isIf && value.trim() !== '') {
      // `if:` of a job or step is an expression even without ${{ }}
      out.push({ value: mapScalar(file, node as Scalar), start: 0, end: value.length, text: value, closed: true, outerStart: 0, outerEnd: value.length });
    }
  }
}

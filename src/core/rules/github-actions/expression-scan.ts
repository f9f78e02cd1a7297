/** Visit every expression of a workflow: `${{ }}` in string values and bare `if:` conditions. */
import { isScalar, visit } from 'yaml';
import type { Scalar } from 'yaml';
import type { YamlFile } from '../../parsers/yaml';
import type { MappedValue, Workflow } from './workflow';
import { findExpressions, mapScalar } from './workflow';

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

/** Every expression of the workflow, in document order. */
export function expressionsOf(file: YamlFile, wf: Workflow): FoundExpression[] {
  const out: FoundExpression[] = [];
  visit(wf.doc, {
    Pair(_key, pair) {
      // `if:` of a job or step is an expression even without ${{ }}
      if (isScalar(pair.key) && pair.key.value === 'if' && isScalar(pair.value) && typeof pair.value.value === 'string') {
        const value = pair.value.value;
        if (!value.includes('${{') && value.trim() !== '') {
          const mapped = mapScalar(file, pair.value as Scalar);
          out.push({ value: mapped, start: 0, end: value.length, text: value, closed: true, outerStart: 0, outerEnd: value.length });
        }
      }
      return undefined;
    },
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${{')) {
        return undefined;
      }
      const mapped = mapScalar(file, node);
      for (const e of findExpressions(mapped.value)) {
        out.push({ value: mapped, start: e.start + 3, end: e.closed ? e.end - 2 : e.end, text: e.inner, closed: e.closed, outerStart: e.start, outerEnd: e.end });
      }
      return undefined;
    },
  });
  return out;
}

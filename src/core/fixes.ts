import { TextIndex, comparePositions } from './text';
import type { Finding, TextEdit } from './types';

/** Result of applying fixes to a text. */
export interface FixResult {
  text: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Findings whose fix overlapped an earlier one (apply again after re-analysis). */
  skipped: Finding[];
}

/**
 * Apply the fixes of `findings` to `text`. Fixes whose edits overlap an already accepted fix
 * are skipped, so the result is always well defined; run analysis again to pick them up.
 * Only fixes marked safe are applied unless `includeUnsafe` is set.
 */
export function applyFixes(text: string, findings: readonly Finding[], includeUnsafe = false): FixResult {
  const index = new TextIndex(text);
  const accepted: { start: number; end: number; newText: string; order: number }[] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  let order = 0;
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || (!fix.safe && !includeUnsafe)) {
      continue;
    }
    const edits = fix.edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText, order: order++ }));
    const overlaps = edits.some((e) => accepted.some((a) => overlapsEdit(a, e)));
    if (overlaps) {
      skipped.push(finding);
      continue;
    }
    accepted.push(...edits);
    applied.push(finding);
  }
  accepted.sort((a, b) => b.start - a.start || b.order - a.order);
  let out = text;
  for (const e of accepted) {
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return { text: out, applied, skipped };
}

function overlapsEdit(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) {
    return a.start === b.start;
  }
  return a.start < b.end && b.start < a.end || (a.start === b.start);
}

/** Apply plain edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new TextIndex(text);
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, index.offsetAt(e.range.start)) + e.newText + out.slice(index.offsetAt(e.range.end));
  }
  return out;
}

import { createHash } from 'crypto';
import type { Finding } from '../core';

/**
 * The flagged text of a finding with its layout taken out: the lines from the range's start to its
 * end (an end at column 0 of a later line does not take that line), each trimmed and with runs of
 * blanks made one space. Lines moving, re-indenting or changing around the finding leave it alone.
 */
export function flaggedText(text: string, finding: Finding): string {
  const lines = text.split(/\r?\n/);
  const first = finding.range.start.line;
  let last = finding.range.end.line;
  if (last > first && finding.range.end.character === 0) {
    last--;
  }
  return lines
    .slice(first, last + 1)
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .join('\n');
}

/**
 * A fingerprint of a finding that survives line moves: the rule, the file (as given: callers pick
 * the base it is relative to) and the flagged text — never the line number nor the message (which
 * may name lines). Equal findings on equal lines share one; callers count them.
 */
export function fingerprint(ruleId: string, file: string, flagged: string): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${flagged}`).digest('hex');
}

/** The fingerprints of the findings of one file, in order. */
export function fingerprintsOf(file: string, text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => fingerprint(f.ruleId, file, flaggedText(text, f)));
}

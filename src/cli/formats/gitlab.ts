import type { Severity } from '../../core';
import type { FileFindings } from '../format';
import { fingerprintsOf } from '../../node/fingerprint';

/** A GitLab Code Quality issue (the Code Climate subset GitLab reads). */
export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * Our three levels on GitLab's five: info stays info, a warning is minor and an error major, the
 * mapping other linters' Code Quality formatters use; critical and blocker are left for tools that
 * rank security impact, which a severity here does not claim.
 */
export const GITLAB_SEVERITY: Record<Severity, CodeQualityIssue['severity']> = { info: 'info', warning: 'minor', error: 'major' };

/**
 * A GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with one issue per
 * finding. `textOf` gives a file's text for the fingerprint (rule, path, flagged text), made
 * unique within the report by counting repeats, so the merge-request widget tracks a finding
 * across commits that only move it.
 */
export function toGitlab(results: readonly FileFindings[], textOf: (file: string) => string): CodeQualityIssue[] {
  const out: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  for (const { file, findings } of results) {
    const prints = fingerprintsOf(file, textOf(file), findings);
    findings.forEach((f, i) => {
      const n = seen.get(prints[i]) ?? 0;
      seen.set(prints[i], n + 1);
      out.push({
        type: 'issue',
        description: `${f.message} [${f.ruleId}]`,
        check_name: f.ruleId,
        fingerprint: n === 0 ? prints[i] : `${prints[i]}-${n}`,
        severity: GITLAB_SEVERITY[f.severity],
        location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      });
    });
  }
  return out;
}

import type { Finding, Severity } from '../../core';
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
 * The issues of a GitLab Code Quality report, file by file. The fingerprint (rule, path, flagged
 * text, see fingerprintsOf) is made unique within the report by counting repeats, so the
 * merge-request widget tracks a finding across commits that only move it.
 */
export class GitlabIssues {
  private readonly seen = new Map<string, number>();

  /** The issues of one file's findings; `prints`: their fingerprints (fingerprintsOf). */
  file(file: string, findings: readonly Finding[], prints: readonly string[]): CodeQualityIssue[] {
    return findings.map((f, i) => {
      const n = this.seen.get(prints[i]) ?? 0;
      this.seen.set(prints[i], n + 1);
      return {
        type: 'issue',
        description: `${f.message} [${f.ruleId}]`,
        check_name: f.ruleId,
        fingerprint: n === 0 ? prints[i] : `${prints[i]}-${n}`,
        severity: GITLAB_SEVERITY[f.severity],
        location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      };
    });
  }
}

/**
 * A GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with one issue per
 * finding. `textOf` gives a file's text for the fingerprints (see GitlabIssues).
 */
export function toGitlab(results: readonly FileFindings[], textOf: (file: string) => string): CodeQualityIssue[] {
  const issues = new GitlabIssues();
  return results.flatMap(({ file, findings }) => issues.file(file, findings, fingerprintsOf(file, textOf(file), findings)));
}

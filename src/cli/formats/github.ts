import type { Finding, Severity } from '../../core';
import type { FileFindings } from '../format';

/** The workflow command for each severity (`notice` is what GitHub calls an info annotation). */
const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape the message of a workflow command: `%`, CR and LF (the runner's own escaping). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value of a workflow command: as data, plus `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The GitHub Actions workflow command of one finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::message`): the runner turns
 * it into an annotation on the pull request's changed lines. Positions are 1-based; a finding that
 * spans lines gets no columns.
 */
export function githubCommand(file: string, f: Finding): string {
  const oneLine = f.range.start.line === f.range.end.line;
  // the runner refuses columns on an annotation that spans lines (@actions/core says so too)
  const props: [string, string | number][] = [
    ['file', file],
    ['line', f.range.start.line + 1],
    ...(oneLine ? ([['col', f.range.start.character + 1]] as [string, number][]) : []),
    ['endLine', f.range.end.line + 1],
    ...(oneLine ? ([['endColumn', f.range.end.character + 1]] as [string, number][]) : []),
    ['title', f.ruleId],
  ];
  const properties = props.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}`;
}

/**
 * The notice annotation of a run's skipped files (see skippedSummaryLine), without a file: GitHub
 * shows it on the run's summary page. '' when nothing was skipped.
 */
export function githubSkippedNotice(summary: string): string {
  return summary ? `::notice title=${escapeProperty('aurora-devops skipped files')}::${escapeData(summary)}` : '';
}

/** The workflow commands of all findings, one per line (see githubCommand), then the skipped files' notice. */
export function toGithubCommands(results: readonly FileFindings[], skippedSummary = ''): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      lines.push(githubCommand(file, f));
    }
  }
  const notice = githubSkippedNotice(skippedSummary);
  if (notice) {
    lines.push(notice);
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

import { catalog, ENGINE_RULES } from '../core';
import type { CatalogEntry, Finding, Severity } from '../core';

/** Findings of one file, as the CLI reports them. */
export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** The JSON output shape: 1-based positions. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: Severity;
  message: string;
  fixable: boolean;
}

/** The text output's line of one finding. */
export function textLine(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]`;
}

/** The text output's last line. */
export function textSummary(counts: Record<Severity, number>, fixable: number, fileCount: number): string {
  const total = counts.error + counts.warning + counts.info;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  if (total === 0) {
    return `No problems found in ${files}.`;
  }
  return (
    `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${files}` +
    (fixable > 0 ? `; ${fixable} fixable with \`aurora-devops fix\`.` : '.')
  );
}

/** `file:line:col: severity message [rule-id]` lines and a summary. */
export function formatText(results: readonly FileFindings[], fileCount: number): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const { file, findings } of results) {
    for (const f of findings) {
      counts[f.severity]++;
      fixable += f.fix ? 1 : 0;
      lines.push(textLine(file, f));
    }
  }
  lines.push(textSummary(counts, fixable, fileCount));
  return lines.join('\n') + '\n';
}

/** One finding as the JSON output shows it. */
export function jsonFinding(file: string, f: Finding): JsonFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    fixable: f.fix !== undefined,
  };
}

/** The JSON array of findings. */
export function toJson(results: readonly FileFindings[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      out.push(jsonFinding(file, f));
    }
  }
  return out;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Markdown help of a rule for SARIF and the catalog. */
export function ruleHelpMarkdown(entry: CatalogEntry): string {
  const eq = entry.equivalents.map((e) => `${e.tool} ${e.id}`).join(', ');
  return `**${entry.title}**\n\n${entry.description}\n\n` + (eq ? `Equivalent checks: ${eq}.\n\n` : '') + `Documentation: ${entry.docs}`;
}

/** One SARIF result. `ruleIndex`: rule ids by their index in the driver's rules. */
export function sarifResult(file: string, f: Finding, ruleIndex: ReadonlyMap<string, number>): object {
  return {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
      },
    ],
    ...(f.related && f.related.length > 0
      ? {
          relatedLocations: f.related.map((r, i) => ({
            id: i,
            message: { text: r.message },
            physicalLocation: {
              artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' },
              region: { startLine: r.range.start.line + 1, startColumn: r.range.start.character + 1 },
            },
          })),
        }
      : {}),
  };
}

/** The rules of a SARIF log and each rule id's index among them. */
export function sarifRules(): { rules: CatalogEntry[]; ruleIndex: Map<string, number> } {
  const rules = catalog(ENGINE_RULES);
  return { rules, ruleIndex: new Map(rules.map((r, i) => [r.id, i])) };
}

/** A SARIF 2.1.0 log, as GitHub code scanning accepts it. */
export function toSarif(results: readonly FileFindings[], version: string): object {
  const { rules, ruleIndex } = sarifRules();
  const sarifResults = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      sarifResults.push(sarifResult(file, f, ruleIndex));
    }
  }
  return sarifLog(rules, sarifResults, version);
}

/** The SARIF log around its results. */
export function sarifLog(rules: readonly CatalogEntry[], results: readonly unknown[], version: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aurora-devops',
            fullName: 'Aurora DevOps',
            version,
            semanticVersion: version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              help: { text: `${r.description} See ${r.docs}.`, markdown: ruleHelpMarkdown(r) },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity as Severity] ?? 'warning' },
              properties: { tags: [r.kind, ...r.equivalents.map((e) => `${e.tool}:${e.id}`)] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI(process.cwd().split('\\').join('/').replace(/\/?$/, '/')) } },
        results,
      },
    ],
  };
}

import { catalog, ENGINE_RULES } from '../core';
import type { CatalogEntry, Finding, Severity } from '../core';
import { ruleDocsUrl } from './ruleLinks';

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

/** `file:line:col: severity message [rule-id]` lines and a summary. */
export function formatText(results: readonly FileFindings[], fileCount: number): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { file, findings } of results) {
    for (const f of findings) {
      counts[f.severity]++;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]`);
    }
  }
  const total = counts.error + counts.warning + counts.info;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  if (total === 0) {
    lines.push(`No problems found in ${files}.`);
  } else {
    const fixable = results.reduce((n, r) => n + r.findings.filter((f) => f.fix).length, 0);
    lines.push(
      `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${files}` +
        (fixable > 0 ? `; ${fixable} fixable with \`aurora-devops fix\`.` : '.'),
    );
  }
  return lines.join('\n') + '\n';
}

/** The JSON array of findings. */
export function toJson(results: readonly FileFindings[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      out.push({
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        fixable: f.fix !== undefined,
      });
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

/** A SARIF 2.1.0 log, as GitHub code scanning accepts it. */
export function toSarif(results: readonly FileFindings[], version: string): object {
  const rules = catalog(ENGINE_RULES);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      sarifResults.push({
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
      });
    }
  }
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
              ...(ruleDocsUrl(r.docs) ? { helpUri: ruleDocsUrl(r.docs) } : {}),
              defaultConfiguration: { level: SARIF_LEVEL[r.severity as Severity] ?? 'warning' },
              properties: { tags: [r.kind, ...r.equivalents.map((e) => `${e.tool}:${e.id}`)] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI(process.cwd().split('\\').join('/').replace(/\/?$/, '/')) } },
        results: sarifResults,
      },
    ],
  };
}

import { catalog, ENGINE_RULES } from '../core';
import type { CatalogEntry, Finding, Severity, SkipReason } from '../core';
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

/**
 * Why a candidate file was not analysed: core `skipReason`, a parse error, an exclude pattern, or
 * `unrecognised` (a YAML file of none of the kinds the rules know: Helm values, tool settings…).
 */
export type SkippedReason = SkipReason | 'parse-error' | 'excluded' | 'unrecognised';

/** Why files were not analysed, counted by reason. */
export type SkippedCounts = Partial<Record<SkippedReason, number>>;

/** What the text summary says about the files of a run. */
export interface FileTally {
  /** Infrastructure files the rules ran on. */
  analysed: number;
  /** Infrastructure files recognised but not analysed, by reason. */
  skipped: SkippedCounts;
}

/** Options of the text output. */
export interface TextOptions {
  /** The least severe findings listed (default warning: info findings are counted, not listed). */
  minSeverity?: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

const SKIP_WORDS: Record<SkippedReason, string> = {
  template: 'Helm/Go template',
  'too-large': 'too large',
  binary: 'binary',
  'parse-error': 'does not parse',
  excluded: 'excluded',
  unrecognised: 'not recognised',
};

/**
 * Whether a skipped file is listed one by one (JSON entries, SARIF notifications). Files not
 * recognised are only counted: listing every Helm values file or tool setting would drown the
 * findings, and the user did not ask about them.
 */
export function listsSkipped(sk: SkippedFile): boolean {
  return sk.reason !== 'unrecognised';
}

/** Whether `fix` applies a finding's fix (it applies safe fixes only). */
export function fixApplies(f: Finding): boolean {
  return f.fix?.safe === true;
}

/** Skipped files counted by reason. */
export function countSkipped(skipped: readonly SkippedFile[]): SkippedCounts {
  const out: SkippedCounts = {};
  for (const sk of skipped) {
    out[sk.reason] = (out[sk.reason] ?? 0) + 1;
  }
  return out;
}

/** The skipped files of a run, in words: `3 skipped (2 Helm/Go template, 1 too large)`. */
export function skippedText(skipped: SkippedCounts): string {
  const parts = (Object.keys(SKIP_WORDS) as (keyof typeof SKIP_WORDS)[]).filter((k) => (skipped[k] ?? 0) > 0).map((k) => `${skipped[k]} ${SKIP_WORDS[k]}`);
  const total = (Object.values(skipped) as number[]).reduce((n, v) => n + v, 0);
  return total === 0 ? '' : `${total} skipped (${parts.join(', ')})`;
}

/** The text output's line of one finding. */
export function textLine(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.message} [${f.ruleId}]`;
}

/**
 * What the text output's summary counts: every finding by severity, those `fix` applies, those
 * with a change to review, and those below the least severity listed (counted, not listed).
 */
/** Folders of test data and fixtures: findings there are counted apart in the summary. */
const TEST_FOLDER = /(^|[\\/])(testdata|test|tests|__tests__|e2e|fixtures|_archived)[\\/]/i;

export class TextCounts {
  private readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  private readonly min: number;
  private hidden = 0;
  private inTests = 0;
  private fixable = 0;
  private review = 0;

  constructor(minSeverity: Severity = 'warning') {
    this.min = SEVERITY_RANK[minSeverity];
  }

  /** Count a finding (of the file at `path`); whether the output lists it. */
  add(f: Finding, path?: string): boolean {
    this.counts[f.severity]++;
    // `fix` applies safe fixes whatever the severity shown
    if (fixApplies(f)) {
      this.fixable++;
    } else if (f.fix) {
      this.review++;
    }
    if (SEVERITY_RANK[f.severity] < this.min) {
      this.hidden++;
      return false;
    }
    if (path !== undefined && TEST_FOLDER.test(path)) {
      this.inTests++;
    }
    return true;
  }

  /** The summary line (without its newline). */
  summary(tally: FileTally): string {
    const { counts, fixable, review, hidden } = this;
    const total = counts.error + counts.warning + counts.info;
    const where = `${tally.analysed} file${tally.analysed === 1 ? '' : 's'}` + (skippedText(tally.skipped) ? `; ${skippedText(tally.skipped)}` : '');
    const hiddenText = hidden > 0 ? ` ${hidden} info not shown (--severity info lists them).` : '';
    const testsText = this.inTests > 0 ? ` ${this.inTests} of those listed are under test-data folders (testdata/, test/, e2e/, fixtures/…): leave them out with --exclude or exclude: in aurora.yaml.` : '';
    if (total === 0) {
      return `No problems found in ${where}.`;
    }
    const fixText = fixable > 0 ? `; ${fixable} fixable with \`aurora-devops fix\`` + (review > 0 ? `, ${review} more with a suggested change to review` : '') : review > 0 ? `; ${review} with a suggested change to review` : '';
    return `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info) in ${where}` + fixText + '.' + hiddenText + testsText;
  }
}

/**
 * `file:line:col: severity message [rule-id]` lines and a summary. Findings below `minSeverity`
 * (info, by default) are counted in the summary but not listed. `files` is the number of files
 * analysed, or a tally that also counts the files skipped, by reason.
 */
export function formatText(results: readonly FileFindings[], files: number | FileTally, options: TextOptions = {}): string {
  const tally: FileTally = typeof files === 'number' ? { analysed: files, skipped: {} } : files;
  const counts = new TextCounts(options.minSeverity);
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      if (counts.add(f, file)) {
        lines.push(textLine(file, f));
      }
    }
  }
  lines.push(counts.summary(tally));
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
    fixable: fixApplies(f),
  };
}

/** A JSON entry for a recognised file that was not analysed (`ruleId` is `skipped/<reason>`). */
export interface JsonSkipped extends JsonFinding {
  skipped: SkippedReason;
}

/** The JSON entry of a skipped file (see toJson). */
export function jsonSkipped(sk: SkippedFile): JsonSkipped {
  return { file: sk.file, line: 1, column: 1, endLine: 1, endColumn: 1, ruleId: `skipped/${sk.reason}`, severity: 'info', message: skippedMessage(sk.reason), fixable: false, skipped: sk.reason };
}

/**
 * The JSON array of findings, then one `skipped/<reason>` entry (info, line 1) for each skipped
 * file that no finding already stands for: a Helm/Go template or an excluded file (too-large,
 * binary and unparsable files have their `file-too-large` / `parse-error` finding; files not
 * recognised are counted in the summaries only, see listsSkipped).
 */
export function toJson(results: readonly FileFindings[], skipped: readonly SkippedFile[] = []): JsonFinding[] {
  const out: JsonFinding[] = [];
  const reported = new Set<string>();
  for (const { file, findings } of results) {
    for (const f of findings) {
      reported.add(file);
      out.push(jsonFinding(file, f));
    }
  }
  for (const sk of skipped) {
    if (!reported.has(sk.file) && listsSkipped(sk)) {
      out.push(jsonSkipped(sk));
    }
  }
  return out;
}

/**
 * The one-line account of a run's skipped files for the formats whose report holds findings only
 * (github: a notice annotation; gitlab: a line on stderr): `4 files not analysed: 2 Helm/Go
 * template, 1 excluded, 1 not recognised`; '' when none was skipped.
 */
export function skippedSummaryLine(analysed: number, skipped: SkippedCounts): string {
  const parts = (Object.keys(SKIP_WORDS) as (keyof typeof SKIP_WORDS)[]).filter((k) => (skipped[k] ?? 0) > 0).map((k) => `${skipped[k]} ${SKIP_WORDS[k]}`);
  const total = (Object.values(skipped) as number[]).reduce((n, v) => n + v, 0);
  return total === 0 ? '' : `${analysed} file${analysed === 1 ? '' : 's'} analysed; ${total} not analysed: ${parts.join(', ')}`;
}

/** What a skipped file's notification or entry says. */
export function skippedMessage(reason: SkippedReason): string {
  return `Not analysed: ${SKIP_WORDS[reason]}`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Markdown help of a rule for SARIF and the catalog. */
export function ruleHelpMarkdown(entry: CatalogEntry): string {
  const eq = entry.equivalents.map((e) => `${e.tool} ${e.id}`).join(', ');
  return `**${entry.title}**\n\n${entry.description}\n\n` + (eq ? `Equivalent checks: ${eq}.\n\n` : '') + `Documentation: ${entry.docs}`;
}

/** A file recognised but not analysed, and why. */
export interface SkippedFile {
  file: string;
  reason: SkippedReason;
}

/**
 * A SARIF 2.1.0 log, as GitHub code scanning accepts it. Skipped files are tool execution
 * notifications of the invocation (seen by SARIF viewers, not raised as alerts), and their
 * counts by reason are in the run's properties.
 */
export function toSarif(results: readonly FileFindings[], version: string, skipped: readonly SkippedFile[] = []): object {
  const { rules, ruleIndex } = sarifRules();
  const sarifResults = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      sarifResults.push(sarifResult(file, f, ruleIndex));
    }
  }
  return sarifLog(rules, sarifResults, version, skipped);
}

/** The rules of a SARIF log and each rule id's index among them. */
export function sarifRules(): { rules: CatalogEntry[]; ruleIndex: Map<string, number> } {
  const rules = catalog(ENGINE_RULES);
  return { rules, ruleIndex: new Map(rules.map((r, i) => [r.id, i])) };
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

/** The SARIF log around its results. */
export function sarifLog(rules: readonly CatalogEntry[], results: readonly unknown[], version: string, skipped: readonly SkippedFile[] = []): object {
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
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: skipped.filter(listsSkipped).map((sk) => ({
              level: 'note',
              descriptor: { id: `skipped/${sk.reason}` },
              message: { text: skippedMessage(sk.reason) },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(sk.file), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        properties: { skipped: countSkipped(skipped) },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI(process.cwd().split('\\').join('/').replace(/\/?$/, '/')) } },
        results,
      },
    ],
  };
}

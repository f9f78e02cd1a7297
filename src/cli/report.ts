import type { Finding, Severity } from '../core';
import { jsonFinding, sarifLog, sarifResult, sarifRules, textLine, textSummary } from './format';

/*
 * `check` reports while it analyses: each file's findings are written as soon as every file before
 * it is done, so a tree of 20,000 files never holds all texts or all findings at once. The bytes are
 * exactly those of the buffered formatters in format.ts (formatText, JSON.stringify of toJson and
 * toSarif with two-space indentation); test/unit/report.test.ts compares them.
 */

export type ReportFormat = 'text' | 'json' | 'sarif';

/** Receives the findings of each file, in the order files are reported, then `end`. */
export interface Reporter {
  /** Text for the findings of one file ('' when there is nothing to write yet). */
  file(path: string, findings: readonly Finding[]): string;
  /** The rest of the report; `analysed`: how many files were of a kind the core analyses. */
  end(analysed: number): string;
}

/** `JSON.stringify(value, null, 2)`, every line indented by `indent` more. */
function nested(value: unknown, indent: string): string {
  return indent + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + indent);
}

/**
 * The text before and after the items of an array inside `JSON.stringify(doc, null, 2)`, where
 * `holder(doc)` is that array: the document is printed with a marker item, and split around it.
 */
function around(doc: object, holder: (doc: object) => unknown[]): { head: string; indent: string; tail: string; empty: string } {
  const empty = JSON.stringify(doc, null, 2);
  const marker = '\u0000aurora-items\u0000';
  holder(doc).push(marker);
  const text = JSON.stringify(doc, null, 2);
  holder(doc).pop();
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return { head: text.slice(0, lineStart), indent: text.slice(lineStart, at), tail: text.slice(at + quoted.length), empty };
}

/** Items of a JSON array written one by one (`head`, items joined by ",\n", `tail`). */
class ArrayWriter<T> {
  private count = 0;
  constructor(
    private readonly parts: { head: string; indent: string; tail: string; empty: string },
    private readonly item: (path: string, f: Finding) => T,
  ) {}

  file(path: string, findings: readonly Finding[]): string {
    let out = '';
    for (const f of findings) {
      out += (this.count === 0 ? this.parts.head : ',\n') + nested(this.item(path, f), this.parts.indent);
      this.count++;
    }
    return out;
  }

  end(): string {
    return (this.count === 0 ? this.parts.empty : this.parts.tail) + '\n';
  }
}

/** A reporter for the given format (the SARIF driver names `version`). */
export function createReporter(format: ReportFormat, version: string): Reporter {
  if (format === 'json') {
    const writer = new ArrayWriter({ head: '[\n', indent: '  ', tail: '\n]', empty: '[]' }, jsonFinding);
    return { file: (p, fs) => writer.file(p, fs), end: () => writer.end() };
  }
  if (format === 'sarif') {
    const { rules, ruleIndex } = sarifRules();
    const results: unknown[] = [];
    const parts = around(sarifLog(rules, results, version), () => results);
    const writer = new ArrayWriter(parts, (p, f) => sarifResult(p, f, ruleIndex));
    return { file: (p, fs) => writer.file(p, fs), end: () => writer.end() };
  }
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  return {
    file(path, findings) {
      let out = '';
      for (const f of findings) {
        counts[f.severity]++;
        fixable += f.fix ? 1 : 0;
        out += textLine(path, f) + '\n';
      }
      return out;
    },
    end: (analysed) => textSummary(counts, fixable, analysed) + '\n',
  };
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import type { Finding, Severity } from '../core';
import { countSkipped, jsonFinding, jsonSkipped, listsSkipped, sarifLog, sarifResult, sarifRules, skippedSummaryLine, TextCounts, textLine } from './format';
import type { SkippedFile } from './format';
import { githubCommand, githubSkippedNotice } from './formats/github';
import { GitlabIssues } from './formats/gitlab';

/*
 * `check` reports while it analyses: each file's findings are written as soon as every file before
 * it is done, so a tree of 20,000 files never holds all texts or all findings at once. The bytes are
 * exactly those of the whole-report formatters (formatText, toGithubCommands, and JSON.stringify
 * with two-space indentation of toJson, toSarif and toGitlab); test/unit/report.test.ts compares
 * them. SARIF lists the skipped files before the results, so its results go to a temporary file
 * (unlinked once open where the platform allows) and are copied out after the head at the end.
 */

export type ReportFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab';

/** Files recognised by the core, as the end of a report counts them. */
export interface ReportTally {
  /** Files the rules ran on. */
  analysed: number;
  /** Files recognised but not analysed, in report order. */
  skipped: readonly SkippedFile[];
}

/** Receives the findings of each file, in the order files are reported, then `end`. */
export interface Reporter {
  /**
   * Text for the findings of one file ('' when there is nothing to write yet). `prints`: their
   * fingerprints (fingerprintsOf), which only the gitlab format needs (see `needsPrints`).
   */
  file(path: string, findings: readonly Finding[], prints?: readonly string[]): string;
  /** The rest of the report, in chunks. */
  end(tally: ReportTally): Iterable<string>;
  /** Whether `file` needs the fingerprints of the findings (computed from the file's text). */
  readonly needsPrints: boolean;
  /**
   * A line for stderr at the end ('' for none): what a format whose output must stay a list of
   * findings (gitlab's Code Quality array) cannot say itself, such as the files skipped.
   */
  stderrEnd?(tally: ReportTally): string;
}

/** Options of a report: the SARIF driver's `version`, the least severity the text lists. */
export interface ReportOptions {
  version: string;
  minSeverity?: Severity;
}

/** `JSON.stringify(value, null, 2)`, every line indented by `indent` more. */
function nested(value: unknown, indent: string): string {
  return indent + JSON.stringify(value, null, 2).replace(/\n/g, '\n' + indent);
}

interface ArrayParts {
  head: string;
  indent: string;
  tail: string;
  empty: string;
}

/**
 * The text before and after the items of an array inside `JSON.stringify(doc, null, 2)`, where
 * `holder` is that array: the document is printed with a marker item, and split around it.
 */
function around(doc: object, holder: unknown[]): ArrayParts {
  const empty = JSON.stringify(doc, null, 2);
  const marker = '\u0000aurora-items\u0000';
  holder.push(marker);
  const text = JSON.stringify(doc, null, 2);
  holder.pop();
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return { head: text.slice(0, lineStart), indent: text.slice(lineStart, at), tail: text.slice(at + quoted.length), empty };
}

/** The top-level JSON array of the json and gitlab formats. */
const TOP_ARRAY: ArrayParts = { head: '[\n', indent: '  ', tail: '\n]', empty: '[]' };

/** Items of a JSON array written one by one: the items joined by ",\n" inside `parts`. */
class ArrayWriter {
  private count = 0;

  /** The items of one file; `parts`: where the array is, once known (SARIF: at the end). */
  items(items: readonly unknown[], parts: ArrayParts): string {
    let out = '';
    for (const item of items) {
      out += (this.count === 0 ? parts.head : ',\n') + nested(item, parts.indent);
      this.count++;
    }
    return out;
  }

  end(parts: ArrayParts): string {
    return (this.count === 0 ? parts.empty : parts.tail) + '\n';
  }
}

/** A reporter for the given format. */
export function createReporter(format: ReportFormat, options: ReportOptions): Reporter {
  if (format === 'json' || format === 'gitlab') {
    const writer = new ArrayWriter();
    const gitlab = new GitlabIssues();
    // json: files with findings, to list after them the skipped files no finding stands for
    const reported = new Set<string>();
    return {
      needsPrints: format === 'gitlab',
      file(p, found, prints) {
        if (format === 'gitlab') {
          return writer.items(gitlab.file(p, found, prints ?? []), TOP_ARRAY);
        }
        if (found.length > 0) {
          reported.add(p);
        }
        return writer.items(found.map((f) => jsonFinding(p, f)), TOP_ARRAY);
      },
      end: (tally) => [(format === 'json' ? writer.items(tally.skipped.filter((sk) => !reported.has(sk.file) && listsSkipped(sk)).map(jsonSkipped), TOP_ARRAY) : '') + writer.end(TOP_ARRAY)],
      // a Code Quality report is an array of issues GitLab shows in the merge request: skipped
      // files are no issue of the code, so their count goes to the job log
      stderrEnd: (tally) => {
        const line = format === 'gitlab' ? skippedSummaryLine(tally.analysed, countSkipped(tally.skipped)) : '';
        return line ? `aurora-devops: ${line}\n` : '';
      },
    };
  }
  if (format === 'sarif') {
    const { rules, ruleIndex } = sarifRules();
    const writer = new ArrayWriter();
    // the head (with the skipped files) is known at the end: the results wait in a file till
    // then; their indentation is the same whatever the head holds
    const held: unknown[] = [];
    const itemParts: ArrayParts = { ...around(sarifLog(rules, held, options.version), held), head: '' };
    const spill = new Spill();
    return {
      needsPrints: false,
      file(p, found) {
        spill.write(writer.items(found.map((f) => sarifResult(p, f, ruleIndex)), itemParts));
        return '';
      },
      *end(tally) {
        const results: unknown[] = [];
        const parts = around(sarifLog(rules, results, options.version, tally.skipped), results);
        if (spill.size > 0) {
          yield parts.head;
          yield* spill.read();
        }
        yield writer.end(parts);
      },
    };
  }
  if (format === 'github') {
    return {
      needsPrints: false,
      file: (p, found) => found.map((f) => githubCommand(p, f) + '\n').join(''),
      // one notice annotation (on the run, not on a file) counts the skipped files by reason
      end: (tally) => {
        const notice = githubSkippedNotice(skippedSummaryLine(tally.analysed, countSkipped(tally.skipped)));
        return notice ? [notice + '\n'] : [];
      },
    };
  }
  const counts = new TextCounts(options.minSeverity);
  return {
    needsPrints: false,
    file(p, findings) {
      let out = '';
      for (const f of findings) {
        if (counts.add(f, p)) {
          out += textLine(p, f) + '\n';
        }
      }
      return out;
    },
    end: (tally) => [counts.summary({ analysed: tally.analysed, skipped: countSkipped(tally.skipped) }) + '\n'],
  };
}

/** Text kept in a temporary file until it is read back once, in chunks. */
class Spill {
  size = 0;
  private fd: number | undefined;
  private dir: string | undefined;

  write(text: string): void {
    if (text.length === 0) {
      return;
    }
    if (this.fd === undefined) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-report-'));
      const file = path.join(this.dir, 'results');
      this.fd = fs.openSync(file, 'w+', 0o600);
      try {
        // gone from the disk as soon as the process ends, whatever way it ends
        fs.unlinkSync(file);
        fs.rmdirSync(this.dir);
        this.dir = undefined;
      } catch {
        // Windows keeps open files: removed after reading
      }
    }
    const bytes = Buffer.from(text, 'utf8');
    fs.writeSync(this.fd, bytes, 0, bytes.length, this.size);
    this.size += bytes.length;
  }

  *read(): Iterable<string> {
    if (this.fd === undefined) {
      return;
    }
    const fd = this.fd;
    try {
      const chunk = Buffer.alloc(1 << 20);
      const decoder = new StringDecoder('utf8');
      for (let at = 0; at < this.size; ) {
        const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, this.size - at), at);
        if (n <= 0) {
          throw new Error('the report\'s temporary file ended early');
        }
        at += n;
        yield decoder.write(chunk.subarray(0, n));
      }
      yield decoder.end();
    } finally {
      fs.closeSync(fd);
      this.fd = undefined;
      if (this.dir) {
        fs.rmSync(this.dir, { recursive: true, force: true });
      }
    }
  }
}

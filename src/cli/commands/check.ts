import * as path from 'path';
import { parseArgs } from 'util';
import { detectKind, PARSE_ERROR, skipReason } from '../../core';
import type { Finding, Severity } from '../../core';
import { createAnalyzer } from '../parallel';
import type { JobFile } from '../parallel';
import type { Command } from '../io';
import { UsageError, writeErr, writeOut } from '../io';
import { cliExcludes, collectFiles, displayPath, envFor, excludedBy, loadConfigFile, readText, recognisedExcluded } from '../files';
import type { SkippedFile } from '../format';
import { createReporter } from '../report';
import type { ReportFormat } from '../report';
import { VERSION } from '../version';
import { baselineEnd, baselineFile, baselineMode } from '../baseline';
import { changedScope, changedSince } from '../changed';
import { fingerprintsOf } from '../../node/fingerprint';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
/** A batch of whole folders is analysed once it holds this many files or characters. */
const BATCH_FILES = 200;
const BATCH_CHARS = 4_000_000;

/** What the report needs of one file once it is analysed (its text is not kept). */
interface Outcome {
  findings: Finding[];
  prints?: string[];
  /** Of a kind the core recognises: analysed, or skipped for this reason. */
  recognised?: { skipped?: SkippedFile['reason'] };
}

/** `aurora-devops check`: analyse files and report findings. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Analyse infrastructure files and report problems',
  usage: 'aurora-devops check [paths...] [--format text|json|sarif|github|gitlab] [--config FILE] [--fail-on error|warning|info|never] [--severity info|warning|error] [--baseline FILE | --write-baseline FILE] [--changed-since REF] [--exclude GLOB]...',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'fail-on': { type: 'string', default: 'warning' },
        // the least severe findings the text output lists (info is counted but not listed by default)
        severity: { type: 'string', default: 'warning' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'changed-since': { type: 'string' },
        // repeatable; relative to the working directory (aurora.yaml's exclude: to its folder)
        exclude: { type: 'string', multiple: true },
      },
    });
    const format = values.format as string;
    if (!['text', 'json', 'sarif', 'github', 'gitlab'].includes(format)) {
      throw new UsageError(`--format must be text, json, sarif, github or gitlab (got '${format}')`);
    }
    const failOn = values['fail-on'] as string;
    if (!(FAIL_ON as readonly string[]).includes(failOn)) {
      throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got '${failOn}')`);
    }
    const minSeverity = values.severity as string;
    if (!(['info', 'warning', 'error'] as const as readonly string[]).includes(minSeverity)) {
      throw new UsageError(`--severity must be info, warning or error (got '${minSeverity}')`);
    }
    const cliExclude = cliExcludes(values.exclude);
    const { config, exclude } = loadConfigFile(values.config, positionals[0] ?? '.');
    const collected = collectFiles(positionals, excludedBy([exclude, cliExclude]));
    const changedSet = values['changed-since'] ? changedSince(values['changed-since'], positionals[0] ?? '.') : undefined;
    const changed = changedSet ? changedScope(collected.files, changedSet) : undefined;
    collected.files = changed?.analyse ?? collected.files;
    const excluded = recognisedExcluded(changedSet ? collected.excluded.filter(changedScope(collected.excluded, changedSet).reports) : collected.excluded);
    // a baseline that cannot be read stops the run before any work
    const baseline = baselineMode({ baseline: values.baseline, writeBaseline: values['write-baseline'], config: values.config, start: positionals[0] ?? '.' });
    const reporter = createReporter(format as ReportFormat, { version: VERSION, minSeverity: minSeverity as Severity });
    const order = collected.files;
    let unreadable = collected.unreadable;
    // files are read, analysed and reported folder by folder: a large tree never holds every
    // text (or every finding) at once, and the report starts before the last file is read
    const folders = new Map<string, string[]>();
    for (const file of order) {
      const dir = path.dirname(file);
      let list = folders.get(dir);
      if (!list) {
        list = [];
        folders.set(dir, list);
      }
      list.push(file);
    }
    const analyzer = createAnalyzer(order.length, config);
    // what the report needs of each analysed file, by real path, until every file before it is
    // reported; null for a file not reported (unreadable, or folder context of --changed-since)
    const ready = new Map<string, Outcome | null>();
    const skipped: SkippedFile[] = [];
    let next = 0;
    let worst = 0;
    let analysed = 0;
    // one file's findings as reported: folder context dropped, the baseline applied, then the
    // file counted as analysed or skipped (a parse error that is still reported skips it)
    const outcome = (source: JobFile, all: Finding[]): Outcome | null => {
      if (changed && !changed.reports(source.real)) {
        return null;
      }
      const findings = baselineFile(baseline, source, all);
      const env = envFor(source.real);
      let recognised: Outcome['recognised'];
      if (detectKind(source.path, source.text, env) !== undefined) {
        const reason = skipReason(source.path, source.text, env) ?? (findings.some((f) => f.ruleId === PARSE_ERROR) ? 'parse-error' : undefined);
        recognised = reason ? { skipped: reason } : {};
      } else if (findings.length === 0) {
        // a candidate (any YAML) of no kind the rules know: counted, so the summary adds up
        recognised = { skipped: 'unrecognised' };
      }
      return { findings, recognised, prints: reporter.needsPrints ? fingerprintsOf(source.path, source.text, findings) : undefined };
    };
    const report = async (files: readonly JobFile[], results: [string, Finding[]][]): Promise<void> => {
      const byPath = new Map(results);
      for (const source of files) {
        ready.set(source.real, outcome(source, byPath.get(source.path) ?? []));
      }
      let out = '';
      while (next < order.length && ready.has(order[next])) {
        const file = order[next++];
        const done = ready.get(file);
        ready.delete(file);
        if (!done) {
          continue;
        }
        if (done.recognised?.skipped) {
          skipped.push({ file: displayPath(file), reason: done.recognised.skipped });
        } else if (done.recognised) {
          analysed++;
        }
        for (const f of done.findings) {
          worst = Math.max(worst, RANK[f.severity]);
        }
        if (done.findings.length > 0) {
          out += reporter.file(displayPath(file), done.findings, done.prints);
        }
      }
      await writeOut(out);
    };
    const inFlight: Promise<void>[] = [];
    let batch: JobFile[] = [];
    let batchChars = 0;
    const dispatch = async (): Promise<void> => {
      const files = batch;
      batch = [];
      batchChars = 0;
      const results = analyzer.analyze(files);
      // results are reported in batch order; a rejected batch must not go unhandled meanwhile
      results.catch(() => undefined);
      const previous = inFlight.length > 0 ? inFlight[inFlight.length - 1] : Promise.resolve();
      inFlight.push(previous.then(async () => report(files, await results)));
      while (inFlight.length >= analyzer.width) {
        await inFlight.shift();
      }
    };
    try {
      for (const files of folders.values()) {
        for (const file of files) {
          const text = readText(file);
          if (text === undefined) {
            unreadable++;
            ready.set(file, null);
            continue;
          }
          batch.push({ path: displayPath(file), real: file, text });
          batchChars += text.length;
        }
        if (batch.length >= BATCH_FILES || batchChars >= BATCH_CHARS) {
          await dispatch();
        }
      }
      await dispatch();
      await Promise.all(inFlight);
      // unreadable files at the end of the list
      await report([], []);
    } finally {
      await analyzer.close();
    }
    baselineEnd(baseline);
    if (baseline && 'write' in baseline) {
      // recording a baseline reports nothing
      return unreadable > 0 ? 2 : 0;
    }
    skipped.push(...excluded.map((file) => ({ file: displayPath(file), reason: 'excluded' as const })));
    for (const chunk of reporter.end({ analysed, skipped })) {
      await writeOut(chunk);
    }
    const note = reporter.stderrEnd?.({ analysed, skipped });
    if (note) {
      writeErr(note);
    }
    if (unreadable > 0) {
      return 2;
    }
    const threshold = failOn === 'never' ? Infinity : RANK[failOn as Severity];
    return worst >= threshold ? 1 : 0;
  },
};

import * as path from 'path';
import { parseArgs } from 'util';
import { detectKind } from '../../core';
import type { Finding, Severity } from '../../core';
import { createAnalyzer } from '../parallel';
import type { JobFile } from '../parallel';
import type { Command } from '../io';
import { UsageError, writeOut } from '../io';
import { collectFiles, displayPath, envFor, loadConfig, readText } from '../files';
import { createReporter } from '../report';
import type { ReportFormat } from '../report';
import { VERSION } from '../version';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
/** A batch of whole folders is analysed once it holds this many files or characters. */
const BATCH_FILES = 200;
const BATCH_CHARS = 4_000_000;

/** `aurora-devops check`: analyse files and report findings. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Analyse infrastructure files and report problems',
  usage: 'aurora-devops check [paths...] [--format text|json|sarif] [--config FILE] [--fail-on error|warning|info|never]',
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'fail-on': { type: 'string', default: 'warning' },
      },
    });
    const format = values.format as string;
    if (!['text', 'json', 'sarif'].includes(format)) {
      throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
    }
    const failOn = values['fail-on'] as string;
    if (!(FAIL_ON as readonly string[]).includes(failOn)) {
      throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got '${failOn}')`);
    }
    const config = loadConfig(values.config, positionals[0] ?? '.');
    const collected = collectFiles(positionals);
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
    const reporter = createReporter(format as ReportFormat, VERSION);
    const analyzer = createAnalyzer(order.length, config);
    // findings of analysed files, by real path, until every file before them is reported
    const ready = new Map<string, Finding[]>();
    let next = 0;
    let worst = 0;
    let analysed = 0;
    const report = async (results: [string, Finding[]][], shownToReal: Map<string, string>): Promise<void> => {
      for (const [shown, findings] of results) {
        ready.set(shownToReal.get(shown) ?? shown, findings);
      }
      let out = '';
      while (next < order.length && ready.has(order[next])) {
        const file = order[next++];
        const findings = ready.get(file) ?? [];
        ready.delete(file);
        for (const f of findings) {
          worst = Math.max(worst, RANK[f.severity]);
        }
        if (findings.length > 0) {
          out += reporter.file(displayPath(file), findings);
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
      const shownToReal = new Map(files.map((f) => [f.path, f.real]));
      const results = analyzer.analyze(files);
      // results are reported in batch order; a rejected batch must not go unhandled meanwhile
      results.catch(() => undefined);
      const previous = inFlight.length > 0 ? inFlight[inFlight.length - 1] : Promise.resolve();
      inFlight.push(previous.then(async () => report(await results, shownToReal)));
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
            ready.set(file, []);
            continue;
          }
          const shown = displayPath(file);
          if (format === 'text' && detectKind(shown, text, envFor(file)) !== undefined) {
            analysed++;
          }
          batch.push({ path: shown, real: file, text });
          batchChars += text.length;
        }
        if (batch.length >= BATCH_FILES || batchChars >= BATCH_CHARS) {
          await dispatch();
        }
      }
      await dispatch();
      await Promise.all(inFlight);
      // unreadable files at the end of the list
      await report([], new Map());
    } finally {
      await analyzer.close();
    }
    await writeOut(reporter.end(analysed));
    if (unreadable > 0) {
      return 2;
    }
    const threshold = failOn === 'never' ? Infinity : RANK[failOn as Severity];
    return worst >= threshold ? 1 : 0;
  },
};

import { parseArgs } from 'util';
import { detectKind } from '../../core';
import type { Severity } from '../../core';
import { loadGrammarsFor } from '../../node/wasm';
import { analyzeInParallel } from '../parallel';
import type { JobFile } from '../parallel';
import type { Command } from '../io';
import { UsageError, writeOut } from '../io';
import { collectFiles, displayPath, envFor, loadConfig, readText } from '../files';
import { formatText, toJson, toSarif } from '../format';
import type { FileFindings } from '../format';
import { VERSION } from '../version';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

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
    const sources: JobFile[] = [];
    const realPath = new Map<string, string>();
    let unreadable = collected.unreadable;
    for (const file of collected.files) {
      const text = readText(file);
      if (text === undefined) {
        unreadable++;
        continue;
      }
      const shown = displayPath(file);
      realPath.set(shown, file);
      sources.push({ path: shown, real: file, text });
    }
    // each file's kind decides which grammars get compiled (none for compose or Kubernetes)
    const kinds = sources.map((src) => detectKind(src.path, src.text, envFor(src.real)));
    await loadGrammarsFor(kinds);
    const byFile = await analyzeInParallel(sources, config);
    const results: FileFindings[] = [];
    let worst = 0;
    for (const source of sources) {
      const findings = byFile.get(source.path) ?? [];
      if (findings.length > 0) {
        results.push({ file: source.path, findings });
      }
      for (const f of findings) {
        worst = Math.max(worst, RANK[f.severity]);
      }
    }
    if (format === 'json') {
      await writeOut(JSON.stringify(toJson(results), null, 2) + '\n');
    } else if (format === 'sarif') {
      await writeOut(JSON.stringify(toSarif(results, VERSION), null, 2) + '\n');
    } else {
      const analysed = kinds.filter((k) => k !== undefined).length;
      await writeOut(formatText(results, analysed));
    }
    if (unreadable > 0) {
      return 2;
    }
    const threshold = failOn === 'never' ? Infinity : RANK[failOn as Severity];
    return worst >= threshold ? 1 : 0;
  },
};

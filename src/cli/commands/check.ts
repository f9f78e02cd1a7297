import { parseArgs } from 'util';
import { detectKind, PARSE_ERROR, skipReason } from '../../core';
import type { Severity } from '../../core';
import { analyzeInParallel } from '../parallel';
import type { JobFile } from '../parallel';
import type { Command } from '../io';
import { UsageError, writeOut } from '../io';
import { cliExcludes, collectFiles, displayPath, envFor, excludedBy, loadConfigFile, readText, recognisedExcluded } from '../files';
import { countSkipped, formatText, toJson, toSarif } from '../format';
import type { FileFindings, SkippedFile } from '../format';
import { VERSION } from '../version';
import { toGithubCommands } from '../formats/github';
import { toGitlab } from '../formats/gitlab';
import { baselineStep } from '../baseline';
import { changedScope, changedSince } from '../changed';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

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
    const byFile = await analyzeInParallel(sources, config);
    changed?.dropContext(sources);
    if (baselineStep({ baseline: values.baseline, writeBaseline: values['write-baseline'], config: values.config, start: positionals[0] ?? '.' }, sources, byFile)) {
      return unreadable > 0 ? 2 : 0;
    }
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
    // recognised files the rules did not run on, by reason: counted apart, never as analysed
    const skipped: SkippedFile[] = [];
    let analysed = 0;
    for (const src of sources) {
      const env = envFor(realPath.get(src.path) ?? src.path);
      if (detectKind(src.path, src.text, env) === undefined) {
        continue;
      }
      const reason = skipReason(src.path, src.text, env) ?? ((byFile.get(src.path) ?? []).some((f) => f.ruleId === PARSE_ERROR) ? 'parse-error' : undefined);
      if (reason) {
        skipped.push({ file: src.path, reason });
      } else {
        analysed++;
      }
    }
    skipped.push(...excluded.map((file) => ({ file: displayPath(file), reason: 'excluded' as const })));
    if (format === 'json') {
      await writeOut(JSON.stringify(toJson(results, skipped), null, 2) + '\n');
    } else if (format === 'sarif') {
      await writeOut(JSON.stringify(toSarif(results, VERSION, skipped), null, 2) + '\n');
    } else if (format === 'github') {
      await writeOut(toGithubCommands(results));
    } else if (format === 'gitlab') {
      const texts = new Map(sources.map((src) => [src.path, src.text]));
      await writeOut(JSON.stringify(toGitlab(results, (file) => texts.get(file) ?? ''), null, 2) + '\n');
    } else {
      await writeOut(formatText(results, { analysed, skipped: countSkipped(skipped) }, { minSeverity: minSeverity as Severity }));
    }
    if (unreadable > 0) {
      return 2;
    }
    const threshold = failOn === 'never' ? Infinity : RANK[failOn as Severity];
    return worst >= threshold ? 1 : 0;
  },
};

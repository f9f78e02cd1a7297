import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import type { Finding } from '../core';
import { errorText } from '../node/walk';
import { displayPath, findConfig } from './files';
import { fingerprintsOf } from '../node/fingerprint';
import { baselined, baselineKey, parseBaseline } from '../node/baseline';
import type { Baseline, BaselineEntry } from '../node/baseline';
import { UsageError, warn } from './io';
import type { JobFile } from './parallel';

/*
 * Baselines let a repository with many existing findings adopt `check` in CI: today's findings
 * are recorded by fingerprint (rule, file relative to the baseline, normalised flagged text — no
 * line numbers, so edits elsewhere in a file do not bring them back) and only new ones are
 * reported afterwards. Repeats of one fingerprint are counted: a second copy of a baselined
 * line is new.
 */

export type { Baseline, BaselineEntry };

/** What applying a baseline did. */
export interface BaselineOutcome {
  /** Findings the baseline hid. */
  matched: number;
  /** Baselined findings of the analysed files that were not found any more. */
  gone: number;
}

function keyOf(baselineFile: string, source: JobFile): string {
  return baselineKey(baselineFile, source.real);
}

/** The entries for the current findings, in a stable order (file, line, rule). */
export function baselineEntries(baselineFile: string, sources: readonly JobFile[], byFile: ReadonlyMap<string, readonly Finding[]>): BaselineEntry[] {
  const entries: BaselineEntry[] = [];
  for (const source of sources) {
    const findings = byFile.get(source.path) ?? [];
    const file = keyOf(baselineFile, source);
    const prints = fingerprintsOf(file, source.text, findings);
    findings.forEach((f, i) => entries.push({ file, ruleId: f.ruleId, fingerprint: prints[i], line: f.range.start.line + 1, message: f.message }));
  }
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

/** Write today's findings as the baseline `file`; returns how many were recorded. */
export function writeBaseline(file: string, sources: readonly JobFile[], byFile: ReadonlyMap<string, readonly Finding[]>): number {
  const baseline: Baseline = { version: 1, findings: baselineEntries(file, sources, byFile) };
  try {
    fs.writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n');
  } catch (e) {
    throw new UsageError(`--write-baseline ${file}: ${errorText(e)}`);
  }
  return baseline.findings.length;
}

/** Read a baseline written by `--write-baseline` (a usage error when it cannot be used). */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`baseline ${file}: ${errorText(e)}; write one with --write-baseline`);
  }
  const parsed = parseBaseline(text);
  if ('problem' in parsed) {
    throw new UsageError(`baseline ${file}: ${parsed.problem}; write one with --write-baseline`);
  }
  return parsed;
}

/**
 * Drop the baselined findings from `byFile` (in place). Baselined entries of files that were not
 * analysed this time (another path, --changed-since) neither match nor count as gone.
 */
export function applyBaseline(baselineFile: string, baseline: Baseline, sources: readonly JobFile[], byFile: Map<string, Finding[]>): BaselineOutcome {
  const recorded = new Map<string, number>();
  for (const entry of baseline.findings) {
    recorded.set(entry.file, (recorded.get(entry.file) ?? 0) + 1);
  }
  let matched = 0;
  let gone = 0;
  for (const source of sources) {
    const key = keyOf(baselineFile, source);
    const findings = byFile.get(source.path) ?? [];
    const known = baselined(baseline, key, source.text, findings);
    if (known.size > 0) {
      byFile.set(source.path, findings.filter((_f, i) => !known.has(i)));
    }
    matched += known.size;
    gone += Math.max(0, (recorded.get(key) ?? 0) - known.size);
    // (a file analysed twice under two names must not count its entries twice)
    recorded.delete(key);
  }
  return { matched, gone };
}

/**
 * The `baseline:` of aurora.yaml (`--config FILE` or the nearest one above `start`), resolved
 * against the folder of that aurora.yaml; undefined when there is none.
 */
export function configuredBaseline(explicitConfig: string | undefined, start: string): string | undefined {
  const file = explicitConfig ?? findConfig(start);
  if (!file) {
    return undefined;
  }
  let value: unknown;
  try {
    value = (parseDocument(fs.readFileSync(file, 'utf8')).toJS() as { baseline?: unknown } | null)?.baseline;
  } catch {
    return undefined; // loadConfig already said what is wrong with this file
  }
  return typeof value === 'string' && value.length > 0 ? path.resolve(path.dirname(file), value) : undefined;
}

/** The baseline options of `check`. */
export interface BaselineOptions {
  baseline?: string;
  writeBaseline?: string;
  config?: string;
  /** Where to look for aurora.yaml (the first path argument). */
  start: string;
}

/**
 * `check`'s baseline step, after analysis: `--write-baseline FILE` records the findings and
 * returns true (nothing more to report); `--baseline FILE`, or aurora.yaml's `baseline:`, hides
 * the recorded findings from `byFile` and says on stderr how many it hid and how many are gone.
 */
export function baselineStep(options: BaselineOptions, sources: readonly JobFile[], byFile: Map<string, Finding[]>): boolean {
  if (options.writeBaseline) {
    const n = writeBaseline(options.writeBaseline, sources, byFile);
    warn(`wrote ${n} finding${n === 1 ? '' : 's'} to ${options.writeBaseline}; check --baseline ${options.writeBaseline} reports only new ones`);
    return true;
  }
  const file = options.baseline ?? configuredBaseline(options.config, options.start);
  if (file) {
    const { matched, gone } = applyBaseline(file, readBaseline(file), sources, byFile);
    warn(
      `baseline ${displayPath(file)}: ${matched} known finding${matched === 1 ? '' : 's'} not reported` +
        (gone > 0 ? `; ${gone} baselined finding${gone === 1 ? ' is' : 's are'} gone (write the baseline again to drop ${gone === 1 ? 'it' : 'them'})` : ''),
    );
  }
  return false;
}

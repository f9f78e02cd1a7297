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

/** The entries for the findings of one file, in their order. */
export function entriesOf(baselineFile: string, source: JobFile, findings: readonly Finding[]): BaselineEntry[] {
  const file = keyOf(baselineFile, source);
  const prints = fingerprintsOf(file, source.text, findings);
  return findings.map((f, i) => ({ file, ruleId: f.ruleId, fingerprint: prints[i], line: f.range.start.line + 1, message: f.message }));
}

/** Entries in a stable order (file, line, rule). */
function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  return entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}

/** Write `entries` (of any order) as the baseline `file`; returns how many were recorded. */
export function writeBaselineEntries(file: string, entries: BaselineEntry[]): number {
  const baseline: Baseline = { version: 1, findings: sortEntries(entries) };
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
 * A baseline applied file by file, as `check` reports them. Baselined entries of files that were
 * not analysed this time (another path, --changed-since) neither match nor count as gone.
 */
export class BaselineFilter {
  /** The baseline's entries per file (relative to the baseline). */
  private readonly byFile = new Map<string, Baseline>();
  /** How many entries each file has, until that file is analysed. */
  private readonly recorded = new Map<string, number>();
  private matched = 0;
  private gone = 0;

  constructor(
    private readonly baselineFile: string,
    baseline: Baseline,
  ) {
    for (const entry of baseline.findings) {
      this.recorded.set(entry.file, (this.recorded.get(entry.file) ?? 0) + 1);
      const own = this.byFile.get(entry.file) ?? { ...baseline, findings: [] };
      own.findings.push(entry);
      this.byFile.set(entry.file, own);
    }
  }

  /** The findings of one analysed file that the baseline does not hold (the editor matches the same way). */
  filter(source: JobFile, findings: Finding[]): Finding[] {
    const key = keyOf(this.baselineFile, source);
    const own = this.byFile.get(key);
    const known = own && findings.length > 0 ? baselined(own, key, source.text, findings) : new Set<number>();
    const recorded = this.recorded.get(key);
    if (recorded !== undefined) {
      // (a file analysed twice under two names must not count its entries twice)
      this.gone += Math.max(0, recorded - known.size);
      this.recorded.delete(key);
    }
    this.matched += known.size;
    return known.size > 0 ? findings.filter((_f, i) => !known.has(i)) : findings;
  }

  /** What the baseline did, once every file has been filtered. */
  outcome(): BaselineOutcome {
    return { matched: this.matched, gone: this.gone };
  }
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

/** What `check` does with baselines: record the findings, hide the recorded ones, or neither. */
export type BaselineMode = { write: string; entries: BaselineEntry[] } | { file: string; filter: BaselineFilter } | undefined;

/**
 * `check`'s baseline mode, chosen before analysis (so a baseline that cannot be read stops the run
 * before any work): `--write-baseline FILE` records the findings (nothing else is reported);
 * `--baseline FILE`, or aurora.yaml's `baseline:`, hides the recorded findings.
 */
export function baselineMode(options: BaselineOptions): BaselineMode {
  if (options.writeBaseline) {
    return { write: options.writeBaseline, entries: [] };
  }
  const file = options.baseline ?? configuredBaseline(options.config, options.start);
  return file ? { file, filter: new BaselineFilter(file, readBaseline(file)) } : undefined;
}

/** The findings of one file to report in this mode (none when recording). */
export function baselineFile(mode: BaselineMode, source: JobFile, findings: Finding[]): Finding[] {
  if (!mode) {
    return findings;
  }
  if ('write' in mode) {
    mode.entries.push(...entriesOf(mode.write, source, findings));
    return [];
  }
  return mode.filter.filter(source, findings);
}

/**
 * The end of `check`'s baseline step: the recorded findings written, or how many the baseline hid
 * and how many are gone said on stderr.
 */
export function baselineEnd(mode: BaselineMode): void {
  if (!mode) {
    return;
  }
  if ('write' in mode) {
    const n = writeBaselineEntries(mode.write, mode.entries);
    warn(`wrote ${n} finding${n === 1 ? '' : 's'} to ${mode.write}; check --baseline ${mode.write} reports only new ones`);
    return;
  }
  const { matched, gone } = mode.filter.outcome();
  warn(
    `baseline ${displayPath(mode.file)}: ${matched} known finding${matched === 1 ? '' : 's'} not reported` +
      (gone > 0 ? `; ${gone} baselined finding${gone === 1 ? ' is' : 's are'} gone (write the baseline again to drop ${gone === 1 ? 'it' : 'them'})` : ''),
  );
}

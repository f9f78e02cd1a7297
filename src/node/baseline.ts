import * as path from 'path';
import type { Finding } from '../core';
import { fingerprintsOf } from './fingerprint';

/*
 * The baseline file `aurora-devops check --write-baseline` writes, read by the CLI (which drops
 * the findings it records) and the editor (which shows them as hints).
 */

/** One recorded finding; `line` and `message` are for people reading the file, not matching. */
export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  line: number;
  message: string;
}

/** The baseline file. */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

/** A baseline from its text, or why it is not one. */
export function parseBaseline(text: string): Baseline | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problem: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const findings = (data as { findings?: unknown } | null)?.findings;
  if ((data as { version?: unknown } | null)?.version !== 1 || !Array.isArray(findings) || !findings.every((f) => typeof (f as BaselineEntry).fingerprint === 'string' && typeof (f as BaselineEntry).file === 'string')) {
    return { problem: 'not an aurora-devops baseline (version 1 with findings)' };
  }
  return { version: 1, findings: findings as BaselineEntry[] };
}

/** How a baseline names a file: its path relative to the baseline's folder, with `/`. */
export function baselineKey(baselineFile: string, file: string): string {
  return path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(file)).split(path.sep).join('/');
}

/**
 * Which findings of one file the baseline records (by index), counting repeats: a second copy of a
 * baselined line is new. `key` is the file's baselineKey.
 */
export function baselined(baseline: Baseline, key: string, text: string, findings: readonly Finding[]): Set<number> {
  const remaining = new Map<string, number>();
  for (const entry of baseline.findings) {
    if (entry.file === key) {
      remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
    }
  }
  const out = new Set<number>();
  if (remaining.size === 0) {
    return out;
  }
  fingerprintsOf(key, text, findings).forEach((print, i) => {
    const left = remaining.get(print) ?? 0;
    if (left > 0) {
      remaining.set(print, left - 1);
      out.add(i);
    }
  });
  return out;
}

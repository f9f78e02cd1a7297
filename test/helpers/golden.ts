import * as fs from 'fs';
import * as path from 'path';
import type { AnalyzeEnv, Finding } from '../../src/core';
import type { AnyRule } from '../../src/core/rule';
import { repoRoot, SAMPLE_PATH } from './core';

/**
 * Golden files of one rule, in test/golden/<rule-id>/: `bad` (the rule must fire), `good` (it
 * must not), `bad.out` (everything a user sees of its findings on `bad`, compared byte for byte),
 * and optionally `path` (the path the inputs are analysed as, when not the kind's sample path)
 * and `files` (names the host reports as existing beside the file).
 */
export interface GoldenCase {
  dir: string;
  path: string;
  env: AnalyzeEnv;
  bad: string;
  good: string;
}

/** Where the golden files of a rule live. */
export function goldenDir(ruleId: string): string {
  return path.join(repoRoot(), 'test', 'golden', ...ruleId.split('/'));
}

/** The golden case of a rule, or undefined when its folder is missing. */
export function goldenCase(rule: AnyRule): GoldenCase | undefined {
  const dir = goldenDir(rule.id);
  const read = (name: string): string | undefined => (fs.existsSync(path.join(dir, name)) ? fs.readFileSync(path.join(dir, name), 'utf8') : undefined);
  const bad = read('bad');
  const good = read('good');
  if (bad === undefined || good === undefined) {
    return undefined;
  }
  const files = read('files')?.split(/\s+/).filter(Boolean);
  return {
    dir,
    path: read('path')?.trim() ?? SAMPLE_PATH[rule.meta.kind],
    env: files ? { fileExists: (p: string) => files.includes(p) } : {},
    bad,
    good,
  };
}

/**
 * Findings as a user sees them, one per line in actionlint's manner (1-based line and column),
 * each fix under its finding with every edit's range and JSON-quoted new text.
 */
export function formatGolden(name: string, findings: readonly Finding[]): string {
  const pos = (p: { line: number; character: number }): string => `${p.line + 1}:${p.character + 1}`;
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${name}:${pos(f.range.start)}-${pos(f.range.end)}: ${f.severity} [${f.ruleId}] ${f.message}`);
    if (f.fix) {
      lines.push(`  fix (${f.fix.safe ? 'safe' : 'review'}): ${f.fix.title}`);
      for (const e of f.fix.edits) {
        lines.push(`    ${pos(e.range.start)}-${pos(e.range.end)} ${JSON.stringify(e.newText)}`);
      }
    }
    for (const r of f.related ?? []) {
      lines.push(`  related ${r.path}:${pos(r.range.start)}: ${r.message}`);
    }
  }
  return lines.map((l) => l + '\n').join('');
}

/** `npm run test:update` (AURORA_UPDATE_GOLDEN=1) rewrites golden outputs instead of comparing. */
export function updatingGolden(): boolean {
  return process.env.AURORA_UPDATE_GOLDEN === '1';
}

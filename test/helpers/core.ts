import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core';
import type { AnalyzeConfig, AnalyzeEnv, Finding } from '../../src/core';
import { prepareNode } from '../../src/node/wasm';

/** The repository root (the folder holding package.json), from compiled tests in out/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('package.json not found above ' + __dirname);
    }
    dir = parent;
  }
  return dir;
}

/** Load the grammars once per test process. */
export function ready(): Promise<void> {
  return prepareNode(path.join(repoRoot(), 'dist'));
}

/** Findings of one rule only. */
export function findingsOf(ruleId: string, filePath: string, text: string, config: AnalyzeConfig = {}, env: AnalyzeEnv = {}): Finding[] {
  return analyze(filePath, text, config, env).filter((f) => f.ruleId === ruleId);
}

/** A sample path for each kind, used when a test only has text. */
export const SAMPLE_PATH: Record<string, string> = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  kubernetes: 'k8s/app.yaml',
  'github-actions': '.github/workflows/ci.yml',
  'gitlab-ci': '.gitlab-ci.yml',
  terraform: 'main.tf',
  aurora: 'aurora.yaml',
  pulumi: 'Pulumi.dev.yaml',
};

/** One case of a rule table: `want` is the 1-based lines where the rule must fire ([] = clean). */
export interface RuleCase {
  what: string;
  input: string;
  want: number[];
  path?: string;
  config?: AnalyzeConfig;
  env?: AnalyzeEnv;
}

/** Lines (1-based) of a rule's findings, sorted. */
export function linesOf(findings: readonly Finding[]): number[] {
  return findings.map((f) => f.range.start.line + 1).sort((a, b) => a - b);
}

/** Read a fixture file under test/fixtures. */
export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', ...parts), 'utf8');
}

/**
 * Assert that `ruleId` fires on `text` and that its first finding's range covers `expected`
 * (or lies inside it): the finding points at the offending text, not just the right line.
 */
export function assertPointsAt(ruleId: string, filePath: string, text: string, expected: string, env: AnalyzeEnv = {}): void {
  const [finding] = findingsOf(ruleId, filePath, text, {}, env);
  assert.ok(finding, `${ruleId} must fire`);
  const lines = text.split('\n');
  const { start, end } = finding.range;
  const shown = lines[start.line].slice(start.character, start.line === end.line ? end.character : undefined);
  assert.ok(shown.length > 0 && (shown.includes(expected) || expected.includes(shown)), `range covers '${shown}'`);
}

/** Files below `dir` (recursively, sorted) whose path satisfies `pred`. */
export function filesUnder(dir: string, pred: (f: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...filesUnder(full, pred));
    } else if (pred(full)) {
      out.push(full);
    }
  }
  return out.sort();
}

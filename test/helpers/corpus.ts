import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeFiles } from '../../src/core';
import type { AnalyzeEnv, Severity } from '../../src/core';
import { ready } from './core';

/** One expected finding: where (1-based line) and how severe. */
export interface Expected {
  path: string;
  line: number;
  severity: Severity;
}

/**
 * One real-world shape, written for this project: the files of one or more folders, the rule
 * under test, and every finding of that rule the shape must give (none for a silence).
 */
export interface CorpusCase {
  what: string;
  rule: string;
  files: Record<string, string>;
  want: readonly Expected[];
  /** A substring every finding's message must hold (what the user is told). */
  says?: string;
  /** Paths (relative, as in `files`) that exist besides the files, for `fileExists`. */
  exists?: readonly string[];
  /** Files beside the analysed ones that the host can read but that are not analysed (a skaffold.yaml). */
  beside?: Record<string, string>;
}

/**
 * Run each case through `analyzeFiles` (the CLI's and the scan's path) and compare the rule's
 * findings, with their severities, to the expectation: a silence is `want: []`.
 */
export function corpusTable(title: string, cases: readonly CorpusCase[]): void {
  describe(title, () => {
    before(ready);
    for (const c of cases) {
      it(`${c.rule}: ${c.what}`, () => {
        const exists = new Set([...(c.exists ?? []), ...Object.keys(c.files)]);
        const texts = new Map(Object.entries({ ...c.files, ...(c.beside ?? {}) }));
        const envFor = (path: string): AnalyzeEnv => {
          const resolve = (p: string): string => {
            const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
            const parts = (p.startsWith('/') ? p : dir + p).split('/');
            const out: string[] = [];
            for (const part of parts) {
              if (part === '..') {
                out.pop();
              } else if (part !== '.' && part !== '') {
                out.push(part);
              }
            }
            return out.join('/');
          };
          return { fileExists: (p: string) => exists.has(resolve(p)) || texts.has(resolve(p)), readFile: (p: string) => texts.get(resolve(p)) };
        };
        const results = analyzeFiles(Object.entries(c.files).map(([path, text]) => ({ path, text })), {}, envFor);
        const got: Expected[] = [];
        const messages: string[] = [];
        for (const [path, findings] of results) {
          for (const f of findings) {
            if (f.ruleId === c.rule) {
              got.push({ path, line: f.range.start.line + 1, severity: f.severity });
              messages.push(f.message);
            }
          }
        }
        const order = (a: Expected, b: Expected): number => a.path.localeCompare(b.path) || a.line - b.line;
        assert.deepEqual(got.sort(order), [...c.want].sort(order), messages.join('\n'));
        if (c.says !== undefined) {
          for (const m of messages) {
            assert.ok(m.includes(c.says), `message should say '${c.says}': ${m}`);
          }
        }
      });
    }
  });
}

import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { ALL_RULES, analyzeFiles } from '../../../../src/core';
import type { AnalyzeEnv } from '../../../../src/core';
import { ready } from '../../../helpers/core';

/**
 * One case of a Terraform rule table. `input` is analysed as main.tf; `files` analyses a module
 * folder of several files. `want` lists 1-based lines of main.tf, or lines per file.
 */
export interface TfCase {
  what: string;
  input?: string;
  files?: Record<string, string>;
  want: number[] | Record<string, number[]>;
  env?: AnalyzeEnv;
  messages?: string[];
}

/**
 * Table test of a Terraform rule through `analyzeFiles`, the way the CLI and the editor run it,
 * so folder rules (module-wide resolution) and file rules are tested alike.
 */
export function tfTable(ruleId: string, cases: readonly TfCase[]): void {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  describe(ruleId, () => {
    before(ready);
    it('is registered in rules/index.ts', () => {
      assert.ok(rule, `${ruleId} is not listed in ALL_RULES`);
    });
    for (const c of cases) {
      it(c.what, () => {
        const files = c.files ?? { 'main.tf': c.input ?? '' };
        const results = analyzeFiles(
          Object.entries(files).map(([path, text]) => ({ path, text })),
          {},
          () => c.env ?? {},
        );
        const want = Array.isArray(c.want) ? { 'main.tf': c.want } : c.want;
        const got: Record<string, number[]> = {};
        const messages: string[] = [];
        for (const path of Object.keys(files)) {
          const found = (results.get(path) ?? []).filter((f) => f.ruleId === ruleId);
          messages.push(...found.map((f) => f.message));
          if (found.length > 0 || path in want) {
            got[path] = found.map((f) => f.range.start.line + 1).sort((a, b) => a - b);
          }
        }
        for (const path of Object.keys(want)) {
          got[path] ??= [];
        }
        const detail = Object.keys(files)
          .flatMap((p) => (results.get(p) ?? []).filter((f) => f.ruleId === ruleId).map((f) => `  ${p}:${f.range.start.line + 1}: ${f.message}`))
          .join('\n');
        assert.deepEqual(got, want, `where ${ruleId} fired:\n${detail}`);
        if (c.messages) {
          assert.deepEqual(messages, c.messages);
        }
      });
    }
  });
}

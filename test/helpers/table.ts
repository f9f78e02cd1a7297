import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, linesOf, ready, SAMPLE_PATH } from './core';
import type { RuleCase } from './core';
import { ALL_RULES } from '../../src/core';

/**
 * Table-driven test of one rule: each case lists the 1-based lines where the rule must fire.
 * Optional `messages` checks exact messages (built with the rule's own message function).
 */
export function ruleTable(ruleId: string, cases: readonly (RuleCase & { messages?: string[] })[]): void {
  const rule = ALL_RULES.find((r) => r.id === ruleId);
  describe(ruleId, () => {
    before(ready);
    it('is registered in rules/index.ts', () => {
      assert.ok(rule, `${ruleId} is not listed in ALL_RULES`);
    });
    for (const c of cases) {
      it(c.what, () => {
        const kind = rule?.meta.kind ?? 'dockerfile';
        const found = findingsOf(ruleId, c.path ?? SAMPLE_PATH[kind] ?? 'Dockerfile', c.input, c.config, c.env);
        assert.deepEqual(linesOf(found), c.want, `lines where ${ruleId} fired:\n${found.map((f) => `  ${f.range.start.line + 1}: ${f.message}`).join('\n')}`);
        if (c.messages) {
          assert.deepEqual(found.map((f) => f.message), c.messages);
        }
      });
    }
  });
}

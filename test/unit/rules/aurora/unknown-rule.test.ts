import { ruleTable } from '../../../helpers/table';
import { message, knownRuleIds } from '../../../../src/core/rules/aurora/unknown-rule';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';

ruleTable('aurora/unknown-rule', [
  { what: 'typo', input: 'rules:\n  dockerfile/no-latest-tg: error\n', want: [2], messages: [message('dockerfile/no-latest-tg', 'dockerfile/no-latest-tag')] },
  { what: 'another tool id', input: 'rules:\n  DL3006: off\n', want: [2], messages: [message('DL3006')] },
  { what: 'known ids', input: 'rules:\n  dockerfile/no-latest-tag: error\n  github-actions/missing-timeout: off\n', want: [] },
  { what: 'engine findings are configurable', input: 'rules:\n  parse-error: warning\n', want: [] },
  { what: 'two unknown', input: 'rules:\n  foo/bar: off\n  compose/nope-nope-nope: info\n', want: [2, 3] },
  { what: 'no rules', input: 'agents: {}\n', want: [] },
]);

describe('aurora/unknown-rule ids', () => {
  it('come from the catalog at check time', () => {
    assert.ok(knownRuleIds().includes('aurora/unknown-rule'));
    assert.ok(knownRuleIds().includes('internal-error'));
  });
});

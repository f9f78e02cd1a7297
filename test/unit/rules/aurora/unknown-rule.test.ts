import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/unknown-rule';
import { createEngine, RULE_IDS } from '../../../../src/core';
import { rule as unknownRule } from '../../../../src/core/rules/aurora/unknown-rule';
import { ready } from '../../../helpers/core';
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
  it('are the catalog ids and the engine findings', () => {
    assert.ok(RULE_IDS.includes('aurora/unknown-rule'));
    assert.ok(RULE_IDS.includes('internal-error'));
  });
  it('come from the engine that runs the rule, not from an import of the catalog', async () => {
    await ready();
    // an engine holding this rule alone knows only its own id and the engine findings
    const engine = createEngine([unknownRule]);
    const ids = engine.analyze('aurora.yaml', 'rules:\n  aurora/unknown-rule: off\n  dockerfile/no-latest-tag: error\n').map((f) => f.message);
    assert.deepEqual(ids, [message('dockerfile/no-latest-tag')]);
  });
});

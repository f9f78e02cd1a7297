import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/invalid-rule-level';

const r = (v: string): string => `rules:\n  dockerfile/no-latest-tag: ${v}\n`;

ruleTable('aurora/invalid-rule-level', [
  { what: 'warn', input: r('warn'), want: [2], messages: [message('dockerfile/no-latest-tag', 'warn')] },
  { what: 'capitalised', input: r('Error'), want: [2] },
  { what: 'boolean', input: r('false'), want: [2] },
  { what: 'number', input: r('2'), want: [2] },
  { what: 'empty', input: r(''), want: [2] },
  { what: 'valid levels', input: 'rules:\n  a/b: off\n  c/d: info\n  e/f: warning\n  g/h: error\n', want: [] },
]);

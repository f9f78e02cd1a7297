import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/aurora/invalid-exclude';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const exclude = (...globs: string[]): string => lines('exclude:', ...globs.map((g) => `  - ${g}`));

ruleTable('aurora/invalid-exclude', [
  {
    what: 'backslash path',
    input: exclude('test\\fixtures'),
    want: [2],
    messages: [message('test\\fixtures', 'use / between folders: a backslash escapes the next character in a glob')],
  },
  { what: 'parent folder', input: exclude('../charts'), want: [2] },
  { what: 'parent folder inside', input: exclude('a/../../b'), want: [2] },
  { what: 'home folder', input: exclude('~/work/x'), want: [2] },
  { what: 'drive path', input: exclude('"C:/repo/test"'), want: [2] },
  { what: 'negation', input: exclude('"!keep.yaml"'), want: [2] },
  { what: 'unbalanced bracket', input: exclude('"test/[ab"'), want: [2] },
  { what: 'unbalanced brace', input: exclude('"*.{yaml,yml"'), want: [2] },
  { what: 'empty string', input: exclude('""'), want: [2] },
  { what: 'only a slash', input: exclude('/'), want: [2] },
  {
    what: 'usable globs',
    input: exclude('test/fixtures', '"**/testdata/**"', '"*.generated.yaml"', '/examples/', 'vendor/', '"{a,b}/[xy]*"', '..hidden', '"+(a|b)"'),
    want: [],
  },
  { what: 'an empty exclude', input: lines('exclude:'), want: [] },
  { what: 'a wrong shape is wrong-type, not this rule', input: lines('exclude: test/**'), want: [] },
]);

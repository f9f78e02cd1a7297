import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/needs-cycle';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (id: string, needs?: string): string[] => [`  ${id}:`, ...(needs ? [`    needs: ${needs}`] : []), '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'];

ruleTable('github-actions/needs-cycle', [
  { what: 'two jobs need each other', input: lines('on: push', 'jobs:', ...job('a', 'b'), ...job('b', 'a')), want: [9], messages: [message(['a', 'b', 'a'])] },
  { what: 'job needs itself', input: lines('on: push', 'jobs:', ...job('a', 'a')), want: [4], messages: [message(['a', 'a'])] },
  { what: 'three-job cycle reported once', input: lines('on: push', 'jobs:', ...job('a', 'c'), ...job('b', 'a'), ...job('c', 'b')), want: [9] },
  { what: 'chain', input: lines('on: push', 'jobs:', ...job('a'), ...job('b', 'a'), ...job('c', '[a, b]')), want: [] },
  { what: 'unknown need is not a cycle', input: lines('on: push', 'jobs:', ...job('a', 'z')), want: [] },
]);

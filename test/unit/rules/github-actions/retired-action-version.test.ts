import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (uses: string): string => lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', `      - uses: ${uses}`);

ruleTable('github-actions/retired-action-version', [
  { what: 'download-artifact v3', input: wf('actions/download-artifact@v3'), want: [6] },
  { what: 'cache v2.1.0', input: wf('actions/cache@v2.1.0'), want: [6] },
  { what: 'cache v3 still works', input: wf('actions/cache@v3'), want: [] },
  { what: 'upload-artifact v4', input: wf('actions/upload-artifact@v4'), want: [] },
  { what: 'SHA is not judged', input: wf('actions/upload-artifact@a8a3f3ad30e3422c9c7b888a15615d19a852ae32'), want: [] },
]);

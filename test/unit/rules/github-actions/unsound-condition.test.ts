import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (...cond: string[]): string => lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make', ...cond);

ruleTable('github-actions/unsound-condition', [
  { what: 'literal block keeps a newline', input: wf('        if: |', "          ${{ github.ref == 'refs/heads/main' }}"), want: [7] },
  { what: 'two expressions joined outside', input: wf('        if: ${{ success() }} && ${{ github.event_name == \'push\' }}'), want: [7] },
  { what: 'one expression', input: wf("        if: ${{ github.ref == 'refs/heads/main' }}"), want: [] },
  { what: 'bare condition', input: wf("        if: github.ref == 'refs/heads/main'"), want: [] },
  { what: 'folded strip block', input: wf('        if: >-', "          ${{ github.ref == 'refs/heads/main' }}"), want: [] },
]);

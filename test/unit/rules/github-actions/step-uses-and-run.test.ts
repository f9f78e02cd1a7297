import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/step-uses-and-run';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/step-uses-and-run', [
  { what: 'both', input: steps('      - name: Setup', '        uses: actions/setup-node@v4', '        run: npm ci'), want: [8], messages: [message('Setup', 'both')] },
  { what: 'neither', input: steps('      - name: Build', '        with:', '          x: 1'), want: [6], messages: [message('Build', 'neither')] },
  { what: 'uses only', input: steps('      - uses: actions/checkout@v4'), want: [] },
  { what: 'run only', input: steps('      - run: make'), want: [] },
  { what: 'neither, unnamed', input: steps('      - run: make', '      - shell: bash'), want: [7], messages: [message('step 2', 'neither')] },
]);

import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/unknown-step-key';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/unknown-step-key', [
  { what: 'working_directory', input: steps('      - run: make', '        working_directory: app'), want: [7], messages: [message('working_directory', 'working-directory')] },
  { what: 'action input outside with', input: steps('      - uses: actions/setup-node@v4', '        node-version: 20'), want: [7], messages: [message('node-version')] },
  {
    what: 'every step key',
    input: steps('      - id: build', "        if: github.event_name == 'push'", '        name: Build', '        run: make', '        shell: bash', '        env:', '          A: 1', '        working-directory: app', '        continue-on-error: false', '        timeout-minutes: 5'),
    want: [],
  },
  { what: 'uses with with', input: steps('      - uses: actions/setup-node@v4', '        with:', '          node-version: 20'), want: [] },
  { what: 'two unknown keys', input: steps('      - run: make', '        args: x', '        environment: prod'), want: [7, 8] },
]);

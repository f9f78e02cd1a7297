import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/duplicate-step-id';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/duplicate-step-id', [
  { what: 'same id twice', input: steps('      - id: meta', '        run: make a', '      - id: meta', '        run: make b'), want: [8], messages: [message('meta', 'build')] },
  { what: 'ids differ only in case', input: steps('      - id: Meta', '        run: make a', '      - id: meta', '        run: make b'), want: [8] },
  { what: 'unique ids', input: steps('      - id: a', '        run: make a', '      - id: b', '        run: make b'), want: [] },
  {
    what: 'same id in different jobs',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - id: x', '        run: make', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - id: x', '        run: make'),
    want: [],
  },
  { what: 'no ids', input: steps('      - run: make a', '      - run: make b'), want: [] },
]);

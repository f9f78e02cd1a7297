import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/missing-timeout';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/missing-timeout', [
  { what: 'no timeout', input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'), want: [3], messages: [message('build')] },
  { what: 'timeout set', input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    timeout-minutes: 15', '    steps:', '      - run: make'), want: [] },
  { what: 'timeout from an expression', input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    timeout-minutes: ${{ inputs.timeout }}', '    steps:', '      - run: make'), want: [] },
  { what: 'reusable workflow call cannot set one', input: lines('on: push', 'jobs:', '  call:', '    uses: ./.github/workflows/build.yml'), want: [] },
  {
    what: 'two jobs, one without',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    timeout-minutes: 5', '    steps:', '      - run: make', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [8],
  },
]);

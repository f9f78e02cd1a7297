import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/unknown-job-key';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/unknown-job-key', [
  { what: 'timeout typo', input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    timeout-minute: 10', '    steps:', '      - run: make'), want: [5], messages: [message('timeout-minute', 'timeout-minutes')] },
  { what: 'runs_on with underscore', input: lines('on: push', 'jobs:', '  a:', '    runs_on: ubuntu-24.04', '    steps:', '      - run: make'), want: [4], messages: [message('runs_on', 'runs-on')] },
  { what: 'unknown key', input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    retries: 3', '    steps:', '      - run: make'), want: [5], messages: [message('retries')] },
  {
    what: 'all runner-job keys',
    input: lines(
      'on: push',
      'jobs:',
      '  a:',
      '    name: A',
      '    permissions: {}',
      '    needs: []',
      "    if: github.ref == 'refs/heads/main'",
      '    runs-on: ubuntu-24.04',
      '    environment: staging',
      '    concurrency: a',
      '    outputs:',
      '      v: ${{ steps.x.outputs.v }}',
      '    env: {}',
      '    defaults:',
      '      run:',
      '        shell: bash',
      '    timeout-minutes: 5',
      '    strategy:',
      '      matrix:',
      '        node: [20]',
      '    continue-on-error: false',
      '    container: node:20.11',
      '    services: {}',
      '    steps:',
      '      - id: x',
      '        run: echo "v=1" >> "$GITHUB_OUTPUT"',
    ),
    want: [],
  },
  { what: 'reusable workflow call keys', input: lines('on: push', 'jobs:', '  call:', '    uses: ./.github/workflows/b.yml', '    with:', '      x: 1', '    secrets:', '      T: ${{ secrets.T }}'), want: [] },
]);

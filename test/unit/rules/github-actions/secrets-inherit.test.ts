import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/secrets-inherit';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/secrets-inherit', [
  { what: 'inherit', input: lines('on: push', 'jobs:', '  call:', '    uses: ./.github/workflows/deploy.yml', '    secrets: inherit'), want: [5], messages: [message('call')] },
  { what: 'explicit secrets', input: lines('on: push', 'jobs:', '  call:', '    uses: ./.github/workflows/deploy.yml', '    secrets:', '      TOKEN: ${{ secrets.TOKEN }}'), want: [] },
  { what: 'no secrets', input: lines('on: push', 'jobs:', '  call:', '    uses: ./.github/workflows/lint.yml'), want: [] },
  { what: 'two calls', input: lines('on: push', 'jobs:', '  a:', '    uses: ./.github/workflows/a.yml', '    secrets: inherit', '  b:', '    uses: ./.github/workflows/b.yml', '    secrets: inherit'), want: [5, 8] },
  { what: 'runner job', input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'), want: [] },
]);

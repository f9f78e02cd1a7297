import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/unpinned-action';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/unpinned-action', [
  { what: 'third-party action by tag', input: steps('      - uses: docker/login-action@v3'), want: [6], messages: [message('docker/login-action@v3', 'tag')] },
  { what: 'third-party action by SHA', input: steps('      - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0'), want: [] },
  { what: 'first-party action by release tag', input: steps('      - uses: actions/checkout@v4', '      - uses: github/codeql-action/init@v3.28.0'), want: [] },
  { what: 'first-party action on a branch', input: steps('      - uses: actions/checkout@main'), want: [6], messages: [message('actions/checkout@main', 'branch')] },
  { what: 'third-party action on master', input: steps('      - uses: someone/deploy-action@master'), want: [6] },
  { what: 'no ref at all', input: steps('      - uses: someone/deploy-action'), want: [6], messages: [message('someone/deploy-action', 'no-ref')] },
  { what: 'local action and docker image are not judged here', input: steps('      - uses: ./.github/actions/setup', '      - uses: docker://alpine:3.20'), want: [] },
  {
    what: 'reusable workflow by tag',
    input: lines('on: push', 'jobs:', '  call:', '    uses: acme/workflows/.github/workflows/build.yml@v1'),
    want: [4],
  },
  {
    what: 'sub-path action by SHA',
    input: steps('      - uses: aws-actions/configure-aws-credentials/sub@ececac1a45f3b08a01d2dd070d28d111c5fe6722'),
    want: [],
  },
]);

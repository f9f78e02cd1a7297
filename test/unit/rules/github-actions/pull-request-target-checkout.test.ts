import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/pull-request-target-checkout';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (on: string, ...s: string[]): string => lines(`on: ${on}`, 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/pull-request-target-checkout', [
  {
    what: 'checkout of the head sha',
    input: wf('pull_request_target', '      - uses: actions/checkout@v4', '        with:', '          ref: ${{ github.event.pull_request.head.sha }}', '      - run: npm ci'),
    want: [8],
    messages: [message('pull_request_target')],
  },
  { what: 'checkout of github.head_ref', input: wf('pull_request_target', '      - uses: actions/checkout@v4', '        with:', '          ref: ${{ github.head_ref }}'), want: [8] },
  { what: 'plain checkout of the base', input: wf('pull_request_target', '      - uses: actions/checkout@v4', '      - run: ./scripts/label.sh'), want: [] },
  { what: 'pull_request is not privileged', input: wf('pull_request', '      - uses: actions/checkout@v4', '        with:', '          ref: ${{ github.event.pull_request.head.sha }}'), want: [] },
  { what: 'gh pr checkout in a script', input: wf('pull_request_target', '      - run: gh pr checkout ${{ github.event.pull_request.number }}'), want: [6] },
  { what: 'git fetch of the pull ref', input: wf('[pull_request_target]', '      - run: |', '          git fetch origin pull/${{ github.event.number }}/head:pr', '          git checkout pr'), want: [7] },
  {
    what: 'workflow_run checkout of head_sha',
    input: wf('workflow_run', '      - uses: actions/checkout@v4', '        with:', '          ref: ${{ github.event.workflow_run.head_sha }}'),
    want: [8],
    messages: [message('workflow_run')],
  },
  {
    what: 'checkout of the fork repository',
    input: wf('pull_request_target', '      - uses: actions/checkout@v4', '        with:', '          repository: ${{ github.event.pull_request.head.repo.full_name }}'),
    want: [8],
  },
]);

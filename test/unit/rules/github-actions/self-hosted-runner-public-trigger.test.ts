import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (on: string, runsOn: string[]): string => lines(`on: ${on}`, 'jobs:', '  a:', ...runsOn, '    steps:', '      - run: make');

ruleTable('github-actions/self-hosted-runner-public-trigger', [
  { what: 'list with self-hosted', input: wf('pull_request', ['    runs-on: [self-hosted, linux]']), want: [4] },
  { what: 'string', input: wf('pull_request_target', ['    runs-on: self-hosted']), want: [4] },
  { what: 'group labels', input: wf('issue_comment', ['    runs-on:', '      group: big', '      labels: [self-hosted]']), want: [6] },
  { what: 'push only', input: wf('push', ['    runs-on: [self-hosted, linux]']), want: [] },
  { what: 'hosted runner', input: wf('pull_request', ['    runs-on: ubuntu-24.04']), want: [] },
]);

import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (ifLine: string[], step: string[]): string => lines('on: issue_comment', 'jobs:', '  a:', ...ifLine, '    runs-on: ubuntu-24.04', '    steps:', ...step);

ruleTable('github-actions/issue-comment-checkout', [
  { what: 'checkout of refs/pull', input: wf([], ['      - uses: actions/checkout@v4', '        with:', '          ref: refs/pull/${{ github.event.issue.number }}/merge']), want: [8] },
  { what: 'gh pr checkout', input: wf([], ['      - run: gh pr checkout "$NUMBER" && make']), want: [6] },
  { what: 'git fetch of the pull ref', input: wf([], ['      - run: git fetch origin pull/${{ github.event.issue.number }}/head:pr']), want: [6] },
  { what: 'gated on the association', input: wf(["    if: github.event.comment.author_association == 'MEMBER'"], ['      - run: gh pr checkout "$NUMBER"']), want: [] },
  { what: 'default branch checkout', input: wf([], ['      - uses: actions/checkout@v4']), want: [] },
]);

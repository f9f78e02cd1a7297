import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (cond: string): string => lines('on: push', 'jobs:', '  a:', `    if: ${cond}`, '    runs-on: ubuntu-24.04', '    steps:', '      - run: make');

ruleTable('github-actions/unsound-contains', [
  { what: 'string of refs', input: wf("contains('refs/heads/main refs/heads/dev', github.ref)"), want: [4] },
  { what: 'one ref as a string', input: wf("contains('main', github.ref_name)"), want: [4] },
  { what: 'fromJSON list', input: wf("contains(fromJSON('[\"main\", \"dev\"]'), github.ref_name)"), want: [] },
  { what: 'searching a context value', input: wf("contains(github.event.head_commit.message, '[skip ci]')"), want: [] },
]);

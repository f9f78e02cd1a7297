import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (value: string): string => lines('on: push', 'env:', `  X: ${value}`, 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make');

ruleTable('github-actions/workflow-secrets-env', [
  { what: 'secret', input: wf('${{ secrets.API_KEY }}'), want: [3] },
  { what: 'GITHUB_TOKEN', input: wf('${{ secrets.GITHUB_TOKEN }}'), want: [] },
  { what: 'plain value', input: wf('production'), want: [] },
]);

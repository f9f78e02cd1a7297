import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (value: string): string => lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make', '        env:', `          X: ${value}`);

ruleTable('github-actions/overprovisioned-secrets', [
  { what: 'toJSON(secrets)', input: wf('${{ toJSON(secrets) }}'), want: [8] },
  { what: 'computed index', input: wf("${{ secrets[format('{0}_KEY', matrix.env)] }}"), want: [8] },
  { what: 'literal index', input: wf("${{ secrets['DEPLOY_KEY'] }}"), want: [] },
  { what: 'named secret', input: wf('${{ secrets.DEPLOY_KEY }}'), want: [] },
]);

import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (uses: string): string => lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', `      - uses: ${uses}`);

ruleTable('github-actions/node16-action-version', [
  { what: 'setup-python v4', input: wf('actions/setup-python@v4'), want: [6] },
  { what: 'build-push-action v4.1.1', input: wf('docker/build-push-action@v4.1.1'), want: [6] },
  { what: 'setup-python v5', input: wf('actions/setup-python@v5'), want: [] },
  { what: 'unknown action', input: wf('acme/thing@v1'), want: [] },
]);

import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (on: string, perms: string[], step: string[]): string => lines(`on: ${on}`, 'jobs:', '  a:', '    runs-on: ubuntu-24.04', ...perms, '    steps:', ...step);
const download = ['      - uses: actions/download-artifact@v4', '        with:', '          run-id: ${{ github.event.workflow_run.id }}'];

ruleTable('github-actions/oidc-untrusted-artifact', [
  { what: 'id-token write and foreign artifact', input: wf('workflow_run', ['    permissions:', '      id-token: write'], download), want: [8] },
  { what: 'write-all', input: wf('workflow_run', ['    permissions: write-all'], ['      - run: gh run download "$RUN_ID"']), want: [7] },
  { what: 'no id-token', input: wf('workflow_run', ['    permissions:', '      contents: read'], download), want: [] },
  { what: 'artifact of the same run', input: wf('workflow_run', ['    permissions:', '      id-token: write'], ['      - uses: actions/download-artifact@v4', '        with:', '          name: dist']), want: [] },
  { what: 'push trigger', input: wf('push', ['    permissions:', '      id-token: write'], download), want: [] },
]);

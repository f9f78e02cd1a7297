import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (...steps: string[]): string => lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', ...steps);

ruleTable('github-actions/scan-continue-on-error', [
  { what: 'trivy step', input: wf('      - run: trivy image app:1', '        continue-on-error: true'), want: [7] },
  { what: 'gitleaks action', input: wf('      - uses: gitleaks/gitleaks-action@v2', '        continue-on-error: true'), want: [7] },
  { what: 'followed by a SARIF upload', input: wf('      - run: trivy image --format sarif -o t.sarif app:1', '        continue-on-error: true', '      - uses: github/codeql-action/upload-sarif@v3', '        with:', '          sarif_file: t.sarif'), want: [] },
  { what: 'not a scan', input: wf('      - run: make docs', '        continue-on-error: true'), want: [] },
]);

import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/secret-echoed';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/secret-echoed', [
  { what: 'echo of a secret expression', input: steps('      - run: echo "${{ secrets.API_TOKEN }}"'), want: [6], messages: [message('API_TOKEN')] },
  { what: 'echo of an env var holding a secret', input: steps('      - run: echo "token is $TOKEN"', '        env:', '          TOKEN: ${{ secrets.NPM_TOKEN }}'), want: [6], messages: [message('NPM_TOKEN')] },
  { what: 'printf in a block', input: steps('      - run: |', "          printf '%s\\n' \"${{ secrets.KEY }}\""), want: [7] },
  { what: 'piped to a login', input: steps('      - run: echo "${{ secrets.REGISTRY_PASSWORD }}" | docker login ghcr.io -u bot --password-stdin'), want: [] },
  { what: 'written to a file', input: steps('      - run: echo "${{ secrets.KUBECONFIG }}" > kubeconfig'), want: [] },
  { what: 'appended to GITHUB_ENV is not the log', input: steps('      - run: echo "TOKEN=${{ secrets.T }}" >> "$GITHUB_ENV"'), want: [] },
  { what: 'echo of a non-secret', input: steps('      - run: echo "${{ github.sha }} $HOME"'), want: [] },
  {
    what: 'workflow-level env secret',
    input: lines('on: push', 'env:', '  DB_URL: ${{ secrets.DB_URL }}', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: echo ${DB_URL}'),
    want: [8],
  },
]);

ruleTable('github-actions/secret-echoed', [
  { what: 'add-mask is consumed by the runner', input: steps('      - run: echo "::add-mask::${{ secrets.DERIVED }}"'), want: [] },
]);

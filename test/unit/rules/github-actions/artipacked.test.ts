import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (checkoutWith: string[], upload: string, uploadWith: string[]): string =>
  lines('on: push', 'jobs:', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - uses: actions/checkout@v4', ...checkoutWith, '      - run: make', `      - uses: ${upload}`, '        with:', ...uploadWith);

ruleTable('github-actions/artipacked', [
  { what: 'hidden files asked for', input: job([], 'actions/upload-artifact@v4', ['          path: .', '          include-hidden-files: true']), want: [6] },
  { what: 'v3 uploads hidden files by default', input: job([], 'actions/upload-artifact@v3', ['          path: ./']), want: [6] },
  { what: 'v4.3.0 still did', input: job([], 'actions/upload-artifact@v4.3.0', ['          path: "**"']), want: [6] },
  { what: 'floating v4 leaves .git out', input: job([], 'actions/upload-artifact@v4', ['          path: .']), want: [] },
  { what: 'persist-credentials false', input: job(['        with:', '          persist-credentials: false'], 'actions/upload-artifact@v3', ['          path: .']), want: [] },
  { what: 'only the build output', input: job([], 'actions/upload-artifact@v3', ['          path: dist/']), want: [] },
  { what: 'the checkout folder by its path', input: job(['        with:', '          path: src'], 'actions/upload-artifact@v3', ['          path: src/']), want: [6] },
  { what: 'excluded pattern only', input: job([], 'actions/upload-artifact@v3', ['          path: |', '            dist/', '            !.git']), want: [] },
]);

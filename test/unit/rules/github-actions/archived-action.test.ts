import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (uses: string): string => lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', `      - uses: ${uses}`);

ruleTable('github-actions/archived-action', [
  { what: 'actions-rs', input: wf('actions-rs/toolchain@v1'), want: [6] },
  { what: 'upload-release-asset by SHA', input: wf('actions/upload-release-asset@e8f9f06c4b078e705bd2ea027f0926603fc9b4d5'), want: [6] },
  { what: 'maintained action', input: wf('ruby/setup-ruby@v1'), want: [] },
]);

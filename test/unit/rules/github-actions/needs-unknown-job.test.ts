import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/needs-unknown-job';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const two = (needs: string): string =>
  lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make', '  deploy:', `    needs: ${needs}`, '    runs-on: ubuntu-24.04', '    steps:', '      - run: make deploy');

ruleTable('github-actions/needs-unknown-job', [
  { what: 'typo with suggestion', input: two('biuld'), want: [8], messages: [message('deploy', 'biuld', 'build')] },
  { what: 'unknown in a list', input: two('[build, lint]'), want: [8], messages: [message('deploy', 'lint')] },
  { what: 'known scalar', input: two('build'), want: [] },
  { what: 'known list', input: two('[build]'), want: [] },
  { what: 'block list with an unknown entry', input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    needs:', '      - b', '    steps:', '      - run: make'), want: [6] },
]);

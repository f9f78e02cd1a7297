import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/permissions-write-all';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/permissions-write-all', [
  {
    what: 'top-level write-all',
    input: lines('on: push', 'permissions: write-all', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [2],
    messages: [message('The workflow')],
  },
  {
    what: 'job write-all',
    input: lines('on: push', 'permissions: {}', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    permissions: write-all', '    steps:', '      - run: make'),
    want: [6],
    messages: [message("Job 'build'")],
  },
  { what: 'read-all', input: lines('on: push', 'permissions: read-all', 'jobs:', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'), want: [] },
  {
    what: 'scoped write',
    input: lines('on: push', 'permissions:', '  contents: read', '  packages: write', 'jobs:', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [],
  },
  { what: 'no permissions at all (another rule)', input: lines('on: push', 'jobs:', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'), want: [] },
]);

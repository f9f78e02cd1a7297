import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/missing-permissions';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/missing-permissions', [
  {
    what: 'no permissions anywhere',
    input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [3],
    messages: [message('build')],
  },
  {
    what: 'top-level permissions',
    input: lines('on: push', 'permissions:', '  contents: read', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [],
  },
  {
    what: 'empty top-level permissions (no access)',
    input: lines('on: push', 'permissions: {}', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [],
  },
  {
    what: 'every job declares its own',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    permissions:', '      contents: read', '    steps:', '      - run: make', '  b:', '    runs-on: ubuntu-24.04', '    permissions: read-all', '    steps:', '      - run: make'),
    want: [],
  },
  {
    what: 'only the job without permissions is reported',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    permissions:', '      contents: read', '    steps:', '      - run: make', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [9],
  },
]);

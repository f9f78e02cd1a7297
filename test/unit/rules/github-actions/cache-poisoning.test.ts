import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (on: string[], step: string[]): string => lines(...on, 'jobs:', '  r:', '    runs-on: ubuntu-24.04', '    steps:', ...step);
const tags = ['on:', '  push:', '    tags: [v*]'];

ruleTable('github-actions/cache-poisoning', [
  { what: 'setup-node cache on tags', input: wf(tags, ['      - uses: actions/setup-node@v4', '        with:', '          cache: npm']), want: [8] },
  { what: 'actions/cache on release', input: wf(['on:', '  release:', '    types: [published]'], ['      - uses: actions/cache@v4', '        with:', '          path: ~/.npm', '          key: k']), want: [8] },
  { what: 'setup-go v5 caches by default', input: wf(tags, ['      - uses: actions/setup-go@v5']), want: [8] },
  { what: 'setup-go with cache: false', input: wf(tags, ['      - uses: actions/setup-go@v5', '        with:', '          cache: false']), want: [] },
  { what: 'branch pushes are not releases', input: wf(['on:', '  push:', '    branches: [main]'], ['      - uses: actions/setup-node@v4', '        with:', '          cache: npm']), want: [] },
  { what: 'tags and branches together are not release-only', input: wf(['on:', '  push:', '    branches: [main]', '    tags: [v*]'], ['      - uses: actions/cache@v4']), want: [] },
  { what: 'cache/save does not restore', input: wf(tags, ['      - uses: actions/cache/save@v4']), want: [] },
  { what: 'setup-node without cache', input: wf(tags, ['      - uses: actions/setup-node@v4']), want: [] },
]);

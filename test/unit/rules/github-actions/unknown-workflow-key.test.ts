import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/unknown-workflow-key';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const body = ['jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'];

ruleTable('github-actions/unknown-workflow-key', [
  { what: 'permission typo', input: lines('on: push', 'permission:', '  contents: read', ...body), want: [2], messages: [message('permission', 'permissions')] },
  { what: 'unknown key', input: lines('on: push', 'triggers: [push]', ...body), want: [2], messages: [message('triggers')] },
  {
    what: 'every known key',
    input: lines('name: CI', 'run-name: CI for ${{ github.ref }}', 'on: push', 'permissions: {}', 'env:', '  A: 1', 'defaults:', '  run:', '    shell: bash', 'concurrency:', '  group: ci-${{ github.ref }}', '  cancel-in-progress: true', ...body),
    want: [],
  },
  { what: 'job key at top level', input: lines('on: push', 'runs-on: ubuntu-24.04', ...body), want: [2] },
  { what: 'clean', input: lines('on: push', ...body), want: [] },
]);

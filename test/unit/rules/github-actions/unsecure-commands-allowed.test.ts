import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/unsecure-commands-allowed';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/unsecure-commands-allowed', [
  {
    what: 'workflow env',
    input: lines('on: push', 'env:', '  ACTIONS_ALLOW_UNSECURE_COMMANDS: true', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [3],
    messages: [message()],
  },
  {
    what: 'step env as a string',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make', '        env:', "          ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'"),
    want: [8],
  },
  {
    what: 'job env',
    input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    env:', '      ACTIONS_ALLOW_UNSECURE_COMMANDS: true', '    steps:', '      - run: make'),
    want: [6],
  },
  {
    what: 'explicitly false',
    input: lines('on: push', 'env:', '  ACTIONS_ALLOW_UNSECURE_COMMANDS: false', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'),
    want: [],
  },
  { what: 'absent', input: lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make'), want: [] },
]);

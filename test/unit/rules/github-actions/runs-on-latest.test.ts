import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/runs-on-latest';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const job = (runsOn: string): string => lines('on: push', 'jobs:', '  build:', `    runs-on: ${runsOn}`, '    steps:', '      - run: make');

ruleTable('github-actions/runs-on-latest', [
  { what: 'ubuntu-latest', input: job('ubuntu-latest'), want: [4], messages: [message('ubuntu-latest')] },
  { what: 'windows-latest in a list', input: job('[self-hosted, windows-latest]'), want: [4] },
  { what: 'pinned ubuntu', input: job('ubuntu-24.04'), want: [] },
  { what: 'matrix expression', input: job('${{ matrix.os }}'), want: [] },
  { what: 'self-hosted labels', input: job('[self-hosted, linux, x64]'), want: [] },
  {
    what: 'labels under a group',
    input: lines('on: push', 'jobs:', '  build:', '    runs-on:', '      group: large', '      labels: macos-latest', '    steps:', '      - run: make'),
    want: [6],
  },
]);

ruleTable('github-actions/runs-on-latest', [
  {
    what: 'matrix axis values',
    input: lines(
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ${{ matrix.os }}',
      '    strategy:',
      '      matrix:',
      '        os: [ubuntu-latest, windows-2022]',
      '        include:',
      '          - os: macos-latest',
      '    steps:',
      '      - run: make',
    ),
    want: [7, 9],
  },
  {
    what: 'pinned matrix axis values',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ${{ matrix.os }}', '    strategy:', '      matrix:', '        os: [ubuntu-24.04, macos-14]', '    steps:', '      - run: make'),
    want: [],
  },
]);

import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/test-continue-on-error';

const lines = (...l: string[]): string => l.join('\n') + '\n';

ruleTable('github-actions/test-continue-on-error', [
  {
    what: 'test step allowed to fail',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    steps:', '      - name: Tests', '        run: npm test', '        continue-on-error: true'),
    want: [8],
    messages: [message('step', 'Tests')],
  },
  {
    what: 'test job allowed to fail',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    continue-on-error: true', '    steps:', '      - run: cargo test'),
    want: [5],
    messages: [message('job', 'test')],
  },
  {
    what: 'continue-on-error false',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: pytest', '        continue-on-error: false'),
    want: [],
  },
  {
    what: 'lint step may fail (not a test)',
    input: lines('on: push', 'jobs:', '  lint:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: npx eslint .', '        continue-on-error: true'),
    want: [],
  },
  {
    what: 'experimental matrix expression is not judged',
    input: lines('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    continue-on-error: ${{ matrix.experimental }}', '    steps:', '      - run: go test ./...'),
    want: [],
  },
  {
    what: 'mvn verify in a multi-line script',
    input: lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', '      - continue-on-error: true', '        run: |', '          mvn -B verify'),
    want: [6],
  },
]);

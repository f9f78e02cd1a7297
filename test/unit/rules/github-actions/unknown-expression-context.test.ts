import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/unknown-expression-context';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/unknown-expression-context', [
  { what: 'secret instead of secrets', input: steps('      - run: make', '        env:', '          T: ${{ secret.TOKEN }}'), want: [8], messages: [message('context', 'secret', 'secrets')] },
  { what: 'unknown function', input: steps("      - if: startWith(github.ref, 'refs/tags/')", '        run: make'), want: [6], messages: [message('function', 'startWith', 'startsWith')] },
  { what: 'unknown context without suggestion', input: steps('      - run: echo ${{ foo.bar }}'), want: [6], messages: [message('context', 'foo')] },
  {
    what: 'every context and function',
    input: steps(
      '      - run: echo "${{ github.sha }} ${{ env.A }} ${{ vars.B }} ${{ job.status }} ${{ steps.x.outcome }} ${{ runner.os }} ${{ secrets.C }}"',
      '      - run: echo "${{ strategy.fail-fast }} ${{ matrix.os }} ${{ needs.a.result }} ${{ inputs.v }} ${{ toJSON(jobs) }}"',
      "      - if: success() || failure() || always() || cancelled() || contains(github.ref, 'x') || endsWith(github.ref, 'y')",
      "        run: echo ${{ join(fromJSON('[1]'), ',') }} ${{ hashFiles('a') }} ${{ format('{0}', 1) }} ${{ true }} ${{ null }}",
    ),
    want: [],
  },
  { what: 'case-insensitive names', input: steps("      - if: ${{ GitHub.event_name == 'push' && StartsWith(github.ref, 'refs/') }}", '        run: make'), want: [] },
]);

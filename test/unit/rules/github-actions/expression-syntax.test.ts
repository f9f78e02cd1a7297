import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/expression-syntax';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/expression-syntax', [
  { what: 'unclosed ${{', input: steps('      - run: echo "${{ github.sha"'), want: [6], messages: [message("'${{' is never closed with '}}'")] },
  { what: 'unbalanced parenthesis', input: steps("      - if: ${{ startsWith(github.ref, 'refs/tags/' }}", '        run: make'), want: [6], messages: [message("'(' is never closed")] },
  { what: 'double-quoted string', input: steps('      - if: github.ref == "refs/heads/main"', '        run: make'), want: [6], messages: [message('strings in expressions use single quotes, not double quotes')] },
  { what: 'single = comparison', input: steps("      - if: github.event_name = 'push'", '        run: make'), want: [6] },
  { what: 'unterminated string', input: steps("      - run: echo ${{ format('{0}, github.sha) }}"), want: [6] },
  {
    what: 'valid expressions',
    input: steps(
      "      - if: ${{ always() && (github.event_name == 'push' || startsWith(github.ref, 'refs/tags/v')) }}",
      "        run: echo \"${{ format('{0}-{1}', runner.os, hashFiles('**/package-lock.json')) }}\" ${{ matrix.node[0] }} ${{ !cancelled() }}",
      "      - if: github.event.pull_request.head.repo.fork == false && contains(fromJSON('[\"a\",\"b\"]'), matrix.x)",
      "        run: echo ${{ steps.meta.outputs.tags }} ${{ github.event.commits.*.id }} ${{ 1.5 }} ${{ -1 }} ${{ 0xff }}",
    ),
    want: [],
  },
  { what: 'string literal containing }}', input: steps("      - run: echo \"${{ format('{{0}}', github.sha) }}\""), want: [] },
]);

import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/deprecated-workflow-command';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/deprecated-workflow-command', [
  { what: 'set-output', input: steps('      - run: echo "::set-output name=version::1.2.3"'), want: [6], messages: [message('set-output')] },
  { what: 'set-env in a block', input: steps('      - run: |', '          echo "::set-env name=PATH_X::/opt/x"'), want: [7], messages: [message('set-env')] },
  { what: 'add-path and save-state', input: steps('      - run: |', "          echo '::add-path::/opt/bin'", '          echo "::save-state name=pid::123"'), want: [7, 8] },
  { what: 'GITHUB_OUTPUT', input: steps('      - run: echo "version=1.2.3" >> "$GITHUB_OUTPUT"'), want: [] },
  { what: 'other workflow commands are fine', input: steps('      - run: echo "::group::Build" && echo "::add-mask::$TOKEN"'), want: [] },
  { what: 'pwsh shell is not parsed as bash', input: steps('      - shell: pwsh', '        run: Write-Output "ok"'), want: [] },
]);

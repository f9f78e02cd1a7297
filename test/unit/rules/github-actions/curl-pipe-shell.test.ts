import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/curl-pipe-shell';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/curl-pipe-shell', [
  { what: 'curl | bash', input: steps('      - run: curl -fsSL https://get.example.com | bash'), want: [6], messages: [message('curl', 'bash')] },
  { what: 'wget -qO- | sudo sh', input: steps('      - run: |', '          wget -qO- https://get.example.com/install.sh | sudo sh -s -- -y'), want: [7], messages: [message('wget', 'sh')] },
  { what: 'bash <(curl …)', input: steps('      - run: bash <(curl -s https://get.example.com)'), want: [6] },
  { what: 'sh -c "$(curl …)"', input: steps('      - run: sh -c "$(curl -fsSL https://get.example.com/install.sh)"'), want: [6] },
  { what: 'download then verify', input: steps('      - run: |', '          curl -fsSLo install.sh https://get.example.com/install.sh', '          sha256sum -c install.sh.sha256', '          bash install.sh'), want: [] },
  { what: 'curl piped to jq', input: steps('      - run: curl -s https://api.github.com/repos/acme/api | jq .stargazers_count'), want: [] },
  { what: 'curl with expression URL piped to tar', input: steps('      - run: curl -fsSL ${{ env.URL }} | tar xz'), want: [] },
]);

import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/github-actions/docker-action-unpinned';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/docker-action-unpinned', [
  { what: 'untagged', input: steps('      - uses: docker://alpine'), want: [6], messages: [message('alpine', 'untagged')] },
  { what: 'latest', input: steps('      - uses: docker://ghcr.io/acme/tool:latest'), want: [6], messages: [message('ghcr.io/acme/tool:latest', 'latest')] },
  { what: 'version tag', input: steps('      - uses: docker://alpine:3.20'), want: [] },
  { what: 'digest', input: steps('      - uses: docker://alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d'), want: [] },
  { what: 'regular action', input: steps('      - uses: actions/checkout@v4'), want: [] },
]);

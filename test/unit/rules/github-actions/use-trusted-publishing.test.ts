import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (...step: string[]): string => lines('on: release', 'jobs:', '  a:', '    runs-on: ubuntu-24.04', '    steps:', ...step);

ruleTable('github-actions/use-trusted-publishing', [
  { what: 'pypi action with password', input: wf('      - uses: pypa/gh-action-pypi-publish@release/v1', '        with:', '          password: ${{ secrets.PYPI }}'), want: [6] },
  { what: 'cargo publish with token', input: wf('      - run: cargo publish', '        env:', '          CARGO_REGISTRY_TOKEN: ${{ secrets.CRATES }}'), want: [6] },
  { what: 'npm publish with token', input: wf('      - run: npm publish', '        env:', '          NODE_AUTH_TOKEN: ${{ secrets.NPM }}'), want: [6] },
  { what: 'npm publish with provenance', input: wf('      - run: npm publish --provenance', '        env:', '          NODE_AUTH_TOKEN: ${{ secrets.NPM }}'), want: [] },
  { what: 'pypi action with OIDC', input: wf('      - uses: pypa/gh-action-pypi-publish@release/v1'), want: [] },
  { what: 'private registry', input: wf('      - run: npm publish --registry=https://npm.internal.example', '        env:', '          NODE_AUTH_TOKEN: ${{ secrets.NPM }}'), want: [] },
]);

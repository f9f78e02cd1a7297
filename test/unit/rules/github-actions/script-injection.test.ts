import { ruleTable } from '../../../helpers/table';
import { message, envName } from '../../../../src/core/rules/github-actions/script-injection';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const steps = (...s: string[]): string => lines('on: issues', 'jobs:', '  triage:', '    runs-on: ubuntu-24.04', '    steps:', ...s);

ruleTable('github-actions/script-injection', [
  {
    what: 'issue title in run',
    input: steps('      - run: echo "${{ github.event.issue.title }}"'),
    want: [6],
    messages: [message('github.event.issue.title', 'run')],
  },
  { what: 'head_ref in a block script', input: steps('      - run: |', '          git push origin HEAD:${{ github.head_ref }}'), want: [7] },
  { what: 'comment body and PR body, two findings', input: steps('      - run: |', "          echo '${{ github.event.comment.body }}'", '          echo "${{ github.event.pull_request.body }}"'), want: [7, 8] },
  { what: 'commit messages via index', input: steps('      - run: echo "${{ github.event.commits[0].message }}"'), want: [6] },
  { what: 'whole event object dumped', input: steps("      - run: echo '${{ toJSON(github.event) }}'"), want: [6] },
  { what: 'safe: number, sha, repository', input: steps('      - run: echo "${{ github.event.issue.number }} ${{ github.sha }} ${{ github.repository }}"'), want: [] },
  { what: 'safe: passed through env', input: steps('      - run: echo "$TITLE"', '        env:', '          TITLE: ${{ github.event.issue.title }}'), want: [] },
  {
    what: 'github-script code',
    input: steps('      - uses: actions/github-script@v7', '        with:', '          script: |', '            const t = "${{ github.event.issue.title }}"'),
    want: [9],
    messages: [message('github.event.issue.title', 'script')],
  },
  { what: 'workflow_dispatch inputs are not reported', input: steps('      - run: echo "${{ inputs.version }} ${{ github.event.inputs.env }}"'), want: [] },
]);

describe('script-injection env names', () => {
  it('names common fields', () => {
    assert.equal(envName('github.event.pull_request.title'), 'PR_TITLE');
    assert.equal(envName('github.event.commits.*.message'), 'COMMITS_MESSAGE');
    assert.equal(envName('github.event.pull_request.head.label'), 'HEAD_LABEL');
  });
});

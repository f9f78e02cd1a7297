import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const step = (env: string[], run: string): string => lines('on: issues', 'jobs:', '  t:', '    runs-on: ubuntu-24.04', '    steps:', '      - env:', ...env, `        run: ${run}`);

ruleTable('github-actions/github-env-untrusted', [
  { what: 'title to GITHUB_ENV', input: step(['          T: ${{ github.event.issue.title }}'], 'echo "X=$T" >> "$GITHUB_ENV"'), want: [8] },
  { what: 'braced variable to GITHUB_PATH', input: step(['          B: ${{ github.head_ref }}'], 'echo "${B}" >> $GITHUB_PATH'), want: [8] },
  { what: 'printf', input: step(['          C: ${{ github.event.comment.body }}'], "printf 'C=%s\\n' \"$C\" >> \"$GITHUB_ENV\""), want: [8] },
  { what: 'trusted value', input: step(['          S: ${{ github.sha }}'], 'echo "S=$S" >> "$GITHUB_ENV"'), want: [] },
  { what: 'untrusted value to a plain file', input: step(['          T: ${{ github.event.issue.title }}'], 'echo "$T" > title.txt'), want: [] },
  { what: 'untrusted value to GITHUB_OUTPUT', input: step(['          T: ${{ github.event.issue.title }}'], 'echo "t=$T" >> "$GITHUB_OUTPUT"'), want: [] },
]);

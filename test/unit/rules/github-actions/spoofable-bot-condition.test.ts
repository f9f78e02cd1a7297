import { ruleTable } from '../../../helpers/table';

const lines = (...l: string[]): string => l.join('\n') + '\n';
const wf = (on: string, cond: string): string => lines(`on: ${on}`, 'jobs:', '  a:', `    if: ${cond}`, '    runs-on: ubuntu-24.04', '    steps:', '      - run: make');

ruleTable('github-actions/spoofable-bot-condition', [
  { what: 'actor equals dependabot', input: wf('pull_request_target', "github.actor == 'dependabot[bot]'"), want: [4] },
  { what: 'reversed, triggering actor', input: wf('pull_request', "${{ 'renovate[bot]' == github.triggering_actor }}"), want: [4] },
  { what: 'contains on the actor', input: wf('workflow_run', "contains(github.actor, 'dependabot')"), want: [4] },
  { what: 'author login', input: wf('pull_request_target', "github.event.pull_request.user.login == 'dependabot[bot]'"), want: [] },
  { what: 'push trigger', input: wf('push', "github.actor == 'dependabot[bot]'"), want: [] },
  { what: 'a person', input: wf('pull_request', "github.actor == 'octocat'"), want: [] },
]);

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, str } from '../../parsers/yaml';
import { coreCommand } from './classify';
import { contextPaths } from './expression';
import { actionName, commandsOf, findExpressions, workflowsOf } from './workflow';

/** The message for privileged workflows that check out untrusted code. */
export function message(event: string): string {
  return `This '${event}' workflow runs with a write token and secrets, and checks out the pull request's code: any build, install or test step then runs the attacker's code. Use 'pull_request' for untrusted code, or never execute what was checked out`;
}

const HEAD_PATHS = [
  'github.event.pull_request.head.sha',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.merge_commit_sha',
  'github.event.pull_request.head.repo.full_name',
  'github.head_ref',
  'github.event.workflow_run.head_sha',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_repository.full_name',
  'github.event.number',
  'github.event.pull_request.number',
];

/** Whether a ref text (with expressions) points at the pull request's code. */
function pointsAtHead(text: string): boolean {
  if (/refs\/pull\/|(^|[^a-z])pull\/[^/]+\/(head|merge)/.test(text)) {
    return true;
  }
  return findExpressions(text).some((e) => contextPaths(e.inner).some((p) => HEAD_PATHS.includes(p.path)));
}

/** pull_request_target / workflow_run workflows must not check out the PR head. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/pull-request-target-checkout',
  meta: {
    title: 'Privileged workflow checks out pull request code',
    description: '`pull_request_target` and `workflow_run` run in the base repository with secrets and a write token. Checking out the head of an outside pull request there ("pwn request") hands both to the contributor.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'dangerous-triggers' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const event = wf.events.has('pull_request_target') ? 'pull_request_target' : wf.events.has('workflow_run') ? 'workflow_run' : undefined;
      if (!event) {
        continue;
      }
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (step.uses && actionName(step.uses) === 'actions/checkout') {
            const refNode = get(step.with, 'ref');
            const repoNode = get(step.with, 'repository');
            const ref = str(refNode) ?? '';
            const repo = str(repoNode) ?? '';
            if (pointsAtHead(ref) || pointsAtHead(repo)) {
              ctx.report({ range: rangeOf(ctx.model, pointsAtHead(ref) ? refNode : repoNode), message: message(event) });
            }
            continue;
          }
          const run = step.run();
          for (const c of commandsOf(step)) {
            if (c.name !== 'gh' && c.name !== 'git') {
              continue;
            }
            const core = coreCommand(c);
            const sub = core.args.filter((a) => !a.startsWith('-'));
            const isGhCheckout = core.name === 'gh' && sub[0] === 'pr' && sub[1] === 'checkout';
            const isGit = core.name === 'git' && (sub[0] === 'checkout' || sub[0] === 'switch' || sub[0] === 'fetch' || sub[0] === 'pull');
            if (run && (isGhCheckout || (isGit && c.args.some((a) => pointsAtHead(run.value.slice(a.start, a.end)))))) {
              ctx.report({ range: run.range(c.start, c.end), message: message(event) });
            }
          }
        }
      }
    }
  },
};

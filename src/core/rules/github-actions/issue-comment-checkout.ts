import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, str } from '../../parsers/yaml';
import { coreCommand } from './classify';
import { contextPaths } from './expression';
import { expressionsOf } from './expression-scan';
import { actionName, commandsOf, findExpressions, workflowsOf } from './workflow';
import type { Job, Step, Workflow } from './workflow';

/** The message for a comment-triggered workflow that runs the pull request's code. */
export function message(): string {
  return "This 'issue_comment' workflow runs with the base repository's secrets and a write token, and checks out the pull request the comment is on: anyone who can comment can have their code run there. Check the commenter (author_association) and run the PR code in a separate pull_request workflow";
}

/** Expression paths that name the pull request an issue comment was made on. */
const PR_PATHS = ['github.event.issue.number', 'github.event.issue.pull_request.url', 'github.event.issue.pull_request.head.sha', 'github.event.comment.body'];

/** Whether a ref or command argument names the commented pull request's code. */
function pointsAtPullRequest(text: string): boolean {
  if (/refs\/pull\/|(^|[^a-z])pull\/[^/\s]+\/(head|merge)/.test(text)) {
    return true;
  }
  return findExpressions(text).some((e) => contextPaths(e.inner).some((p) => PR_PATHS.includes(p.path)));
}

/** Whether the job or step is limited to commenters with write access. */
function gatedOnCommenter(wf: Workflow, job: Job, step: Step): boolean {
  const gate = (node: unknown): boolean => /author_association|github\.event\.comment\.user\.login|github\.actor\s*==/.test(str(get(node, 'if', wf.doc)) ?? '');
  return gate(job.node) || gate(step.node) || expressionsOf(wf.file, wf).some((e) => e.text.includes('getCollaboratorPermissionLevel'));
}

/** `issue_comment` workflows must not check out and run the pull request's code for anyone. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/issue-comment-checkout',
  meta: {
    title: 'Comment-triggered workflow checks out pull request code',
    description: 'An `issue_comment` workflow runs in the base repository with its secrets, for comments by anyone. Checking out the commented pull request there (`refs/pull/N/head`, `gh pr checkout`) runs an outsider\'s code with those secrets.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'dangerous-triggers' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      if (!wf.events.has('issue_comment')) {
        continue;
      }
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (gatedOnCommenter(wf, job, step)) {
            continue;
          }
          if (step.uses && actionName(step.uses) === 'actions/checkout') {
            const refNode = get(step.with, 'ref');
            if (pointsAtPullRequest(str(refNode) ?? '')) {
              ctx.report({ range: rangeOf(ctx.model, refNode), message: message() });
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
            const gh = core.name === 'gh' && sub[0] === 'pr' && sub[1] === 'checkout';
            const git = core.name === 'git' && ['checkout', 'switch', 'fetch', 'pull'].includes(sub[0] ?? '') && run !== undefined && c.args.some((a) => pointsAtPullRequest(run.value.slice(a.start, a.end)));
            if (run && (gh || git)) {
              ctx.report({ range: run.range(c.start, c.end), message: message() });
            }
          }
        }
      }
    }
  },
};

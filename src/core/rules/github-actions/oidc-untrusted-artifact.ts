import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, str } from '../../parsers/yaml';
import { coreCommand } from './classify';
import { permission } from './events';
import { actionName, commandsOf, stepRange, workflowsOf } from './workflow';
import type { Step } from './workflow';

/** The message for a job that can mint cloud credentials and uses another run's artifacts. */
export function message(job: string): string {
  return `Job '${job}' can request OIDC tokens (id-token: write) and downloads the artifacts of the run that triggered it, which a pull request may have built: what it publishes or deploys with those credentials is then the contributor's. Rebuild from trusted sources, or verify the artifact before using the token`;
}

/** Actions that download artifacts from other workflow runs. */
const CROSS_RUN_DOWNLOADERS = new Set(['dawidd6/action-download-artifact']);

/** Whether a step downloads artifacts of another run. */
function downloadsForeignArtifact(step: Step): boolean {
  if (step.uses) {
    const name = actionName(step.uses);
    if (name === 'actions/download-artifact') {
      return get(step.with, 'run-id') !== undefined;
    }
    if (name === 'actions/github-script') {
      return /downloadArtifact|listWorkflowRunArtifacts/.test(str(get(step.with, 'script')) ?? '');
    }
    return CROSS_RUN_DOWNLOADERS.has(name);
  }
  return commandsOf(step).some((c) => {
    if (c.name !== 'gh') {
      return false;
    }
    const core = coreCommand(c);
    return core.args[0] === 'run' && core.args[1] === 'download';
  });
}

/** `workflow_run` jobs with `id-token: write` must not consume the triggering run's artifacts. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/oidc-untrusted-artifact',
  meta: {
    title: 'OIDC token next to artifacts of an untrusted run',
    description: 'A `workflow_run` workflow starts after any run of the watched workflow, including runs for fork pull requests. Downloading that run\'s artifacts in a job that can request cloud credentials (`id-token: write`) publishes or deploys files the contributor made.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      if (!wf.events.has('workflow_run')) {
        continue;
      }
      for (const job of wf.jobs) {
        if (permission(wf, job, 'id-token') !== 'write') {
          continue;
        }
        const step = job.steps.find(downloadsForeignArtifact);
        if (step) {
          ctx.report({ range: stepRange(ctx.model, step), message: message(job.id) });
        }
      }
    }
  },
};

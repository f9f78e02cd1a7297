/**
 * What the security rules ask about a workflow beyond its jobs: how it is triggered (tags,
 * releases, events an outsider can cause), what its token may do, and which version of an
 * action a step runs.
 */
import { get, mapEntries, seqItems, str } from '../../parsers/yaml';
import type { Job, Step, Workflow } from './workflow';
import { actionRef } from './workflow';

/** Events an outside contributor can cause on a public repository. */
export const OUTSIDER_EVENTS: readonly string[] = ['pull_request', 'pull_request_target', 'issue_comment', 'pull_request_review', 'pull_request_review_comment', 'workflow_run', 'discussion', 'discussion_comment', 'issues'];

/** The settings of one trigger (`on.push`), undefined when written as a bare name. */
export function triggerNode(wf: Workflow, event: string): unknown {
  return get(get(wf.root, 'on', wf.doc), event, wf.doc);
}

/** Whether the workflow runs for releases: `release`, or `push` limited to tags. */
export function releaseTriggered(wf: Workflow): boolean {
  if (wf.events.has('release')) {
    return true;
  }
  const push = triggerNode(wf, 'push');
  return wf.events.has('push') && get(push, 'tags', wf.doc) !== undefined && get(push, 'branches', wf.doc) === undefined;
}

/** The first of `events` that triggers the workflow. */
export function firstEvent(wf: Workflow, events: readonly string[]): string | undefined {
  return events.find((e) => wf.events.has(e));
}

/**
 * What the GITHUB_TOKEN or OIDC may do for one permission scope in a job: the job's
 * `permissions:` replace the workflow's; `write-all` and `read-all` cover every scope. Undefined
 * when neither sets it (the repository default applies).
 */
export function permission(wf: Workflow, job: Job, scope: string): string | undefined {
  const own = get(job.node, 'permissions', wf.doc);
  const holder = own !== undefined ? own : get(wf.root, 'permissions', wf.doc);
  if (holder === undefined) {
    return undefined;
  }
  const whole = str(holder);
  if (whole === 'write-all') {
    return 'write';
  }
  if (whole === 'read-all') {
    return 'read';
  }
  for (const { key, value } of mapEntries(holder, wf.doc)) {
    if (key === scope) {
      return str(value);
    }
  }
  return 'none';
}

/** The major version of a step's `uses:` ref (`v3`, `v3.1.0`, `3`), undefined for SHAs and branches. */
export function majorVersion(uses: string): number | undefined {
  const m = /^v?(\d+)(\.\d+){0,2}$/.exec(actionRef(uses) ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The `[major, minor]` of a version ref, minor undefined when the ref floats (`v4`). */
export function versionOf(uses: string): [number, number | undefined] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(actionRef(uses) ?? '');
  return m ? [Number(m[1]), m[2] === undefined ? undefined : Number(m[2])] : undefined;
}

/** The labels of a job's `runs-on` (a string, a list, or `labels:` of a group). */
export function runnerLabels(wf: Workflow, job: Job): { value: string; node: unknown }[] {
  const runsOn = get(job.node, 'runs-on', wf.doc);
  const one = str(runsOn);
  if (one !== undefined) {
    return [{ value: one, node: runsOn }];
  }
  const list = seqItems(runsOn, wf.doc);
  const labels = list.length > 0 ? list : seqItems(get(runsOn, 'labels', wf.doc), wf.doc);
  return labels.map((node) => ({ value: str(node) ?? '', node }));
}

/** The steps of a job before a given one. */
export function stepsBefore(step: Step): Step[] {
  return step.job.steps.slice(0, step.index);
}

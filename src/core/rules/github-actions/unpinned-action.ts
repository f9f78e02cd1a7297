import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { workflowsOf } from './workflow';

/** Why a `uses:` reference is not pinned. */
export type PinProblem = 'no-ref' | 'branch' | 'tag';

/** The message for an action not pinned to a commit SHA. */
export function message(uses: string, problem: PinProblem): string {
  switch (problem) {
    case 'no-ref':
      return `'${uses}' has no ref: add '@<full commit SHA>' (with the version in a comment)`;
    case 'branch':
      return `'${uses}' follows a branch, so every run may execute different code: pin a full 40-character commit SHA`;
    default:
      return `'${uses}' is pinned to a tag, which its owner can move: pin the full 40-character commit SHA and keep the tag in a comment`;
  }
}

const SHA = /^[0-9a-f]{40}$/;
const VERSION = /^v?\d+(\.\d+){0,2}([-+.][0-9A-Za-z.-]+)?$/;

/** Classify a remote `uses:` value; undefined when it is pinned well enough. */
export function pinProblem(uses: string): PinProblem | undefined {
  const at = uses.indexOf('@');
  if (at < 0) {
    return 'no-ref';
  }
  const ref = uses.slice(at + 1);
  if (SHA.test(ref) || /\$\{\{/.test(ref)) {
    return undefined;
  }
  const owner = uses.slice(0, uses.indexOf('/')).toLowerCase();
  // the SLSA generator's reusable workflows verify their own release tag while they run
  // (a SHA reference makes them fail), so a release tag is the pin their authors require
  if (uses.toLowerCase().startsWith('slsa-framework/slsa-github-generator/') && VERSION.test(ref)) {
    return undefined;
  }
  const firstParty = owner === 'actions' || owner === 'github';
  const versionLike = VERSION.test(ref);
  if (!versionLike) {
    return 'branch';
  }
  // GitHub's own actions by release tag are accepted: they are immutable in practice and
  // pinning them adds churn without closing a real hole
  return firstParty ? undefined : 'tag';
}

/** Third-party actions and reusable workflows must be pinned to a commit SHA. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unpinned-action',
  meta: {
    title: 'Action not pinned to a commit SHA',
    description: 'A tag or branch of a third-party action can be moved to malicious code at any time (as in the tj-actions/changed-files compromise). Only a full commit SHA is immutable. GitHub-owned actions (`actions/*`, `github/*`) by release tag are accepted; branches are reported for everyone.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'unpinned-uses' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const refs: { uses: string; node: unknown }[] = [];
        if (job.uses !== undefined) {
          refs.push({ uses: job.uses, node: job.usesNode });
        }
        for (const step of job.steps) {
          if (step.uses !== undefined) {
            refs.push({ uses: step.uses, node: step.usesNode });
          }
        }
        for (const ref of refs) {
          const uses = ref.uses.trim();
          if (uses.startsWith('./') || uses.startsWith('docker://') || uses === '') {
            continue;
          }
          const problem = pinProblem(uses);
          if (problem) {
            ctx.report({ range: rangeOf(ctx.model, ref.node ?? job.keyNode), message: message(uses, problem) });
          }
        }
      }
    }
  },
};

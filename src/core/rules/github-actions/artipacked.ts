import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, get, str } from '../../parsers/yaml';
import { versionOf } from './events';
import { actionName, input, stepRange, workflowsOf } from './workflow';
import type { Step } from './workflow';

/** The message for a checkout whose credentials end up in an uploaded artifact. */
export function message(upload: string): string {
  return `actions/checkout keeps the job's token in .git/config, and '${upload}' uploads the checkout with its hidden files: anyone who can download the artifact gets the token. Set persist-credentials: false on the checkout`;
}

/** Whether an upload-artifact step includes hidden files (`.git`): asked for, or a version from before they were left out (4.4). */
function uploadsHiddenFiles(step: Step): boolean {
  const asked = bool(get(step.with, 'include-hidden-files'));
  if (asked !== undefined) {
    return asked;
  }
  const v = step.uses ? versionOf(step.uses) : undefined;
  return v !== undefined && (v[0] < 4 || (v[0] === 4 && v[1] !== undefined && v[1] < 4));
}

/** Whether an upload's `path:` covers the folder a checkout wrote (the workspace or the checkout's `path:`). */
function coversCheckout(uploadPath: string, checkoutPath: string): boolean {
  const dir = checkoutPath.replace(/^\.\/?/, '').replace(/\/$/, '');
  return uploadPath.split('\n').some((line) => {
    const p = line.trim().replace(/^\.\/?/, '').replace(/\/$/, '');
    if (p.startsWith('!') || line.trim() === '') {
      return false;
    }
    const whole = p === '' || p === '*' || p === '**' || p === '**/*' || /^\$\{\{\s*github\.workspace\s*\}\}$/.test(p);
    return whole || (dir !== '' && (p === dir || p === `${dir}/*` || p === `${dir}/**`));
  });
}

/** A checkout that persists its token must not be uploaded as an artifact with its `.git` folder. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/artipacked',
  meta: {
    title: 'Checkout credentials uploaded in an artifact',
    description: 'actions/checkout writes the job token into `.git/config` unless `persist-credentials: false`; uploading the checked-out folder with its hidden files publishes that token to everyone who can read the artifacts.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'artipacked' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const checkout of job.steps) {
          if (!checkout.uses || actionName(checkout.uses) !== 'actions/checkout' || bool(get(checkout.with, 'persist-credentials')) === false) {
            continue;
          }
          const checkoutPath = input(checkout, 'path') ?? '';
          const upload = job.steps.slice(checkout.index + 1).find((s) => s.uses !== undefined && actionName(s.uses) === 'actions/upload-artifact' && uploadsHiddenFiles(s) && coversCheckout(input(s, 'path') ?? '', checkoutPath));
          if (!upload || !upload.uses) {
            continue;
          }
          ctx.report({ range: stepRange(ctx.model, checkout), message: message(str(get(upload.node, 'name')) ?? upload.uses) });
        }
      }
    }
  },
};

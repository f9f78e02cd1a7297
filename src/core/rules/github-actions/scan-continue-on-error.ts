import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf } from '../../parsers/yaml';
import { isScanStep } from './classify';
import { actionName, continuesOnError, stepLabel, workflowsOf } from './workflow';
import type { Step } from './workflow';

/** The message for a security check allowed to fail. */
export function message(what: 'step' | 'job', name: string): string {
  return what === 'step'
    ? `Security check '${name}' has continue-on-error: true, so what it finds never fails the build: remove it, and accept known findings in the scanner's ignore file instead`
    : `Job '${name}' runs a security check with continue-on-error: true, so what it finds never blocks the jobs after it: remove it, and accept known findings in the scanner's ignore file instead`;
}

/** Security actions beyond the image scanners of classify.ts. */
const SECURITY_ACTIONS = new Set([
  'actions/dependency-review-action',
  'gitleaks/gitleaks-action',
  'trufflesecurity/trufflehog',
  'aquasecurity/tfsec-action',
  'bridgecrewio/checkov-action',
  'returntocorp/semgrep-action',
  'semgrep/semgrep-action',
]);

/**
 * Whether a step is a security check whose failure is its verdict. A scan followed by a SARIF
 * upload in the same job reports to code scanning, where the findings are kept and gated.
 */
function isSecurityStep(step: Step): boolean {
  const sarifAfter = step.job.steps.slice(step.index + 1).some((s) => s.uses !== undefined && actionName(s.uses) === 'github/codeql-action/upload-sarif');
  return !sarifAfter && (isScanStep(step) || (step.uses !== undefined && SECURITY_ACTIONS.has(actionName(step.uses))));
}

/** Security checks must be able to fail the workflow. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/scan-continue-on-error',
  meta: {
    title: 'Security check may fail without failing the workflow',
    description: '`continue-on-error: true` on a vulnerability scan, secret scan or code analysis step turns its findings into a green check, so nothing downstream waits for them.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: true,
  },
  check(ctx) {
    const report = (node: unknown, what: 'step' | 'job', name: string): void => {
      const pair = getPair(node, 'continue-on-error');
      const valueRange = rangeOf(ctx.model, pair?.value);
      ctx.report({ range: rangeOf(ctx.model, pair?.key), message: message(what, name), fix: { title: 'Set continue-on-error to false', safe: false, edits: [{ range: valueRange, newText: 'false' }] } });
    };
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        if (continuesOnError(job.node) && job.steps.some(isSecurityStep)) {
          report(job.node, 'job', job.id);
        }
        for (const step of job.steps) {
          if (continuesOnError(step.node) && isSecurityStep(step)) {
            report(step.node, 'step', stepLabel(step));
          }
        }
      }
    }
  },
};

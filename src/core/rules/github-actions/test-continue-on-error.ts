import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf } from '../../parsers/yaml';
import { continuesOnError, stepLabel, workflowsOf } from './workflow';
import { stepRunsTests } from './classify';
import type { Fix } from '../../types';

/** The message for tests allowed to fail. */
export function message(what: 'step' | 'job', name: string): string {
  return what === 'step'
    ? `Test step '${name}' has continue-on-error: true, so failing tests never fail the build: remove it`
    : `Test job '${name}' has continue-on-error: true, so failing tests never block the jobs after it: remove it`;
}

/** Tests must be allowed to fail the workflow. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/test-continue-on-error',
  meta: {
    title: 'Tests may fail without failing the workflow',
    description: '`continue-on-error: true` on a step or job that runs tests turns a red test into a green build, so nothing downstream (deploy) is blocked.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: true,
  },
  check(ctx) {
    const fixFor = (node: unknown): Fix | undefined => {
      const pair = getPair(node, 'continue-on-error');
      if (!pair || !pair.value) {
        return undefined;
      }
      return { title: 'Set continue-on-error to false', safe: false, edits: [{ range: rangeOf(ctx.model, pair.value), newText: 'false' }] };
    };
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        const runsTests = job.steps.some(stepRunsTests);
        if (runsTests && continuesOnError(job.node)) {
          const pair = getPair(job.node, 'continue-on-error');
          ctx.report({ range: rangeOf(ctx.model, pair?.key), message: message('job', job.id), fix: fixFor(job.node) });
        }
        for (const step of job.steps) {
          if (continuesOnError(step.node) && stepRunsTests(step)) {
            const pair = getPair(step.node, 'continue-on-error');
            ctx.report({ range: rangeOf(ctx.model, pair?.key), message: message('step', stepLabel(step)), fix: fixFor(step.node) });
          }
        }
      }
    }
  },
};

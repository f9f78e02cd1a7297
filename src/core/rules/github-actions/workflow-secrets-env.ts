import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries, rangeOf, str } from '../../parsers/yaml';
import { contextPaths } from './expression';
import { findExpressions, workflowsOf } from './workflow';

/** The message for a secret in the workflow's env. */
export function message(variable: string, secret: string): string {
  return `'${variable}' puts secrets.${secret} in the environment of every step of every job, third-party actions included: set it in the env: of the step that needs it`;
}

/** Secrets belong to the steps that use them. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/workflow-secrets-env',
  meta: {
    title: 'Secret in the workflow-wide env',
    description: 'A secret in the top-level `env:` reaches every step of every job, so each action and tool the workflow runs can read it; in the step\'s own `env:` it reaches only that step.',
    severity: 'info',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const { key, value } of mapEntries(wf.env, wf.doc)) {
        const secret = findExpressions(str(value) ?? '')
          .flatMap((e) => contextPaths(e.inner).map((p) => ({ p, written: e.inner.slice(p.start, p.end) })))
          .find(({ p }) => p.root.toLowerCase() === 'secrets' && p.path !== 'secrets.github_token');
        if (secret) {
          ctx.report({ range: rangeOf(ctx.model, value), message: message(key, secret.written.replace(/^secrets\s*\.\s*/i, '')) });
        }
      }
    }
  },
};

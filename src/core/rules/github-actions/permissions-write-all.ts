import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { getPair, rangeOf, str } from '../../parsers/yaml';
import { workflowsOf } from './workflow';

/** The message for a token with every write permission. */
export function message(where: string): string {
  return `${where} grants 'write-all' to the GITHUB_TOKEN, so any step can push code, publish packages and change releases: list only the scopes it needs (e.g. contents: read, packages: write)`;
}

/** `permissions: write-all` must not be used. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/permissions-write-all',
  meta: {
    title: 'Token permissions set to write-all',
    description: '`permissions: write-all` gives every scope write access. A compromised dependency or action in any step can then tamper with the repository, its packages and its releases.',
    severity: 'error',
    kind: 'github-actions',
    fixable: true,
    equivalents: [
      { tool: 'checkov', id: 'CKV2_GHA_1' },
      { tool: 'zizmor', id: 'excessive-permissions' },
    ],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const holders: { where: string; node: unknown }[] = [{ where: 'The workflow', node: wf.root }, ...wf.jobs.map((j) => ({ where: `Job '${j.id}'`, node: j.node }))];
      for (const h of holders) {
        const pair = getPair(h.node, 'permissions');
        if (pair && str(pair.value) === 'write-all') {
          ctx.report({
            range: rangeOf(ctx.model, pair.value),
            message: message(h.where),
            fix: { title: 'Replace write-all with contents: read (then add the scopes the jobs need)', safe: false, edits: [{ range: rangeOf(ctx.model, pair.value), newText: '{ contents: read }' }] },
          });
        }
      }
    }
  },
};

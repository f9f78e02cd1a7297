import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, seqItems, str } from '../../parsers/yaml';
import { auroraDocs } from './config';
import { isWholeWorkspace } from './paths';

/** The message for a write permission on the whole workspace. */
export function message(entry: string): string {
  return `'${entry}' lets the agent write anywhere in the workspace, including source code and CI config: list the infrastructure folders it should change (e.g. "/k8s", "/terraform")`;
}

/** Filesystem permissions should name folders, not the whole workspace. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/filesystem-whole-workspace',
  meta: {
    title: 'Filesystem permission grants the whole workspace',
    description: '"/" or "/**" allows writes to every file of the repository. Least privilege: give the agent the folders that hold infrastructure code.',
    severity: 'warning',
    kind: 'aurora',
    fixable: false,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      for (const item of seqItems(get(a.permissions, 'filesystem', a.doc), a.doc)) {
        const entry = str(item);
        if (entry !== undefined && isWholeWorkspace(entry)) {
          ctx.report({ range: rangeOf(ctx.model, item), message: message(entry) });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, seqItems, str } from '../../parsers/yaml';
import { closest } from '../shared/suggest';
import { auroraDocs, TOOLS } from './config';

/** The message for a tool the agent does not have. */
export function message(tool: string, suggestion?: string): string {
  return `Unknown tool '${tool}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}: the devops agent offers ${TOOLS.join(', ')}`;
}

/** `tools:` must list tools the agent has. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/unknown-tool',
  meta: {
    title: 'Unknown agent tool',
    description: 'Only `run_shell_command`, `read_file` and `write_file` exist. An unknown name is dropped, so a typo can leave the agent without a tool you meant to give it.',
    severity: 'error',
    kind: 'aurora',
    fixable: true,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      for (const item of seqItems(get(a.devops, 'tools', a.doc), a.doc)) {
        const tool = str(item);
        if (tool === undefined || TOOLS.includes(tool)) {
          continue;
        }
        const suggestion = closest(tool, TOOLS);
        const range = rangeOf(ctx.model, item);
        ctx.report({
          range,
          message: message(tool, suggestion),
          fix: suggestion ? { title: `Replace with '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
        });
      }
    }
  },
};

import { parseArgs } from 'util';
import { catalog, ENGINE_RULES } from '../../core';
import type { Command } from '../io';
import { UsageError, writeOut } from '../io';

/** `aurora-devops rules`: the rule catalog. */
export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the rules with ids, titles, severities, kinds and equivalents',
  usage: 'aurora-devops rules [--format text|json] [--kind KIND]',
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'text' }, kind: { type: 'string' } } });
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json (got '${values.format}')`);
    }
    let entries = catalog(ENGINE_RULES);
    if (values.kind) {
      entries = entries.filter((e) => e.kind === values.kind);
      if (entries.length === 0) {
        throw new UsageError(`no rules for kind '${values.kind}'`);
      }
    }
    if (values.format === 'json') {
      await writeOut(JSON.stringify(entries, null, 2) + '\n');
      return 0;
    }
    const width = Math.max(...entries.map((e) => e.id.length));
    const lines = entries.map((e) => {
      const eq = e.equivalents.map((q) => `${q.tool}:${q.id}`).join(' ');
      return `${e.id.padEnd(width)}  ${e.severity.padEnd(7)}  ${e.fixable ? 'fix' : '   '}  ${e.title}${eq ? `  (${eq})` : ''}`;
    });
    await writeOut(lines.join('\n') + `\n${entries.length} rules.\n`);
    return 0;
  },
};

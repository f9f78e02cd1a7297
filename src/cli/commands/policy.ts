import { parseArgs } from 'util';
import { decide } from '../../agent/policy';
import { NodeWorkspace, loadWorkspace } from '../../agent/node';
import type { ToolCall } from '../../agent/types';
import type { Command } from '../io';
import { UsageError, warn, writeOut } from '../io';

/** `aurora-devops policy`: what the agent's policy says about one read, write or command. */
export const policyCommand: Command = {
  name: 'policy',
  summary: 'Show what the agent policy (aurora.yaml permissions) decides for a command, a write or a read',
  usage: 'aurora-devops policy (--command CMD | --write PATH | --read PATH) [--config FILE] [--cwd DIR] [--format text|json]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        command: { type: 'string' },
        write: { type: 'string' },
        read: { type: 'string' },
        config: { type: 'string' },
        cwd: { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json (got '${values.format}')`);
    }
    const given = (['command', 'write', 'read'] as const).filter((k) => values[k] !== undefined);
    if (given.length !== 1) {
      throw new UsageError('give exactly one of --command CMD, --write PATH or --read PATH');
    }
    const loaded = loadWorkspace(values.cwd ?? process.cwd(), values.config);
    if ('error' in loaded) {
      throw new UsageError(loaded.error);
    }
    for (const p of loaded.agent.problems) {
      warn(`${loaded.configFile ?? 'aurora.yaml'}:${p.line}: ${p.message}`);
    }
    const workspace = new NodeWorkspace(loaded.root);
    const kind = given[0];
    const call: ToolCall =
      kind === 'command'
        ? { name: 'run_shell_command', input: { command: values.command } }
        : kind === 'write'
          ? { name: 'write_file', input: { path: values.write, content: '' } }
          : { name: 'read_file', input: { path: values.read } };
    const d = decide(call, {
      workspaceRoot: workspace.root,
      realpath: (p) => workspace.realpath(p),
      caseInsensitive: workspace.caseInsensitive,
      config: loaded.agent.config,
      trusted: true,
    });
    if (values.format === 'json') {
      const out = { decision: d.decision, reasons: d.reasons, hosts: d.hosts, paths: d.paths, ...(d.destructive ? { destructive: true } : {}) };
      await writeOut(JSON.stringify(out) + '\n');
    } else {
      const lines = [`${d.decision}${d.destructive ? ' (destructive)' : ''}`];
      for (const r of d.reasons) {
        lines.push(`  - ${r}`);
      }
      if (d.hosts.length > 0) {
        lines.push(`  hosts: ${d.hosts.join(', ')}`);
      }
      if (d.paths.length > 0) {
        lines.push(`  paths: ${d.paths.join(', ')}`);
      }
      if (!loaded.agent.found) {
        lines.push('  (no aurora.yaml: the agent is read-only)');
      }
      await writeOut(lines.join('\n') + '\n');
    }
    return d.decision === 'deny' ? 3 : 0;
  },
};

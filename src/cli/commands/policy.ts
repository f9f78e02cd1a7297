import { parseArgs } from 'util';
import { decide } from '../../agent/policy';
import { NodeWorkspace, loadWorkspace } from '../../agent/node';
import { planFor, sandboxStatus, shutdownSandbox } from '../../agent/node/sandbox';
import { describeSandbox } from '../../agent/sandbox';
import type { ToolCall } from '../../agent/types';
import type { Command } from '../io';
import { UsageError, warn, writeOut } from '../io';

/** `aurora-devops policy`: what the agent's policy says about one read, write or command. */
export const policyCommand: Command = {
  name: 'policy',
  summary: 'Show what the agent policy (aurora.yaml permissions) decides for a command, a write or a read',
  usage: 'aurora-devops policy (--command CMD | --write PATH | --read PATH | --sandbox) [--config FILE] [--cwd DIR] [--format text|json]',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        command: { type: 'string' },
        write: { type: 'string' },
        read: { type: 'string' },
        sandbox: { type: 'boolean', default: false },
        config: { type: 'string' },
        cwd: { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
    if (values.format !== 'text' && values.format !== 'json') {
      throw new UsageError(`--format must be text or json (got '${values.format}')`);
    }
    const given = (['command', 'write', 'read'] as const).filter((k) => values[k] !== undefined);
    if (given.length + (values.sandbox ? 1 : 0) !== 1) {
      throw new UsageError('give exactly one of --command CMD, --write PATH, --read PATH or --sandbox');
    }
    const loaded = loadWorkspace(values.cwd ?? process.cwd(), values.config);
    if ('error' in loaded) {
      throw new UsageError(loaded.error);
    }
    for (const p of loaded.agent.problems) {
      warn(`${loaded.configFile ?? 'aurora.yaml'}:${p.line}: ${p.message}`);
    }
    if (values.sandbox) {
      // what the operating system will enforce for the agent's commands in this workspace
      const status = await sandboxStatus('required');
      await shutdownSandbox();
      const plan = planFor({ root: loaded.root, config: loaded.agent.config });
      const out = { enforced: status.enforced, state: describeSandbox(status), allowWrite: plan.allowWrite, denyWrite: plan.denyWrite, denyRead: plan.denyRead, allowedDomains: plan.allowedDomains };
      if (values.format === 'json') {
        await writeOut(JSON.stringify(out) + '\n');
      } else {
        const list = (xs: string[]): string => (xs.length > 0 ? xs.map((x) => `\n    ${x}`).join('') : ' (none)');
        await writeOut(`${out.state}\n  writable:${list(out.allowWrite)}\n  never writable:${list(out.denyWrite)}\n  hidden:${list(out.denyRead)}\n  network:${list(out.allowedDomains)}\n`);
      }
      return status.enforced ? 0 : 1;
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

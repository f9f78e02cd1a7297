/**
 * Helpers shared by the yum/dnf/microdnf/tdnf and zypper rules (not a rule): which commands are
 * theirs and their subcommands, as the shell model's options tables read them.
 */
import { VALUE_FLAGS } from '../../shell';
import { positionals, subcommandOf } from './common';
import type { Cmd, Positional, RunCommand } from './common';

/** Programs of the yum family (the shell model's `yum` manager). */
export const YUM_TOOLS = ['yum', 'dnf', 'microdnf', 'tdnf'];

/** The subcommand of a yum-family command (`install`, `clean`, `makecache`…), when it is one. */
export function yumSub(cmd: Cmd): Positional | undefined {
  return YUM_TOOLS.includes(cmd.name) ? subcommandOf(cmd, VALUE_FLAGS.yum) : undefined;
}

/** The subcommand of a zypper command (`install`, `in`, `clean`, `refresh`…), when it is one. */
export function zypperSub(cmd: Cmd): Positional | undefined {
  return cmd.name === 'zypper' ? subcommandOf(cmd, VALUE_FLAGS.zypper) : undefined;
}

/** The operands after the subcommand (packages, repositories), without options. */
export function operandsAfter(cmd: Cmd, sub: Positional, valueFlags: readonly string[]): Positional[] {
  return positionals(cmd.args, valueFlags).filter((p) => p.index > sub.index);
}

/** Whether a RUN removes one of the given folders (or a file or folder under it) with rm. */
export function removes(commands: readonly RunCommand[], ...folders: string[]): boolean {
  return commands.some(
    (c) =>
      c.cmd.name === 'rm' &&
      positionals(c.cmd.args, []).some((p) => {
        const v = p.word.value.replace(/\/+\*?$/, '');
        return folders.some((f) => v === f || v.startsWith(f + '/') || f.startsWith(v + '/'));
      }),
  );
}

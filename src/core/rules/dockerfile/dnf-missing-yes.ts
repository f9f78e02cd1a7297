import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { findFlag, runCommands, scriptCommands, wordRange } from './common';
import type { Cmd, RunCommand } from './common';
import { yumSub } from './rpm';

/** Subcommands that ask "Is this ok [y/N]" before changing anything. */
const PROMPTING = new Set(['install', 'reinstall', 'localinstall', 'groupinstall', 'remove', 'erase', 'autoremove', 'update', 'upgrade', 'update-minimal', 'upgrade-minimal', 'downgrade', 'distro-sync', 'distrosync', 'swap', 'group', 'module', 'builddep']);

/** The message for a yum/dnf command that would wait for a confirmation. */
export function message(tool: string, sub: string): string {
  return `'${tool} ${sub}' without -y asks "Is this ok [y/N]" and, with no terminal to answer, the build fails: add -y`;
}

/** Whether a yum/dnf command answers its prompt itself (-y, --assumeyes, --setopt=assumeyes=1, --assumeno). */
export function answers(cmd: Cmd): boolean {
  if (findFlag(cmd.args, '-y', '--assumeyes', '--assumeno')) {
    return true;
  }
  return cmd.args.some((a, i) => {
    const setting = a.value.startsWith('--setopt=') ? a.value.slice(9) : a.value === '--setopt' ? cmd.args[i + 1]?.value ?? '' : '';
    return /^assumeyes=(1|true|yes)$/i.test(setting);
  });
}

/** `yes | dnf install …`: the pipe answers the prompt. */
function pipedYes(c: RunCommand): boolean {
  const run = c.cmd.run;
  return run.stdin === 'pipe' && scriptCommands(c.shell.script).some((p) => p.run.pipeline === run.pipeline && p.run.pipeIndex === run.pipeIndex - 1 && p.name === 'yes');
}

/** yum, dnf and tdnf need -y in a Dockerfile (microdnf never asks). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/dnf-missing-yes',
  meta: {
    title: 'yum or dnf install without -y',
    description: 'yum, dnf and tdnf ask for a confirmation before installing, removing or upgrading. A Docker build has no terminal to answer: the command reads end of input, answers no, and the build fails.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [
      { tool: 'hadolint', id: 'DL3030' },
      { tool: 'hadolint', id: 'DL3038' },
    ],
  },
  check(ctx) {
    for (const c of runCommands(ctx.model)) {
      const { shell, cmd } = c;
      if (cmd.name === 'microdnf') {
        continue;
      }
      const sub = yumSub(cmd);
      if (!sub || !PROMPTING.has(sub.word.value) || answers(cmd) || pipedYes(c)) {
        continue;
      }
      // `dnf module list`, `dnf group info`: only their changing subcommands prompt
      if ((sub.word.value === 'group' || sub.word.value === 'module') && !['install', 'remove', 'upgrade', 'update', 'enable', 'reset', 'switch-to'].includes(cmd.args[sub.index + 1]?.value ?? '')) {
        continue;
      }
      ctx.report({
        range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: sub.word.end }),
        message: message(cmd.run.program, sub.word.value),
        fix: { title: 'Add -y', safe: true, edits: [{ range: ctx.model.shellRange(shell, sub.word.end, sub.word.end), newText: ' -y' }] },
      });
    }
  },
};

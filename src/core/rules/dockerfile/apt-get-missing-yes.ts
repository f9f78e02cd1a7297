import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { APT_VALUE_FLAGS, findFlag, runCommands, scriptCommands, subcommandOf, wordRange } from './common';
import type { Cmd } from './common';

const PROMPTING = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep', 'reinstall']);

/** The message for an apt-get command that would wait for a confirmation. */
export function message(command: string, sub: string): string {
  return `'${command} ${sub}' without -y asks for confirmation and aborts the non-interactive build: add -y`;
}

/** Whether an apt command answers its prompt on its own. */
export function answersYes(cmd: Cmd): boolean {
  if (findFlag(cmd.args, '-y', '--yes', '--assume-yes', '--force-yes', '-s', '--simulate', '--dry-run', '--just-print', '--no-act')) {
    return true;
  }
  // quiet level 2 implies -y, however it is written: -qq, -q -q, -q --quiet, -q=2
  let quiet = 0;
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i].value;
    quiet += /^-[A-Za-z]+$/.test(v) ? (v.match(/q/g) ?? []).length : v === '--quiet' ? 1 : 0;
    if (quiet >= 2 || v === '-q=2' || v === '--quiet=2') {
      return true;
    }
    const option = v === '-o' || v === '--option' ? cmd.args[i + 1]?.value ?? '' : v.startsWith('--option=') ? v.slice(9) : v.startsWith('-o') ? v.slice(2) : '';
    if (/^APT::Get::Assume-Yes=(1|true|yes)$/i.test(option)) {
      return true;
    }
  }
  return false;
}

/** apt-get install (and other prompting subcommands) need -y in a Dockerfile. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-get-missing-yes',
  meta: {
    title: 'apt-get install without -y',
    description: 'Docker builds have no terminal to answer "Do you want to continue? [Y/n]": apt-get then aborts and the build fails, or waits forever in some CI setups.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3014' }],
  },
  check(ctx) {
    // `APT::Get::Assume-Yes "true";` written into /etc/apt/apt.conf.d by an earlier RUN (or a
    // build-wide APT_CONFIG) answers every prompt after it
    const assumeYesAt = ctx.text.search(/APT::Get::Assume-Yes\s+"?(true|1|yes)"?/i);
    for (const { instruction, shell, cmd } of runCommands(ctx.model)) {
      if (cmd.name !== 'apt-get' && cmd.name !== 'apt') {
        continue;
      }
      if (assumeYesAt >= 0 && ctx.index.offsetAt(instruction.getRange().start) > assumeYesAt) {
        continue;
      }
      const sub = subcommandOf(cmd, APT_VALUE_FLAGS);
      if (!sub || !PROMPTING.has(sub.word.value) || answersYes(cmd)) {
        continue;
      }
      // `yes | apt-get install …` answers the prompt through the pipe
      const piped = cmd.run.stdin === 'pipe' && scriptCommands(shell.script).some((c) => c.run.pipeline === cmd.run.pipeline && c.run.pipeIndex === cmd.run.pipeIndex - 1 && c.name === 'yes');
      if (piped) {
        continue;
      }
      const at = ctx.model.shellRange(shell, sub.word.end, sub.word.end);
      ctx.report({
        range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: sub.word.end }),
        message: message(cmd.name, sub.word.value),
        fix: { title: 'Add -y', safe: true, edits: [{ range: at, newText: ' -y' }] },
      });
    }
  },
};

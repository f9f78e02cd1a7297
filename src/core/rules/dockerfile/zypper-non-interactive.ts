import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { findFlag, runCommands, wordRange } from './common';
import { zypperSub } from './rpm';

/** Subcommands that ask for a confirmation (with their short aliases). */
const PROMPTING = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr', 'removeptf', 'rmptf']);

/** The message for a zypper command that would wait for a confirmation. */
export function message(sub: string): string {
  return `'zypper ${sub}' without --non-interactive asks for a confirmation and, with no terminal to answer, the build fails: use zypper --non-interactive ${sub} (or -n)`;
}

/** zypper needs --non-interactive (or -y on the subcommand) in a Dockerfile. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/zypper-non-interactive',
  meta: {
    title: 'zypper without --non-interactive',
    description: 'zypper asks "Continue? [y/n/v/...? shows all options]" before installing, removing or upgrading. A Docker build has no terminal: the command aborts and the build fails.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3034' }],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      const sub = zypperSub(cmd);
      if (!sub || !PROMPTING.has(sub.word.value)) {
        continue;
      }
      const global = cmd.args.slice(0, sub.index);
      const own = cmd.args.slice(sub.index + 1);
      if (findFlag(global, '-n', '--non-interactive') || findFlag(own, '-y', '--no-confirm')) {
        continue;
      }
      ctx.report({
        range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: sub.word.end }),
        message: message(sub.word.value),
        fix: { title: 'Add --non-interactive', safe: true, edits: [{ range: ctx.model.shellRange(shell, cmd.nameWord.end, cmd.nameWord.end), newText: ' --non-interactive' }] },
      });
    }
  },
};

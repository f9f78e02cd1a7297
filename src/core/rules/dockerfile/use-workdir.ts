import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { positionals, runCommands, wordRange } from './common';

/** The message for `cd` used to choose the working directory. */
export function message(kind: 'first' | 'last', dir: string): string {
  return kind === 'first'
    ? `RUN starts with 'cd ${dir}': set the directory with WORKDIR ${dir}, which is explicit and applies to the following instructions`
    : `'cd ${dir}' at the end of a RUN has no effect on the next instructions (each RUN starts a new shell): use WORKDIR ${dir}`;
}

/** Temporary folders: `cd /tmp && curl … && tar …` is a scratch workspace, not the image's working directory. */
function isScratchDir(dir: string): boolean {
  return /^\/(var\/)?tmp(\/|$)/.test(dir);
}

/** `cd` at the start (or end) of a RUN should be a WORKDIR. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/use-workdir',
  meta: {
    title: 'cd used instead of WORKDIR',
    description: 'A RUN that begins with cd hides the working directory inside a command; a trailing cd does nothing because the next RUN starts in WORKDIR again. WORKDIR states it once for every later instruction.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3003' }],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      if (cmd.name !== 'cd' || cmd.source.substitutionDepth > 0 || cmd.source.pipeLength > 1) {
        continue;
      }
      const target = positionals(cmd.args, [])[0]?.word;
      if (!target || target.dynamic || target.value === '-' || target.value.startsWith('.') || target.value.startsWith('~') || isScratchDir(target.value)) {
        continue;
      }
      const text = shell.script.text;
      const first = text.slice(0, cmd.source.start).trim() === '';
      // trailing separators after the last command are harmless
      const last = text.slice(cmd.source.end).replace(/[\s;&]/g, '') === '';
      if (!first && !last) {
        // cd in the middle of a RUN (e.g. into an unpacked source tree) is scoped to that RUN
        continue;
      }
      ctx.report({ range: wordRange(ctx.model, shell, { start: cmd.source.start, end: target.end }), message: message(last ? 'last' : 'first', target.value) });
    }
  },
};

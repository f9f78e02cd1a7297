import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { findFlag, runCommands, wordRange } from './common';

/** The message for wget printing a progress bar into the build log. */
export function message(): string {
  return 'wget without -q, -nv or --progress=dot:giga prints its progress bar into the build log, thousands of lines for a large file in CI: add -q (or --progress=dot:giga to keep a trace)';
}

/** wget in a RUN floods the build log (an opinion, at info). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/wget-without-progress',
  meta: {
    title: 'wget without a quiet or progress option',
    description: 'With no terminal, wget falls back to printing one line of dots per few kilobytes: a big download buries the useful part of the build log.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3047' }],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      // -q also inside a cluster with a value (wget -qO- url)
      if (cmd.name !== 'wget' || findFlag(cmd.args, '-q', '--quiet', '-nv', '--no-verbose', '--progress', '-o', '--output-file', '-a', '--append-output', '--spider') || cmd.args.some((a) => /^-[a-zA-Z]*q/.test(a.value))) {
        continue;
      }
      ctx.report({ range: wordRange(ctx.model, shell, cmd.nameWord), message: message() });
    }
  },
};

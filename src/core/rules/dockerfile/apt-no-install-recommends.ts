import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { findFlag, packageInstall, runCommands, wordRange } from './common';

/** The message for apt-get install without --no-install-recommends. */
export function message(command: string): string {
  return `'${command} install' pulls in recommended packages too: add --no-install-recommends and list what you really need`;
}

/** apt-get install should skip recommended packages in images. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-no-install-recommends',
  meta: {
    title: 'apt-get install without --no-install-recommends',
    description: 'Recommended packages are not needed to run the software you install; they grow the image and its attack surface, often by hundreds of megabytes.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3015' }],
  },
  check(ctx) {
    const commands = runCommands(ctx.model);
    // a config file written with APT::Install-Recommends "0" turns recommends off for later RUNs
    const configured = commands.filter((c) => c.cmd.args.some((a) => /APT::Install-Recommends/i.test(a.value)) && c.cmd.source.redirects.some((r) => (r.target?.value ?? '').startsWith('/etc/apt/apt.conf')));
    for (const { instruction, stage, shell, cmd } of commands) {
      if (!ctx.model.inFinalImage(stage)) {
        continue;
      }
      const install = packageInstall(cmd);
      if (!install || install.manager !== 'apt' || findFlag(cmd.args, '--no-install-recommends')) {
        continue;
      }
      const optionOff = cmd.args.some((a, i) => /^APT::Install-Recommends=(0|false|no)$/i.test(a.value) || (a.value === '-o' && /^APT::Install-Recommends=(0|false|no)$/i.test(cmd.args[i + 1]?.value ?? '')) || /^-oAPT::Install-Recommends=(0|false|no)$/i.test(a.value));
      const line = instruction.getRange().start.line;
      const before = configured.some((c) => ctx.model.stageChain(stage).includes(c.stage) && (c.instruction.getRange().start.line < line || (c.instruction === instruction && c.cmd.source.start < cmd.source.start)));
      if (optionOff || before) {
        continue;
      }
      const at = ctx.model.shellRange(shell, install.sub.word.end, install.sub.word.end);
      ctx.report({
        range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: install.sub.word.end }),
        message: message(cmd.name),
        fix: { title: 'Add --no-install-recommends', safe: false, edits: [{ range: at, newText: ' --no-install-recommends' }] },
      });
    }
  },
};

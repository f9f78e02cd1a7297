import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { byInstruction, hasCacheMount, packageInstall, runCommands, wordRange } from './common';
import { removes, zypperSub } from './rpm';

/** The message for a zypper install whose cache stays in the layer. */
export function message(): string {
  return "'zypper install' leaves repository metadata and packages in /var/cache/zypp in this layer: end the same RUN with zypper clean --all";
}

/** zypper installs should clean their cache in the same RUN. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/zypper-cache-not-cleaned',
  meta: {
    title: 'zypper cache not cleaned after install',
    description: 'zypper keeps the repository metadata and downloaded packages under /var/cache/zypp. Left in a layer of the final image they are dead weight; a clean in a later RUN does not shrink the earlier layer.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3036' }],
  },
  check(ctx) {
    for (const [instruction, commands] of byInstruction(runCommands(ctx.model))) {
      if (!ctx.model.inFinalImage(commands[0].stage) || hasCacheMount(instruction, '/var/cache/zypp')) {
        continue;
      }
      const cleaned = commands.some((c) => ['clean', 'cc'].includes(zypperSub(c.cmd)?.word.value ?? '')) || removes(commands, '/var/cache/zypp');
      if (cleaned) {
        continue;
      }
      const first = commands.find((c) => packageInstall(c.cmd)?.manager === 'zypper');
      if (!first) {
        continue;
      }
      const install = packageInstall(first.cmd);
      ctx.report({ range: wordRange(ctx.model, first.shell, { start: first.cmd.nameWord.start, end: install?.sub.word.end ?? first.cmd.nameWord.end }), message: message() });
    }
  },
};

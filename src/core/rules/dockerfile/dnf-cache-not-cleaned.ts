import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { byInstruction, hasCacheMount, packageInstall, runCommands, wordRange } from './common';
import { removes, yumSub } from './rpm';

const CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/tdnf', '/var/cache/libdnf5'];

/** The message for a yum/dnf install whose metadata and package cache stay in the layer. */
export function message(tool: string): string {
  return `'${tool} install' leaves its repository metadata and cache in this layer (often 50-200 MB): end the same RUN with ${tool} clean all (and rm -rf /var/cache/${tool === 'yum' ? 'yum' : 'dnf'})`;
}

/** yum/dnf/microdnf/tdnf installs should clean their cache in the same RUN. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/dnf-cache-not-cleaned',
  meta: {
    title: 'yum or dnf cache not cleaned after install',
    description: 'yum and dnf download the repository metadata (and with keepcache the packages) to /var/cache. Left in a layer of the final image they are dead weight; a clean in a later RUN does not shrink the earlier layer.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3032' },
      { tool: 'hadolint', id: 'DL3040' },
    ],
  },
  check(ctx) {
    for (const [instruction, commands] of byInstruction(runCommands(ctx.model))) {
      if (!ctx.model.inFinalImage(commands[0].stage) || hasCacheMount(instruction, ...CACHES)) {
        continue;
      }
      const cleaned = commands.some((c) => yumSub(c.cmd)?.word.value === 'clean') || removes(commands, ...CACHES);
      if (cleaned) {
        continue;
      }
      const first = commands.find((c) => packageInstall(c.cmd)?.manager === 'yum');
      if (!first) {
        continue;
      }
      const install = packageInstall(first.cmd);
      ctx.report({
        range: wordRange(ctx.model, first.shell, { start: first.cmd.nameWord.start, end: install?.sub.word.end ?? first.cmd.nameWord.end }),
        message: message(first.cmd.run.program),
      });
    }
  },
};

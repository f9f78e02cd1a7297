import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { APT_VALUE_FLAGS, byInstruction, hasCacheMount, packageInstall, runCommands, subcommandOf, wordRange } from './common';
import type { RunCommand } from './common';

/** The message for apt-get install with no apt-get update before it. */
export function message(command: string): string {
  return `'${command} install' with no ${command} update before it in this stage: Debian and Ubuntu images ship without package lists, so the install fails with "Unable to locate package". Run ${command} update && ${command} install in the same RUN`;
}

/** Official images known to ship without package lists (Debian, Ubuntu and the language images built on them). */
const LISTLESS = new Set(['debian', 'ubuntu', 'python', 'node', 'golang', 'ruby', 'php', 'perl', 'rust', 'openjdk', 'eclipse-temurin', 'buildpack-deps', 'gcc', 'maven', 'gradle', 'nginx', 'httpd', 'postgres', 'mysql', 'redis']);

/** Whether an image reference names one of those images (Docker Hub, any tag). */
function listless(image: string): boolean {
  const name = image.replace(/^(docker\.io\/)?(library\/)?/, '').split(/[:@]/)[0];
  return LISTLESS.has(name);
}

function isUpdate(c: RunCommand): boolean {
  return (c.cmd.name === 'apt-get' || c.cmd.name === 'apt') && subcommandOf(c.cmd, APT_VALUE_FLAGS)?.word.value === 'update';
}

/** apt-get install needs package lists: an apt-get update in the same RUN. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-install-without-update',
  meta: {
    title: 'apt-get install without apt-get update',
    description: 'Official Debian and Ubuntu images remove /var/lib/apt/lists to stay small: until apt-get update runs, apt knows no package and every install of a named package fails.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    const commands = runCommands(ctx.model);
    for (const [instruction, own] of byInstruction(commands)) {
      if (hasCacheMount(instruction, '/var/lib/apt/lists')) {
        continue;
      }
      const install = own.find((c) => {
        const i = packageInstall(c.cmd);
        // local .deb files need no lists; only registry names do
        return i?.manager === 'apt' && i.install.packages.some((p) => p.kind === 'name' && !p.dynamic);
      });
      if (!install) {
        continue;
      }
      // an update earlier in this RUN, or in an earlier RUN of the stage chain (stale lists are
      // update-without-install's and apt-lists-not-removed's business)
      const chain = ctx.model.stageChain(install.stage);
      // other bases (an organisation's own) may ship lists: say nothing about them
      if (!listless(chain[chain.length - 1].image)) {
        continue;
      }
      const line = instruction.getRange().start.line;
      const updated = commands.some((c) => isUpdate(c) && chain.includes(c.stage) && (c.instruction === instruction ? c.cmd.source.start < install.cmd.source.start : c.stage !== install.stage || c.instruction.getRange().start.line < line));
      if (updated) {
        continue;
      }
      const sub = packageInstall(install.cmd)?.sub.word;
      ctx.report({ range: wordRange(ctx.model, install.shell, { start: install.cmd.nameWord.start, end: sub?.end ?? install.cmd.nameWord.end }), message: message(install.cmd.name) });
    }
  },
};

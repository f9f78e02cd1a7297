import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { runCommands, wordRange, developmentSeverity } from './common';
import { chmodMode } from './chmod';

/** The message for a chmod that lets anyone write. */
export function message(mode: string): string {
  return `chmod ${mode} lets every user of the container write (and replace) these files: a compromised process of any user can change the code or configuration. Give the owning user or group write access instead (e.g. 755, 775 with chown)`;
}

/** chmod 777 / o+w in a Dockerfile: files any process may change. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/chmod-world-writable',
  meta: {
    title: 'World-writable files (chmod 777)',
    description: 'chmod 777, 666 or o+w in an image makes files writable by every user in the container: the usual shortcut around a permission error, and a way for any compromised process to change what another one runs. Folders with the sticky bit (1777, like /tmp) are left alone.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const { stage, shell, cmd } of runCommands(ctx.model)) {
      if (!ctx.model.inFinalImage(stage)) {
        continue;
      }
      const mode = chmodMode(cmd);
      if (mode && mode.grant.worldWritable && !mode.grant.sticky) {
        ctx.report({ range: wordRange(ctx.model, shell, mode.word), message: message(mode.word.value), ...developmentSeverity(ctx.path, ctx.model) });
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { APK_VALUE_FLAGS, APT_VALUE_FLAGS, byInstruction, packageInstall, runCommands, subcommandOf, wordRange } from './common';

/** The message for a package index update alone in its RUN. */
export function message(command: string): string {
  return `'${command} update' alone in a RUN is cached as its own layer: later RUNs install from a stale index (or fail with 404s). Update and install in the same RUN`;
}

/** A package index update belongs in the same RUN as the install that needs it. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/update-without-install',
  meta: {
    title: 'Package index updated in a RUN of its own',
    description: 'Docker caches RUN apt-get update by its text: once cached, it is never run again, and a later RUN apt-get install uses whatever index was current when the cache was made.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_DOCKER_5' }],
  },
  check(ctx) {
    for (const commands of byInstruction(runCommands(ctx.model)).values()) {
      const updates = commands.filter((c) => {
        const flags = c.cmd.name === 'apk' ? APK_VALUE_FLAGS : APT_VALUE_FLAGS;
        return ['apt-get', 'apt', 'apk'].includes(c.cmd.name) && subcommandOf(c.cmd, flags)?.word.value === 'update';
      });
      if (updates.length === 0) {
        continue;
      }
      // anything else that installs or upgrades in the same RUN uses the fresh index
      const uses = commands.some((c) => {
        if (packageInstall(c.cmd)) {
          return true;
        }
        const flags = c.cmd.name === 'apk' ? APK_VALUE_FLAGS : APT_VALUE_FLAGS;
        const sub = ['apt-get', 'apt', 'apk', 'aptitude'].includes(c.cmd.name) ? subcommandOf(c.cmd, flags)?.word.value : undefined;
        return !!sub && sub !== 'update' && sub !== 'clean';
      });
      if (uses) {
        continue;
      }
      const { shell, cmd } = updates[0];
      const sub = subcommandOf(cmd, cmd.name === 'apk' ? APK_VALUE_FLAGS : APT_VALUE_FLAGS);
      ctx.report({ range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: sub?.word.end ?? cmd.nameWord.end }), message: message(cmd.name) });
    }
  },
};

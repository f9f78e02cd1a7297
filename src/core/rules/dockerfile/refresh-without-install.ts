import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { byInstruction, packageInstall, runCommands, wordRange } from './common';
import { yumSub, zypperSub } from './rpm';

/** The message for a yum/dnf makecache or zypper refresh alone in its RUN. */
export function message(command: string): string {
  return `'${command}' alone in a RUN is cached as its own layer: later RUNs install from stale metadata. Refresh and install in the same RUN (install refreshes by itself)`;
}

/** A yum/dnf/zypper metadata refresh belongs in the same RUN as the install that needs it. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/refresh-without-install',
  meta: {
    title: 'yum, dnf or zypper metadata refreshed in a RUN of its own',
    description: 'Like apt-get update alone: Docker caches RUN dnf makecache or RUN zypper refresh by its text, so the metadata a later RUN installs from is as old as the cache.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const commands of byInstruction(runCommands(ctx.model)).values()) {
      const refresh = commands.find((c) => yumSub(c.cmd)?.word.value === 'makecache' || ['refresh', 'ref'].includes(zypperSub(c.cmd)?.word.value ?? ''));
      if (!refresh) {
        continue;
      }
      // anything else that installs or upgrades in the same RUN uses the fresh metadata
      const uses = commands.some((c) => {
        if (c === refresh || packageInstall(c.cmd)) {
          return c !== refresh;
        }
        const sub = yumSub(c.cmd)?.word.value ?? zypperSub(c.cmd)?.word.value;
        return sub !== undefined && !['makecache', 'refresh', 'ref', 'clean', 'cc'].includes(sub);
      });
      if (uses) {
        continue;
      }
      const sub = yumSub(refresh.cmd) ?? zypperSub(refresh.cmd);
      ctx.report({ range: wordRange(ctx.model, refresh.shell, { start: refresh.cmd.nameWord.start, end: sub?.word.end ?? refresh.cmd.nameWord.end }), message: message(`${refresh.cmd.run.program} ${sub?.word.value ?? ''}`.trim()) });
    }
  },
};

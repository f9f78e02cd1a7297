import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { byInstruction, runCommands, wordRange } from './common';
import type { Cmd } from './common';

const START = new Set(['start', 'restart', 'reload', 'force-reload']);

/** The message for a service started at the end of a RUN. */
export function message(command: string): string {
  return `'${command}' in a RUN starts a process that is stopped when the RUN ends: nothing started here runs in the container. Start it from CMD or ENTRYPOINT (or a process supervisor), or use it within this RUN only`;
}

/** The start word of a service start (`service x start`, `systemctl start x`, `/etc/init.d/x start`). */
function startWord(cmd: Cmd): { start: number; end: number } | undefined {
  const [a, b] = cmd.args;
  if (cmd.name === 'service' && b && START.has(b.value) && !a.dynamic) {
    return b;
  }
  if (cmd.name === 'systemctl' && a && START.has(a.value)) {
    return a;
  }
  if (/^\/etc\/(rc\.d\/)?init\.d\//.test(cmd.nameWord.value) && a && START.has(a.value)) {
    return a;
  }
  return undefined;
}

/** Starting a service as the last thing a RUN does has no effect on the container. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/service-start-in-run',
  meta: {
    title: 'Service started in a RUN',
    description: 'Each RUN is a process of its own: a daemon it starts is killed when it ends, and only the files it wrote reach the image. Starting a service at the end of a RUN (rather than to use it later in the same RUN, e.g. to load a database) does nothing.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3001' }],
  },
  check(ctx) {
    for (const commands of byInstruction(runCommands(ctx.model)).values()) {
      // only the last command of the RUN: a service started to be used by the next commands is fine
      // (`|| true`, `; echo started` after it change nothing)
      const rest = commands.filter((c) => c.cmd.run.substitutionDepth === 0);
      while (rest.length > 1 && ['true', ':', 'echo'].includes(rest[rest.length - 1].cmd.name)) {
        rest.pop();
      }
      const last = rest[rest.length - 1];
      if (!last) {
        continue;
      }
      const word = startWord(last.cmd);
      if (!word) {
        continue;
      }
      ctx.report({ range: wordRange(ctx.model, last.shell, { start: last.cmd.nameWord.start, end: word.end }), message: message(last.shell.script.text.slice(last.cmd.nameWord.start, word.end)) });
    }
  },
};

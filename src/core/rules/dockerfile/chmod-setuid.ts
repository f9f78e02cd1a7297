import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { runCommands, wordRange } from './common';
import { chmodMode } from './chmod';

/** The message for a chmod that sets the setuid bit. */
export function message(mode: string): string {
  return `chmod ${mode} sets the setuid bit: whoever runs the file gets its owner's rights (root, for files the build creates), a way out of USER for any process in the container. Grant what the program needs with a capability or a dedicated user instead`;
}

/** chmod u+s / 4755 in a Dockerfile adds a setuid program. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/chmod-setuid',
  meta: {
    title: 'setuid bit set in the image',
    description: 'A setuid program runs with its owner\'s rights. The CIS Docker Benchmark (4.8) asks to remove setuid and setgid rights from images; adding one defeats a non-root USER.',
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
      if (mode?.grant.setuid) {
        ctx.report({ range: wordRange(ctx.model, shell, mode.word), message: message(mode.word.value) });
      }
    }
  },
};

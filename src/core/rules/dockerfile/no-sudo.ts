import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { baseName, runShells, wordRange } from './common';

/** The message for sudo in a RUN. */
export function message(): string {
  return 'sudo in a Dockerfile: RUN already runs as the current USER; switch with USER root … USER app around the privileged steps instead';
}

/** RUN commands should not use sudo. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/no-sudo',
  meta: {
    title: 'sudo used in RUN',
    description: 'sudo has unpredictable TTY and signal behaviour in builds and needs a sudoers entry in the image, which then lets any process of the container become root.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3004' },
      { tool: 'checkov', id: 'CKV2_DOCKER_1' },
    ],
  },
  check(ctx) {
    for (const { shell } of runShells(ctx.model)) {
      for (const command of shell.script.commands) {
        const nameWord = command.nameWord;
        if (nameWord && !nameWord.dynamic && baseName(nameWord.value) === 'sudo') {
          ctx.report({ range: wordRange(ctx.model, shell, nameWord), message: message() });
        }
      }
    }
  },
};

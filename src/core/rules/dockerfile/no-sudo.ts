import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { shellEffects } from '../../shell';
import { runShells, wordRange } from './common';

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
      // sudo as a wrapper (`sudo apt-get …`, also inside `sh -c '…'`) or run alone (`sudo -v`)
      const seen = new Set<number>();
      for (const run of shellEffects(shell.script).commands) {
        const words = [...run.wrappers.filter((w) => w.name === 'sudo').map((w) => w.word), ...(run.name === 'sudo' ? [run.nameWord] : [])];
        for (const word of words) {
          if (!seen.has(word.start)) {
            seen.add(word.start);
            ctx.report({ range: wordRange(ctx.model, shell, word), message: message() });
          }
        }
      }
    }
  },
};

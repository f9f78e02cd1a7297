import type { Onbuild } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/** The message for an ONBUILD trigger Docker refuses. */
export function message(trigger: string): string {
  return `ONBUILD ${trigger} is not allowed: Docker rejects ${trigger} as an ONBUILD trigger and the build fails`;
}

/** ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/onbuild-invalid-trigger',
  meta: {
    title: 'ONBUILD with a trigger Docker refuses',
    description: 'ONBUILD registers an instruction to run in images built FROM this one. Docker refuses three of them as triggers — ONBUILD, FROM and MAINTAINER — and stops the build.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [{ tool: 'hadolint', id: 'DL3043' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'ONBUILD') {
        continue;
      }
      const onbuild = instruction as Onbuild;
      const trigger = onbuild.getTrigger()?.toUpperCase();
      const range = onbuild.getTriggerRange();
      if (trigger && range && FORBIDDEN.has(trigger)) {
        ctx.report({ range, message: message(trigger) });
      }
    }
  },
};

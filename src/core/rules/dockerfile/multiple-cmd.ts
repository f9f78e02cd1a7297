import type { Rule } from '../../rule';
import type { DockerfileModel, Instruction } from '../../parsers/dockerfile';

/** The message for a CMD, ENTRYPOINT or HEALTHCHECK overridden later in the same stage. */
export function message(keyword: string, overriddenAtLine: number): string {
  return `Only the last ${keyword} of a stage takes effect: this one is overridden by the ${keyword} on line ${overriddenAtLine}`;
}

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

/** A stage should have at most one CMD, ENTRYPOINT and HEALTHCHECK. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/multiple-cmd',
  meta: {
    title: 'Multiple CMD, ENTRYPOINT or HEALTHCHECK in a stage',
    description: 'Docker keeps only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage. Earlier ones are dead code that suggests the image does something it does not.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL4003' },
      { tool: 'hadolint', id: 'DL4004' },
      { tool: 'hadolint', id: 'DL3012' },
    ],
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      for (const keyword of SINGLE) {
        const all: Instruction[] = stage.instructions.filter((i) => i.getKeyword() === keyword);
        const last = all[all.length - 1];
        for (const instruction of all.slice(0, -1)) {
          ctx.report({ range: instruction.getInstructionRange(), message: message(keyword, last.getRange().start.line + 1) });
        }
      }
    }
  },
};

import type { Copy } from 'dockerfile-ast';
import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for COPY --from naming the current or a later stage. */
export function message(name: string, kind: 'own' | 'later', line: number): string {
  return kind === 'own'
    ? `COPY --from=${name} names the stage it is in: a stage cannot copy from itself (copy within the stage with RUN cp, or name the earlier stage)`
    : `COPY --from=${name} names the stage defined later, on line ${line}: stages can only copy from stages above them, so Docker pulls an image called '${name}' instead`;
}

/** COPY --from must name an earlier stage (or an image). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-from-own-or-later-stage',
  meta: {
    title: 'COPY --from names the current or a later stage',
    description: 'COPY --from=<name> resolves <name> against the stages defined before it; the stage itself or a later one is not found, so the build fails or silently pulls an image with that name.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3022' },
      { tool: 'hadolint', id: 'DL3023' },
    ],
  },
  check(ctx) {
    const stages = ctx.model.stages;
    for (const stage of stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'COPY') {
          continue;
        }
        const flag = (instruction as Copy).getFromFlag();
        const ref = flag?.getValue()?.toLowerCase();
        const range = flag?.getValueRange();
        if (!ref || !range) {
          continue;
        }
        const byIndex = /^\d+$/.test(ref) ? stages[Number(ref)] : undefined;
        const earlier = stages.slice(0, stage.index).some((s) => s.name === ref);
        if (byIndex === stage || (!earlier && stage.name === ref)) {
          ctx.report({ range, message: message(flag?.getValue() ?? ref, 'own', 0) });
          continue;
        }
        const later = stages.slice(stage.index + 1).find((s) => s.name === ref) ?? (byIndex && byIndex.index > stage.index ? byIndex : undefined);
        if (later && !earlier) {
          ctx.report({ range, message: message(flag?.getValue() ?? ref, 'later', later.from.getRange().start.line + 1) });
        }
      }
    }
  },
};

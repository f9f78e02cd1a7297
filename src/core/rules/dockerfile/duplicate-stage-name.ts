import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for a stage name used twice. */
export function message(name: string, firstLine: number): string {
  return `Stage name '${name}' is already used on line ${firstLine}: COPY --from=${name} and --target ${name} become ambiguous; give each stage its own name`;
}

/** Stage names must be unique. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/duplicate-stage-name',
  meta: {
    title: 'Duplicate stage name',
    description: 'Two FROM … AS <name> with the same name make COPY --from and docker build --target refer to only one of them; BuildKit rejects the file.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3024' },
      { tool: 'checkov', id: 'CKV_DOCKER_11' },
    ],
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const stage of ctx.model.stages) {
      if (!stage.name) {
        continue;
      }
      const first = seen.get(stage.name);
      const range = stage.from.getBuildStageRange();
      if (first !== undefined && range) {
        ctx.report({ range, message: message(stage.from.getBuildStage() ?? stage.name, first) });
      } else if (first === undefined) {
        seen.set(stage.name, stage.from.getRange().start.line + 1);
      }
    }
  },
};

import type { Rule } from '../../rule';
import { developmentSeverity } from './common';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { Copy, Run } from 'dockerfile-ast';
import { mutableTagProblem } from '../shared/image';

/** The message for an image that is untagged or tagged latest. */
export function message(image: string, problem: 'untagged' | 'latest'): string {
  return problem === 'untagged'
    ? `Image '${image}' has no tag, so it means 'latest' and changes under you: pin a version tag or digest`
    : `Image '${image}' uses the 'latest' tag, which changes under you: pin a version tag or digest`;
}

/** FROM and COPY --from images must be pinned to a version. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/no-latest-tag',
  meta: {
    title: 'Base image is untagged or uses latest',
    description: 'A FROM (or COPY --from, RUN --mount from=) image without a tag or with `latest` makes builds unrepeatable: the same Dockerfile builds different images over time.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3006' },
      { tool: 'hadolint', id: 'DL3007' },
      { tool: 'checkov', id: 'CKV_DOCKER_7' },
    ],
  },
  check(ctx) {
    const stageNames = new Set<string>();
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      const image = from.getImage();
      const range = from.getImageRange();
      if (image && range && !stageNames.has(image.toLowerCase())) {
        const problem = mutableTagProblem(image);
        if (problem) {
          ctx.report({ range, message: message(image, problem), ...developmentSeverity(ctx.path, ctx.model) });
        }
      }
      if (stage.name) {
        stageNames.add(stage.name);
      }
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() === 'RUN') {
          // RUN --mount=type=bind,from=<image>,… reads files from an image too
          for (const flag of (instruction as Run).getFlags()) {
            const from = flag.getName() === 'mount' ? flag.getOption('from') : null;
            const ref = from?.getValue();
            const range = from?.getValueRange();
            if (!ref || !range || stageNames.has(ref.toLowerCase()) || /^\d+$/.test(ref)) {
              continue;
            }
            const problem = mutableTagProblem(ref);
            if (problem) {
              ctx.report({ range, message: message(ref, problem), ...developmentSeverity(ctx.path, ctx.model) });
            }
          }
          continue;
        }
        if (instruction.getKeyword() !== 'COPY') {
          continue;
        }
        const flag = (instruction as Copy).getFromFlag();
        const ref = flag?.getValue();
        const range = flag?.getValueRange();
        if (!flag || !ref || !range || stageNames.has(ref.toLowerCase()) || /^\d+$/.test(ref)) {
          continue;
        }
        const problem = mutableTagProblem(ref);
        if (problem) {
          ctx.report({ range, message: message(ref, problem), ...developmentSeverity(ctx.path, ctx.model) });
        }
      }
    }
  },
};

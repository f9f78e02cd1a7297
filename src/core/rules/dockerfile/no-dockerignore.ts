import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { copyArgs, fromFlag, isWholeContext } from './common';

/** The message for a whole-context COPY without a .dockerignore. */
export function message(keyword: string): string {
  return `${keyword} of the whole build context with no .dockerignore beside the Dockerfile: .git, .env files, local node_modules and build output are sent to the builder and can end up in the image. Add a .dockerignore`;
}

/** A Dockerfile that copies the whole context needs a .dockerignore. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/no-dockerignore',
  meta: {
    title: 'Whole context copied without .dockerignore',
    description: 'COPY . copies everything in the build context, including secrets (.env, credentials), the .git folder and local build output, unless a .dockerignore (or <Dockerfile>.dockerignore) excludes them. Only reported when the host can check the folder.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    const exists = ctx.env.fileExists;
    if (!exists) {
      return;
    }
    for (const instruction of ctx.model.instructions) {
      const keyword = instruction.getKeyword();
      if ((keyword !== 'COPY' && keyword !== 'ADD') || fromFlag(instruction)) {
        continue;
      }
      const source = copyArgs(instruction).slice(0, -1).find((a) => isWholeContext(a.value));
      if (!source) {
        continue;
      }
      const name = ctx.path.replace(/\\/g, '/').split('/').pop() ?? 'Dockerfile';
      const answers = [exists.call(ctx.env, '.dockerignore'), exists.call(ctx.env, `${name}.dockerignore`)];
      if (!answers.some(Boolean)) {
        ctx.report({ range: source.range, message: message(keyword) });
      }
      return;
    }
  },
};

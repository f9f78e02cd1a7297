import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for a relative WORKDIR. */
export function message(path: string): string {
  return `WORKDIR '${path}' is relative, so it depends on every WORKDIR before it (and on the base image): use an absolute path`;
}

/** WORKDIR should be an absolute path. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/relative-workdir',
  meta: {
    title: 'Relative WORKDIR',
    description: 'A relative WORKDIR is resolved against the previous one, which may come from a base image you do not control; the resulting path is easy to get wrong when instructions are moved.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3000' },
      { tool: 'checkov', id: 'CKV_DOCKER_10' },
    ],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'WORKDIR') {
        continue;
      }
      const range = instruction.getArgumentsRange();
      const raw = (instruction.getArgumentsContent() ?? '').trim();
      const path = raw.replace(/^(["'])(.*)\1$/, '$2');
      // absolute POSIX or Windows paths, and paths built from variables, are fine
      if (!range || path === '' || path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]|^\\/.test(path)) {
        continue;
      }
      ctx.report({ range, message: message(path) });
    }
  },
};

import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';

/** The message for MAINTAINER. */
export function message(): string {
  return 'MAINTAINER is deprecated: use LABEL maintainer="…" (or the org.opencontainers.image.authors label)';
}

/** MAINTAINER should be a label. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/maintainer-deprecated',
  meta: {
    title: 'MAINTAINER is deprecated',
    description: 'MAINTAINER was deprecated in Docker 1.13. Labels carry the same information, are queryable with docker inspect and follow the OCI annotation keys.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [
      { tool: 'hadolint', id: 'DL4000' },
      { tool: 'checkov', id: 'CKV_DOCKER_6' },
    ],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'MAINTAINER') {
        continue;
      }
      const raw = (instruction.getArgumentsContent() ?? '').trim();
      const value = raw.replace(/^'(.*)'$/, '$1');
      const range = instruction.getRange();
      // an already double-quoted value is reused as written; anything else is quoted for LABEL
      const quoted = /^"(?:[^"\\]|\\.)*"$/.test(value) ? value : `"${value.replace(/[\\"]/g, (c) => '\\' + c)}"`;
      const label = `LABEL maintainer=${quoted}`;
      ctx.report({
        range: instruction.getInstructionRange(),
        message: message(),
        fix: value && !raw.includes('\n') ? { title: 'Replace with LABEL maintainer', safe: true, edits: [{ range, newText: label }] } : undefined,
      });
    }
  },
};

import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { copyArgs } from './common';

/** The message for ADD used on local files. */
export function message(): string {
  return 'Use COPY for local files: ADD also fetches URLs and unpacks archives, which hides what the build does';
}

/** ADD of local files should be COPY (ADD is for remote URLs and auto-extracted archives). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/add-instead-of-copy',
  meta: {
    title: 'ADD used for local files',
    description: 'ADD silently downloads URLs and unpacks local tar archives. For plain files COPY is explicit and predictable.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3020' }, { tool: 'checkov', id: 'CKV_DOCKER_4' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'ADD') {
        continue;
      }
      const sources = copyArgs(instruction).slice(0, -1);
      if (sources.length === 0) {
        continue;
      }
      // URLs and git repositories are fetched, local tar archives are unpacked: ADD's real jobs.
      // Sources built from variables or here-documents cannot be judged.
      const remoteOrArchive = sources.some((a) => /^(https?|git|ssh):\/\/|^git@|\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz4|gz|bz2|xz)$/i.test(a.value));
      const unknown = sources.some((a) => a.value.includes('$') || a.value.startsWith('<<'));
      if (remoteOrArchive || unknown) {
        continue;
      }
      const keyword = instruction.getInstructionRange();
      ctx.report({
        range: keyword,
        message: message(),
        fix: { title: 'Replace ADD with COPY', safe: true, edits: [{ range: keyword, newText: 'COPY' }] },
      });
    }
  },
};

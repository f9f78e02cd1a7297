import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { copyArgs } from './common';

/** The message for COPY/ADD of several sources into a destination without a trailing slash. */
export function message(keyword: string, count: number, dest: string): string {
  return `${keyword} with ${count} sources needs a folder as destination written with a trailing slash: the build fails on '${dest}'. Write '${dest}/'`;
}

/** COPY a b dest: dest must end with '/'. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-multiple-sources-dest',
  meta: {
    title: 'COPY of several sources to a destination without a trailing slash',
    description: 'When COPY or ADD has more than one source, Docker requires the destination to be a folder ending in "/" and stops the build otherwise.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3021' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') {
        continue;
      }
      const args = copyArgs(instruction);
      // here-documents (COPY <<EOF …) and variables may stand for anything
      if (args.length < 3 || args.some((a) => a.value.startsWith('<<') || a.value.includes('$'))) {
        continue;
      }
      const dest = args[args.length - 1];
      if (dest.value.endsWith('/') || dest.value.endsWith('\\')) {
        continue;
      }
      const json = instruction.getRawArgumentsContent()?.trim().startsWith('[');
      ctx.report({
        range: dest.range,
        message: message(keyword, args.length - 1, dest.value),
        fix: json ? undefined : { title: 'Add the trailing slash', safe: true, edits: [{ range: { start: dest.range.end, end: dest.range.end }, newText: '/' }] },
      });
    }
  },
};

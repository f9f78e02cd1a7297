import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { copyArgs } from './common';

/** The message for ADD of a URL without --checksum. */
export function message(url: string): string {
  return `ADD ${url} downloads without checking what it gets: a changed or tampered file goes into the image unnoticed. Add --checksum=sha256:<digest> (or download in a RUN and verify)`;
}

/** ADD of an http(s) URL should pin the content with --checksum. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/add-url-without-checksum',
  meta: {
    title: 'ADD of a URL without --checksum',
    description: 'ADD <url> fetches whatever the server returns at build time. With --checksum=sha256:… (Dockerfile syntax 1.6 and later) the build fails when the content is not the one reviewed.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      if (instruction.getKeyword() !== 'ADD') {
        continue;
      }
      const flags = (instruction as unknown as { getFlags(): { getName(): string }[] }).getFlags();
      if (flags.some((f) => f.getName().toLowerCase() === 'checksum')) {
        continue;
      }
      const args = copyArgs(instruction);
      for (const source of args.slice(0, -1)) {
        if (/^https?:\/\//i.test(source.value)) {
          ctx.report({ range: source.range, message: message(source.value) });
        }
      }
    }
  },
};

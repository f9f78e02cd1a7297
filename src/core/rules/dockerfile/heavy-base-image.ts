import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { parseImageRef } from '../shared/image';

/** Official images that publish a slim variant of every version. */
const HAS_SLIM = new Set(['node', 'python', 'ruby', 'perl', 'debian']);
const LEAN_TAG = /slim|alpine|distroless|chiseled|minimal|nanoserver|windowsservercore|busybox/;

/** The message for a full-size base image in the final stage. */
export function message(image: string, suggestion: string): string {
  return `'${image}' is the full image (compilers, headers, hundreds of packages); the runtime image only needs ${suggestion}`;
}

/** The slim tag for a full one: node:20 → node:20-slim, debian:bookworm → debian:bookworm-slim. */
export function slimSuggestion(repository: string, tag: string): string {
  const m = /^(.*?)-(bookworm|bullseye|buster|trixie)$/.exec(tag);
  if (repository === 'debian') {
    return `${repository}:${tag}-slim`;
  }
  if (m) {
    return repository === 'python' ? `${repository}:${m[1]}-slim-${m[2]}` : `${repository}:${m[1]}-${m[2]}-slim`;
  }
  return `${repository}:${tag}-slim (or -alpine)`;
}

/** The final image should start from a slim variant when one exists. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/heavy-base-image',
  meta: {
    title: 'Full-size base image where a slim variant exists',
    description: 'The default tags of node, python, ruby, perl and debian are built on buildpack-deps with compilers and development headers. The -slim (or -alpine) variant runs the same code at a fraction of the size and CVE count.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final) {
      return;
    }
    const chain = ctx.model.stageChain(final);
    const root = chain[chain.length - 1];
    const ref = parseImageRef(root.image);
    const repository = ref.repository.replace(/^library\//, '');
    const official = !ref.registry || ref.registry === 'docker.io';
    if (ref.dynamic || !official || !HAS_SLIM.has(repository) || !ref.tag || ref.tag === 'latest' || LEAN_TAG.test(ref.tag)) {
      return;
    }
    ctx.report({ range: root.from.getImageRange() ?? root.from.getRange(), message: message(root.image, slimSuggestion(repository, ref.tag)) });
  },
};

import type { Stack } from './detect';
import { remoteRepository } from './detect';
import type { GenerateOptions, ProjectInput } from './types';
import { GenerateError } from './types';

/** An image repository and the immutable tag generated files use. */
export interface ImageName {
  repository: string;
  tag: string;
  /** True when the repository is a placeholder the user should replace. */
  placeholder: boolean;
}

/**
 * The application image: `--image` when given (a tag in it wins over the project version), else
 * the registry of the git remote (ghcr.io / registry.gitlab.com), else a placeholder registry.
 */
export function appImage(stack: Stack, input: ProjectInput, options: GenerateOptions): ImageName {
  if (options.image !== undefined) {
    const raw = options.image.trim();
    if (!/^[a-z0-9]([a-z0-9._\-/:]*[a-z0-9])?$/.test(raw) || raw.includes('@')) {
      throw new GenerateError(`--image '${options.image}' is not an image name (lower case, e.g. ghcr.io/acme/api or ghcr.io/acme/api:1.2.3)`);
    }
    const slash = raw.lastIndexOf('/');
    const colon = raw.lastIndexOf(':');
    if (colon > slash) {
      const tag = raw.slice(colon + 1);
      if (tag.toLowerCase() === 'latest') {
        throw new GenerateError(`--image '${options.image}': 'latest' is not an immutable tag; give a version or leave the tag out`);
      }
      return { repository: raw.slice(0, colon), tag, placeholder: false };
    }
    return { repository: raw, tag: stack.version, placeholder: false };
  }
  const remote = remoteRepository(input);
  if (remote) {
    const registry = remote.host === 'github' ? 'ghcr.io' : 'registry.gitlab.com';
    return { repository: `${registry}/${remote.path}`, tag: stack.version, placeholder: false };
  }
  return { repository: `registry.example.com/${stack.name}`, tag: stack.version, placeholder: true };
}

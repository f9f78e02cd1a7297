/** An OCI image reference split into its parts. */
export interface ImageRef {
  /** Registry host when the reference names one (contains '.' or ':' or is localhost). */
  registry?: string;
  /** Repository path without registry, e.g. `library/node` is written as `node`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** The reference contains a variable (`$X`, `${X}`, `{{ }}`): its tag cannot be judged. */
  dynamic: boolean;
}

/** Parse `[registry/]repo[:tag][@digest]`. */
export function parseImageRef(ref: string): ImageRef {
  const trimmed = ref.trim();
  const dynamic = /\$\{?[A-Za-z_]|\{\{/.test(trimmed);
  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, repository: rest, tag: tag || undefined, digest: digest || undefined, dynamic };
}

/** True for `scratch`, which has no tag by design. */
export function isScratch(ref: string): boolean {
  return ref.trim().toLowerCase() === 'scratch';
}

/**
 * The reason an image reference is mutable: no tag, `latest`, or undefined when it is pinned by a
 * tag other than latest or by a digest. Dynamic references are not judged.
 */
export function mutableTagProblem(ref: string): 'untagged' | 'latest' | undefined {
  if (!ref.trim() || isScratch(ref)) {
    return undefined;
  }
  const parsed = parseImageRef(ref);
  if (parsed.dynamic || parsed.digest) {
    return undefined;
  }
  if (!parsed.tag) {
    return 'untagged';
  }
  if (parsed.tag.toLowerCase() === 'latest') {
    return 'latest';
  }
  return undefined;
}

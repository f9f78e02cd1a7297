/** package.json `repository`, injected by the build (undefined in unbundled runs). */
declare const AURORA_REPOSITORY: string | { url?: string; directory?: string } | undefined;

/**
 * The web address of a repository from package.json's `repository` (an object with `url`, a
 * `git+https://….git` URL or the `github:owner/name` / `owner/name` shorthand), without `.git`;
 * undefined for anything that is not a GitHub-style https address.
 */
export function repositoryWebUrl(repository: string | { url?: string; directory?: string } | undefined): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) {
    return undefined;
  }
  const shorthand = /^(?:github:)?([A-Za-z0-9][\w.-]*\/[\w.-]+)$/.exec(raw);
  const url = shorthand ? `https://github.com/${shorthand[1]}` : raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/^ssh:\/\/git@/, 'https://');
  const m = /^https:\/\/([^/]+)\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `https://${m[1]}/${m[2]}/${m[3]}` : undefined;
}

/**
 * The rule's page (`docs/rules/<id>.md`) on the web, on the default branch of the repository
 * package.json names, for SARIF `helpUri` (code scanning links to it); undefined without one.
 */
export function ruleDocsUrl(docsPath: string, repository: string | { url?: string; directory?: string } | undefined = typeof AURORA_REPOSITORY === 'undefined' ? undefined : AURORA_REPOSITORY): string | undefined {
  const base = repositoryWebUrl(repository);
  if (!base) {
    return undefined;
  }
  const dir = typeof repository === 'object' && repository.directory ? `${repository.directory.replace(/^\/+|\/+$/g, '')}/` : '';
  return `${base}/blob/HEAD/${dir}${docsPath.split('/').map(encodeURIComponent).join('/')}`;
}

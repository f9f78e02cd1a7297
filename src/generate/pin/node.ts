import { createHash } from 'crypto';
import { hostAllowed, normalizeHost } from '../../agent/policy/hosts';
import type { ActionTarget, ImageTarget, PinResolver, Resolution } from './types';

/** The host serving the registry API for images written without a registry or with `docker.io`. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
/** The GitHub REST API host, checked against `permissions.network` before asking it. */
export const GITHUB_API_HOST = 'api.github.com';

/** Manifest media types asked for: a multi-platform index first, so the digest covers every platform. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** Settings of the HTTP resolver. */
export interface NodeResolverOptions {
  /** `permissions.network` of aurora.yaml: no other host is contacted. */
  allow: readonly string[];
  /** Base URL (scheme://host[:port]) used for a registry API host; defaults to https://<host>. */
  registryUrl?: (host: string) => string;
  /** Base URL of the GitHub API; defaults to https://<githubApiHost>. */
  githubApi?: string;
  /** Host checked against `allow` for GitHub calls. */
  githubApiHost?: string;
  /** Sent as a bearer token to the GitHub API (higher rate limits, private repositories). */
  githubToken?: string;
  /** Per request; default 15 s. */
  timeoutMs?: number;
}

class Denied extends Error {
  constructor(readonly host: string) {
    super(`${host} is not allowed by aurora.yaml permissions.network; add '${host}' to agents.devops.permissions.network to resolve it`);
  }
}

class Failure extends Error {}

/** The API host serving a registry name as written in image references. */
export function registryApiHost(registry: string): string {
  const r = registry.toLowerCase();
  return r === 'docker.io' || r === 'index.docker.io' ? DOCKER_HUB_API_HOST : r;
}

function networkError(host: string, e: unknown): Failure {
  const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return new Failure(`${host} did not answer in time (offline?)`);
  }
  const code = err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
  return new Failure(`cannot reach ${host} (${code}); offline?`);
}

/** Parse `Bearer realm="…",service="…",scope="…"`. */
export function parseBearerChallenge(header: string | null): Record<string, string> | undefined {
  if (!header || !/^\s*bearer\s/i.test(header)) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const m of header.replace(/^\s*bearer\s+/i, '').matchAll(/([A-Za-z]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
    params[m[1].toLowerCase()] = m[2] ?? m[3] ?? '';
  }
  return params.realm ? params : undefined;
}

/** A resolver that asks registries (OCI distribution API v2) and the GitHub API, within `permissions.network`. */
export function createNodeResolver(options: NodeResolverOptions): PinResolver {
  const timeoutMs = options.timeoutMs ?? 15000;
  const tokens = new Map<string, string>();

  const checkHost = (host: string): void => {
    const n = normalizeHost(host);
    if (!n.ok || !hostAllowed(n.host, n.ip, options.allow)) {
      throw new Denied(n.ok ? n.host : host);
    }
  };

  const request = async (hostForErrors: string, url: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetch(url, { ...init, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw networkError(hostForErrors, e);
    }
  };

  const token = async (challenge: Record<string, string>): Promise<string> => {
    let realm: URL;
    try {
      realm = new URL(challenge.realm);
    } catch {
      throw new Failure(`the registry sent an unusable token realm '${challenge.realm}'`);
    }
    checkHost(realm.host);
    if (challenge.service) {
      realm.searchParams.set('service', challenge.service);
    }
    if (challenge.scope) {
      realm.searchParams.set('scope', challenge.scope);
    }
    const cacheKey = realm.toString();
    const cached = tokens.get(cacheKey);
    if (cached) {
      return cached;
    }
    const res = await request(realm.host, cacheKey, { method: 'GET', headers: { Accept: 'application/json' } });
    if (!res.ok) {
      throw new Failure(`the token endpoint ${realm.host} answered ${res.status}`);
    }
    const body = (await res.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const t = body.token ?? body.access_token;
    if (!t) {
      throw new Failure(`the token endpoint ${realm.host} returned no token`);
    }
    tokens.set(cacheKey, t);
    return t;
  };

  const resolveImage = async (target: ImageTarget): Promise<Resolution> => {
    const host = registryApiHost(target.registry);
    const name = `${target.registry === 'docker.io' ? '' : target.registry + '/'}${target.repository}:${target.tag}`;
    try {
      checkHost(host);
      const base = (options.registryUrl?.(host) ?? `https://${host}`).replace(/\/+$/, '');
      const url = `${base}/v2/${target.repository}/manifests/${encodeURIComponent(target.tag)}`;
      const headers: Record<string, string> = { Accept: MANIFEST_ACCEPT };
      let res = await request(host, url, { method: 'HEAD', headers });
      if (res.status === 401) {
        const challenge = parseBearerChallenge(res.headers.get('www-authenticate'));
        if (!challenge) {
          throw new Failure(`${host} requires credentials for ${target.repository} (private image?)`);
        }
        headers.Authorization = `Bearer ${await token(challenge)}`;
        res = await request(host, url, { method: 'HEAD', headers });
      }
      if (res.status === 404) {
        throw new Failure(`tag '${target.tag}' of ${target.repository} not found on ${host}`);
      }
      if (res.status === 401 || res.status === 403) {
        throw new Failure(`${host} denied access to ${target.repository} (${res.status}; private image or wrong name?)`);
      }
      if (!res.ok) {
        throw new Failure(`${host} answered ${res.status} for ${target.repository}:${target.tag}`);
      }
      let digest = res.headers.get('docker-content-digest') ?? '';
      if (!digest) {
        // some registries omit the header on HEAD: the digest is the hash of the manifest bytes
        const get = await request(host, url, { method: 'GET', headers });
        if (!get.ok) {
          throw new Failure(`${host} answered ${get.status} for ${target.repository}:${target.tag}`);
        }
        digest = get.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(Buffer.from(await get.arrayBuffer())).digest('hex')}`;
      }
      if (!/^sha256:[0-9a-f]{64}$/.test(digest)) {
        throw new Failure(`${host} returned an unexpected digest '${digest}'`);
      }
      return { ok: true, value: digest };
    } catch (e) {
      return failure(e, name);
    }
  };

  const github = async (path: string): Promise<{ status: number; body: unknown }> => {
    const apiHost = options.githubApiHost ?? GITHUB_API_HOST;
    checkHost(apiHost);
    const base = (options.githubApi ?? `https://${apiHost}`).replace(/\/+$/, '');
    const headers: Record<string, string> = { Accept: 'application/vnd.github+json', 'User-Agent': 'aurora-devops-pin' };
    if (options.githubToken) {
      headers.Authorization = `Bearer ${options.githubToken}`;
    }
    const res = await request(apiHost, base + path, { method: 'GET', headers });
    if (res.status === 403 || res.status === 429) {
      throw new Failure(`${apiHost} refused the request (${res.status}; rate limit? set GITHUB_TOKEN)`);
    }
    const body: unknown = res.ok ? await res.json().catch(() => undefined) : undefined;
    return { status: res.status, body };
  };

  type GitObject = { type?: string; sha?: string };
  const refObject = (body: unknown, fullRef: string): GitObject | undefined => {
    // /git/ref/ answers one ref; an array means only prefixes matched
    const one = Array.isArray(body) ? (body as { ref?: string; object?: GitObject }[]).find((r) => r.ref === fullRef) : (body as { object?: GitObject });
    return one?.object;
  };

  const resolveAction = async (target: ActionTarget): Promise<Resolution> => {
    const repo = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
    const refPath = target.ref.split('/').map(encodeURIComponent).join('/');
    try {
      let object: GitObject | undefined;
      const tag = await github(`${repo}/git/ref/tags/${refPath}`);
      if (tag.status === 200) {
        object = refObject(tag.body, `refs/tags/${target.ref}`);
      } else if (tag.status !== 404) {
        throw new Failure(`GitHub answered ${tag.status} for ${target.owner}/${target.repo} tag ${target.ref}`);
      }
      if (!object) {
        const head = await github(`${repo}/git/ref/heads/${refPath}`);
        if (head.status === 200) {
          object = refObject(head.body, `refs/heads/${target.ref}`);
        } else if (head.status !== 404) {
          throw new Failure(`GitHub answered ${head.status} for ${target.owner}/${target.repo} branch ${target.ref}`);
        }
      }
      if (!object) {
        throw new Failure(`no tag or branch '${target.ref}' in ${target.owner}/${target.repo} (or the repository does not exist)`);
      }
      // annotated tags point at tag objects; follow them to the commit
      for (let depth = 0; object.type === 'tag' && depth < 5; depth++) {
        const t = await github(`${repo}/git/tags/${encodeURIComponent(object.sha ?? '')}`);
        if (t.status !== 200) {
          throw new Failure(`GitHub answered ${t.status} for tag object ${object.sha ?? '?'} of ${target.owner}/${target.repo}`);
        }
        object = (t.body as { object?: GitObject }).object ?? {};
      }
      if (object.type !== 'commit' || !/^[0-9a-f]{40}$/.test(object.sha ?? '')) {
        throw new Failure(`${target.owner}/${target.repo}@${target.ref} does not point at a commit`);
      }
      return { ok: true, value: object.sha as string };
    } catch (e) {
      return failure(e, `${target.owner}/${target.repo}@${target.ref}`);
    }
  };

  return { resolveImage, resolveAction };
}

function failure(e: unknown, name: string): Resolution {
  if (e instanceof Denied) {
    return { ok: false, reason: e.message, allowHost: e.host };
  }
  if (e instanceof Failure) {
    return { ok: false, reason: e.message };
  }
  return { ok: false, reason: `${name}: ${(e as Error).message ?? String(e)}` };
}

import * as http from 'http';
import type { AddressInfo } from 'net';

/** A loopback HTTP server that records every request it sees. */
export interface FakeServer {
  /** Base URL, http://127.0.0.1:PORT */
  url: string;
  host: string;
  /** `METHOD path` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

async function listen(handler: (req: http.IncomingMessage, res: http.ServerResponse, base: string) => void): Promise<FakeServer> {
  const requests: string[] = [];
  let base = '';
  const server = http.createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    handler(req, res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    host: '127.0.0.1',
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A fake OCI distribution registry: `HEAD /v2/<repo>/manifests/<tag>` answers 401 with a bearer
 * challenge until called with the token from `GET /token`, then the digest in Docker-Content-Digest
 * (or 404 for unknown tags). `manifests` maps `repo:tag` to a digest.
 */
export function fakeRegistry(manifests: Record<string, string>): Promise<FakeServer> {
  return listen((req, res, base) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/token') {
      const scope = url.searchParams.get('scope') ?? '';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: `tok ${scope}` }));
      return;
    }
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const repo = m[1];
    const scope = `repository:${repo}:pull`;
    if (req.headers.authorization !== `Bearer tok ${scope}`) {
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="${base}/token",service="fake",scope="${scope}"` }).end();
      return;
    }
    const accept = String(req.headers.accept ?? '');
    const digest = manifests[`${repo}:${decodeURIComponent(m[2])}`];
    if (!digest || !accept.includes('application/vnd.oci.image.index.v1+json')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Docker-Content-Digest': digest, 'Content-Type': 'application/vnd.oci.image.index.v1+json' }).end();
  });
}

/** A git object as the GitHub API shows it. */
export interface FakeGitObject {
  type: 'commit' | 'tag';
  sha: string;
}

/**
 * A fake GitHub API: `/repos/{owner}/{repo}/git/ref/tags/{tag}`, `/git/ref/heads/{branch}` and
 * `/git/tags/{sha}` (annotated tag objects). Keys are `owner/repo@name` and tag object SHAs.
 */
export function fakeGitHub(data: { tags?: Record<string, FakeGitObject>; heads?: Record<string, FakeGitObject>; tagObjects?: Record<string, FakeGitObject> }): Promise<FakeServer> {
  return listen((req, res, base) => {
    const url = new URL(req.url ?? '/', base);
    const send = (body: unknown): void => {
      if (body === undefined) {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"Not Found"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const ref = /^\/repos\/([^/]+)\/([^/]+)\/git\/ref\/(tags|heads)\/(.+)$/.exec(url.pathname);
    if (ref) {
      const name = decodeURIComponent(ref[4]);
      const object = (ref[3] === 'tags' ? data.tags : data.heads)?.[`${ref[1]}/${ref[2]}@${name}`];
      send(object ? { ref: `refs/${ref[3]}/${name}`, object } : undefined);
      return;
    }
    const tag = /^\/repos\/[^/]+\/[^/]+\/git\/tags\/([0-9a-f]+)$/.exec(url.pathname);
    if (tag) {
      const object = data.tagObjects?.[tag[1]];
      send(object ? { sha: tag[1], object } : undefined);
      return;
    }
    send(undefined);
  });
}

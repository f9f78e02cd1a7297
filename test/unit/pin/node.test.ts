import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { pinFile } from '../../../src/generate/pin';
import { createNodeResolver, DOCKER_HUB_API_HOST, GITHUB_API_HOST, parseBearerChallenge } from '../../../src/generate/pin/node';
import { fakeGitHub, fakeRegistry } from '../../helpers/fakeRegistry';
import type { FakeServer } from '../../helpers/fakeRegistry';

const NODE = `sha256:${'1'.repeat(64)}`;
const TOOLS = `sha256:${'2'.repeat(64)}`;
const CHECKOUT = '3'.repeat(40);
const TAG_OBJECT = '4'.repeat(40);
const MAIN = '5'.repeat(40);

/** A port nothing listens on: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('pin: HTTP resolver against a fake registry', () => {
  let registry: FakeServer;
  before(async () => {
    registry = await fakeRegistry({ 'library/node:20': NODE, 'acme/tools:2.0': TOOLS });
  });
  after(() => registry.close());
  const resolver = (allow: string[]) => createNodeResolver({ allow, registryUrl: () => registry.url });

  it('follows the bearer challenge and pins Docker Hub and other registries', async () => {
    registry.requests.length = 0;
    const text = 'FROM node:20 AS a\nFROM ghcr.io/acme/tools:2.0\n';
    const r = await pinFile('Dockerfile', text, 'images', resolver([DOCKER_HUB_API_HOST, 'ghcr.io', registry.host]));
    assert.equal(r.newText, `FROM node:20@${NODE} AS a\nFROM ghcr.io/acme/tools:2.0@${TOOLS}\n`);
    assert.deepEqual(registry.requests.slice(0, 3), [
      'HEAD /v2/library/node/manifests/20',
      'GET /token?service=fake&scope=repository%3Alibrary%2Fnode%3Apull',
      'HEAD /v2/library/node/manifests/20',
    ]);
  });

  it('pins compose and Kubernetes files with exact output', async () => {
    const compose = 'services:\n  web:\n    image: node:20\n    build: .\n';
    const k8s = 'spec:\n  template:\n    spec:\n      containers:\n        - name: t\n          image: "ghcr.io/acme/tools:2.0"\n';
    const res = resolver([DOCKER_HUB_API_HOST, 'ghcr.io', registry.host]);
    assert.equal((await pinFile('compose.yaml', compose, 'images', res)).newText, compose.replace('node:20', `node:20@${NODE}`));
    assert.equal((await pinFile('deploy.yaml', k8s, 'images', res)).newText, k8s.replace('tools:2.0"', `tools:2.0@${TOOLS}"`));
  });

  it('reports an unknown tag as not found', async () => {
    const r = await resolver([DOCKER_HUB_API_HOST, registry.host]).resolveImage({ registry: 'docker.io', repository: 'library/node', tag: '99', tagWritten: true });
    assert.deepEqual(r, { ok: false, reason: `tag '99' of library/node not found on ${DOCKER_HUB_API_HOST}` });
  });

  it('sends nothing to a registry host that is not allowed and names the host to allow', async () => {
    registry.requests.length = 0;
    const r = await resolver([registry.host]).resolveImage({ registry: 'quay.io', repository: 'acme/tools', tag: '2.0', tagWritten: true });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.allowHost, 'quay.io');
    assert.match(!r.ok ? r.reason : '', /add 'quay\.io' to agents\.devops\.permissions\.network/);
    assert.deepEqual(registry.requests, []);
  });

  it('does not ask a token endpoint on a host that is not allowed', async () => {
    registry.requests.length = 0;
    const r = await resolver(['ghcr.io']).resolveImage({ registry: 'ghcr.io', repository: 'acme/tools', tag: '2.0', tagWritten: true });
    assert.equal(!r.ok && r.allowHost, registry.host);
    assert.deepEqual(registry.requests, ['HEAD /v2/acme/tools/manifests/2.0']);
  });

  it('says the registry is unreachable when nothing listens', async () => {
    const port = await closedPort();
    const offline = createNodeResolver({ allow: ['ghcr.io'], registryUrl: () => `http://127.0.0.1:${port}` });
    const r = await offline.resolveImage({ registry: 'ghcr.io', repository: 'acme/tools', tag: '2.0', tagWritten: true });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /^cannot reach ghcr\.io \(ECONNREFUSED\); offline\?$/);
  });

  it('parses bearer challenges with quoted and bare values', () => {
    assert.deepEqual(parseBearerChallenge('Bearer realm="https://a/token",service=reg,scope="repository:x:pull"'), { realm: 'https://a/token', service: 'reg', scope: 'repository:x:pull' });
    assert.equal(parseBearerChallenge('Basic realm="x"'), undefined);
  });
});

describe('pin: HTTP resolver against a fake GitHub API', () => {
  let api: FakeServer;
  before(async () => {
    api = await fakeGitHub({
      tags: { 'actions/checkout@v4': { type: 'tag', sha: TAG_OBJECT }, 'acme/lw@v1': { type: 'commit', sha: CHECKOUT } },
      tagObjects: { [TAG_OBJECT]: { type: 'commit', sha: CHECKOUT } },
      heads: { 'acme/lw@main': { type: 'commit', sha: MAIN } },
    });
  });
  after(() => api.close());
  const resolver = (allow: string[]) => createNodeResolver({ allow, githubApi: api.url });

  it('dereferences annotated tags, falls back to branches and keeps the tag as a comment', async () => {
    api.requests.length = 0;
    const text = ['jobs:', '  a:', '    steps:', '      - uses: actions/checkout@v4 # pinned later', '      - uses: acme/lw/sub@main', '  b:', '    uses: acme/lw/.github/workflows/x.yml@v1', ''].join('\n');
    const r = await pinFile('.github/workflows/ci.yml', text, 'actions', resolver([GITHUB_API_HOST]));
    assert.equal(
      r.newText,
      ['jobs:', '  a:', '    steps:', `      - uses: actions/checkout@${CHECKOUT} # v4`, `      - uses: acme/lw/sub@${MAIN} # main`, '  b:', `    uses: acme/lw/.github/workflows/x.yml@${CHECKOUT} # v1`, ''].join('\n'),
    );
    assert.deepEqual(api.requests, [
      'GET /repos/actions/checkout/git/ref/tags/v4',
      `GET /repos/actions/checkout/git/tags/${TAG_OBJECT}`,
      'GET /repos/acme/lw/git/ref/tags/main',
      'GET /repos/acme/lw/git/ref/heads/main',
      'GET /repos/acme/lw/git/ref/tags/v1',
    ]);
  });

  it('reports a ref that is neither a tag nor a branch', async () => {
    const r = await resolver([GITHUB_API_HOST]).resolveAction({ owner: 'acme', repo: 'lw', path: '', ref: 'v9' });
    assert.deepEqual(r, { ok: false, reason: "no tag or branch 'v9' in acme/lw (or the repository does not exist)" });
  });

  it('sends nothing when the API host is not allowed', async () => {
    api.requests.length = 0;
    const r = await resolver(['github.com']).resolveAction({ owner: 'actions', repo: 'checkout', path: '', ref: 'v4' });
    assert.equal(!r.ok && r.allowHost, GITHUB_API_HOST);
    assert.deepEqual(api.requests, []);
  });
});

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { findRefs, pinFile } from '../../../src/generate/pin';
import type { ActionTarget, ImageTarget, PinResolver, Resolution } from '../../../src/generate/pin';

const D = `sha256:${'a'.repeat(64)}`;
const SHA = 'b'.repeat(40);

/** Resolves everything to D / SHA and records what it was asked. */
function stubResolver(): PinResolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolveImage: (t: ImageTarget): Promise<Resolution> => {
      asked.push(`${t.registry} ${t.repository}:${t.tag}`);
      return Promise.resolve({ ok: true, value: D });
    },
    resolveAction: (t: ActionTarget): Promise<Resolution> => {
      asked.push(`${t.owner}/${t.repo}${t.path}@${t.ref}`);
      return Promise.resolve({ ok: true, value: SHA });
    },
  };
}

describe('pin: finding references', () => {
  it('finds FROM images, COPY --from and RUN --mount from= images, not stages or scratch', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
      'COPY --from=build /a /b',
      'COPY --from=0 /a /b',
      'COPY --from=nginx:1.27 /etc/nginx /etc/nginx',
      'RUN --mount=type=bind,from=ghcr.io/acme/tools:2.0,target=/t \\',
      '    --mount=type=cache,target=/root/.cache make',
      'RUN --mount=type=bind,from=build,target=/x true',
      'FROM build AS again',
      'FROM scratch',
      'FROM ${BASE}',
      'FROM alpine@sha256:' + 'c'.repeat(64),
      '',
    ].join('\n');
    const refs = findRefs('Dockerfile', text, 'images');
    assert.deepEqual(
      refs.map((r) => [r.line, r.text, r.skip ?? 'ok', text.slice(r.start, r.end)]),
      [
        [2, 'golang:1.22', 'ok', 'golang:1.22'],
        [5, 'nginx:1.27', 'ok', 'nginx:1.27'],
        [6, 'ghcr.io/acme/tools:2.0', 'ok', 'ghcr.io/acme/tools:2.0'],
        [11, '${BASE}', 'uses a variable; it is resolved at build or deploy time', '${BASE}'],
        [12, `alpine@sha256:${'c'.repeat(64)}`, 'already pinned by digest', `alpine@sha256:${'c'.repeat(64)}`],
      ],
    );
    assert.deepEqual(refs[0].image, { registry: 'docker.io', repository: 'library/golang', tag: '1.22', tagWritten: true });
    assert.deepEqual(refs[2].image, { registry: 'ghcr.io', repository: 'acme/tools', tag: '2.0', tagWritten: true });
  });

  it('finds image: keys in compose and Kubernetes files (every containers list)', () => {
    const text = [
      'spec:',
      '  initContainers:',
      '    - name: init',
      '      image: "busybox:1.36"',
      '  containers:',
      '    - image: quay.io/prometheus/node-exporter:v1.8.0 # exporter',
      '      name: x',
      '  ephemeralContainers:',
      "    - image: 'registry.example.com:5000/team/app'",
      '  volumes: []',
      'image:',
      '  repository: nginx',
    ].join('\n');
    const refs = findRefs('k8s/pod.yaml', text, 'images');
    assert.deepEqual(
      refs.map((r) => [r.line, text.slice(r.start, r.end), r.image?.registry, r.image?.repository, r.image?.tag]),
      [
        [4, 'busybox:1.36', 'docker.io', 'library/busybox', '1.36'],
        [6, 'quay.io/prometheus/node-exporter:v1.8.0', 'quay.io', 'prometheus/node-exporter', 'v1.8.0'],
        [9, 'registry.example.com:5000/team/app', 'registry.example.com:5000', 'team/app', 'latest'],
      ],
    );
  });

  it('finds uses: actions and says why local, docker and pinned ones are skipped', () => {
    const text = [
      'jobs:',
      '  b:',
      '    uses: acme/workflows/.github/workflows/build.yml@v1',
      '  t:',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: ./local',
      '      - uses: docker://alpine:3.20',
      `      - uses: actions/cache@${'d'.repeat(40)} # v4`,
      '      - uses: ${{ matrix.action }}',
    ].join('\n');
    const refs = findRefs('.github/workflows/ci.yml', text, 'actions');
    assert.deepEqual(
      refs.map((r) => [r.line, r.text, r.skip ?? 'ok']),
      [
        [3, 'acme/workflows/.github/workflows/build.yml@v1', 'ok'],
        [6, 'actions/checkout@v4', 'ok'],
        [7, './local', 'local action; it is versioned with this repository'],
        [8, 'docker://alpine:3.20', "container image; pin it with 'pin images'"],
        [9, `actions/cache@${'d'.repeat(40)}`, 'already pinned to a commit SHA'],
      ],
    );
    // the variable line does not match the uses pattern as a single token: nothing to pin
    assert.deepEqual(refs[0].action, { owner: 'acme', repo: 'workflows', path: '/.github/workflows/build.yml', ref: 'v1' });
    // docker:// steps are images in images mode
    assert.deepEqual(findRefs('.github/workflows/ci.yml', text, 'images').map((r) => r.text), ['alpine:3.20']);
    // actions are only looked for in workflow and action files
    assert.deepEqual(findRefs('compose.yaml', text, 'actions'), []);
  });
});

describe('pin: edits', () => {
  it('pins a Dockerfile keeping tags, flags and stage names', async () => {
    const text = 'FROM --platform=linux/amd64 node:20-alpine AS build\r\nCOPY --from=nginx /a /b\r\nFROM build\r\n';
    const r = await pinFile('Dockerfile', text, 'images', stubResolver());
    assert.equal(r.newText, `FROM --platform=linux/amd64 node:20-alpine@${D} AS build\r\nCOPY --from=nginx:latest@${D} /a /b\r\nFROM build\r\n`);
  });

  it('pins compose images inside quotes and leaves pinned and variable ones alone', async () => {
    const text = [
      'services:',
      '  web:',
      '    image: "nginx:1.27" # front',
      '  db:',
      `    image: postgres:16@${D}`,
      '  app:',
      '    image: ${APP_IMAGE:-app:dev}',
      '',
    ].join('\n');
    const resolver = stubResolver();
    const r = await pinFile('compose.yaml', text, 'images', resolver);
    assert.equal(r.newText, text.replace('"nginx:1.27"', `"nginx:1.27@${D}"`));
    assert.deepEqual(resolver.asked, ['docker.io library/nginx:1.27']);
    assert.deepEqual(r.outcomes.map((o) => o.status), ['pinned', 'skipped', 'skipped']);
  });

  it('pins actions with the tag as a trailing comment, replacing an existing comment', async () => {
    const text = ['steps:', '  - uses: actions/checkout@v4', "  - uses: 'actions/setup-node@v4'   # node", '  - uses: actions/checkout@v4', ''].join('\n');
    const resolver = stubResolver();
    const r = await pinFile('.github/workflows/ci.yml', text, 'actions', resolver);
    assert.equal(
      r.newText,
      ['steps:', `  - uses: actions/checkout@${SHA} # v4`, `  - uses: 'actions/setup-node@${SHA}' # v4`, `  - uses: actions/checkout@${SHA} # v4`, ''].join('\n'),
    );
    // the same action is resolved once
    assert.deepEqual(resolver.asked, ['actions/checkout@v4', 'actions/setup-node@v4']);
  });

  it('leaves a file untouched when a reference cannot be resolved', async () => {
    const text = 'FROM node:20\n';
    const resolver: PinResolver = {
      resolveImage: () => Promise.resolve({ ok: false, reason: 'nope', allowHost: 'h' }),
      resolveAction: () => Promise.resolve({ ok: false, reason: 'nope' }),
    };
    const r = await pinFile('Dockerfile', text, 'images', resolver);
    assert.equal(r.newText, text);
    assert.deepEqual(r.outcomes.map((o) => [o.status, o.detail, o.allowHost]), [['failed', 'nope', 'h']]);
  });
});

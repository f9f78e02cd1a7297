import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pinTestHooks } from '../../../src/cli/commands/pin';
import { DOCKER_HUB_API_HOST, GITHUB_API_HOST } from '../../../src/generate/pin/node';
import { fakeGitHub, fakeRegistry } from '../../helpers/fakeRegistry';
import type { FakeServer } from '../../helpers/fakeRegistry';
import { runCli } from '../../helpers/cli';
import type { Run } from '../../helpers/cli';

const NODE = `sha256:${'1'.repeat(64)}`;
const CHECKOUT = '3'.repeat(40);

/** Run `pin` in this process (so the resolver can be pointed at the fakes), capturing its output. */
function run(args: string[]): Promise<Run> {
  return runCli(['pin', ...args]);
}

describe('aurora-devops pin (CLI)', () => {
  let tmp = '';
  let registry: FakeServer;
  let api: FakeServer;
  const dockerfile = 'FROM node:20\nFROM node:21\n';
  const workflow = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n';
  before(async () => {
    registry = await fakeRegistry({ 'library/node:20': NODE });
    api = await fakeGitHub({ tags: { 'actions/checkout@v4': { type: 'commit', sha: CHECKOUT } } });
    pinTestHooks.resolverOptions = { registryUrl: () => registry.url, githubApi: api.url };
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-pin-'));
    fs.mkdirSync(path.join(tmp, '.github', 'workflows'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'Dockerfile'), dockerfile);
    fs.writeFileSync(path.join(tmp, '.github', 'workflows', 'ci.yml'), workflow);
    fs.writeFileSync(
      path.join(tmp, 'aurora.yaml'),
      `agents:\n  devops:\n    permissions:\n      network: [${DOCKER_HUB_API_HOST}, ${GITHUB_API_HOST}, ${registry.host}]\n`,
    );
  });
  after(async () => {
    pinTestHooks.resolverOptions = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
    await registry.close();
    await api.close();
  });

  it('prints a diff and a summary, writes nothing, exits 1 when a tag is missing', async () => {
    const r = await run(['images', tmp]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, new RegExp(`^-FROM node:20\\n\\+FROM node:20@${NODE}$`, 'm'));
    assert.doesNotMatch(r.stdout, /node:21@/);
    assert.match(r.stderr, /Dockerfile:2: could not pin image node:21: tag '21' of library\/node not found/);
    assert.equal(fs.readFileSync(path.join(tmp, 'Dockerfile'), 'utf8'), dockerfile);
  });

  it('pins actions with --write and reports JSON', async () => {
    const r = await run(['actions', tmp, '--write', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { pinned: number; failed: number; files: { references: { status: string; detail: string }[] }[] };
    assert.equal(report.pinned, 1);
    assert.equal(report.failed, 0);
    assert.equal(fs.readFileSync(path.join(tmp, '.github', 'workflows', 'ci.yml'), 'utf8'), workflow.replace('checkout@v4', `checkout@${CHECKOUT} # v4`));
    // nothing left behind by the atomic write
    assert.deepEqual(fs.readdirSync(path.join(tmp, '.github', 'workflows')), ['ci.yml']);
  });

  it('names the host to allow when aurora.yaml does not list it, without asking it', async () => {
    const config = path.join(tmp, 'strict.yaml');
    fs.writeFileSync(config, 'agents:\n  devops:\n    permissions:\n      network: []\n');
    registry.requests.length = 0;
    const r = await run(['images', path.join(tmp, 'Dockerfile'), '--config', config]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`allow in aurora.yaml permissions.network: ${DOCKER_HUB_API_HOST.replace(/\./g, '\\.')}\\n$`));
    assert.deepEqual(registry.requests, []);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [['pin'], ['pin', 'everything'], ['pin', 'images', '--format', 'xml'], ['pin', 'images', path.join(tmp, 'missing')]]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr.split('\n').filter(Boolean).length, 1);
    }
  });
});

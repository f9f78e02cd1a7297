import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../helpers/core';

/**
 * dist/cli.js (src/cli/launch.ts) runs dist/cli-core.js compiled with V8's code cache of an
 * earlier run. The cache may change how fast the CLI starts, never what it prints: each case runs
 * a copy of the built CLI (so a case may edit the core) with its own cache folder and reads the
 * line AURORA_CODE_CACHE_DEBUG=1 adds to stderr. As root, the cases about another user's folder
 * and a read-only one run the CLI as nobody (root writes anywhere).
 */

const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const POSIX = process.platform !== 'win32';
/** A cache file's start (launch.ts), to wrap a foreign V8 payload in a whole file. */
const MAGIC = Buffer.from('AURORA-V8-CACHE-2\n');

const temps: string[] = [];
let cliDir = '';
let project = '';
/** HOME for the runs that do not set it: not the user's */
let home = '';
/** What the CLI prints on the project without a cache: every case must print exactly this. */
let expected: Run;

interface Run {
  code: number | null;
  stdout: string;
  /** stderr without the debug line */
  stderr: string;
  /** the debug line, without `code cache: ` */
  cache: string;
}

function temp(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(dir);
  return dir;
}

/** A copy of the built CLI (launcher, core, tools bundle, wasm) that anyone can read. */
function copyCli(): string {
  const dist = path.join(repoRoot(), 'dist');
  const dir = temp('aurora-cache-cli-');
  fs.chmodSync(dir, 0o755);
  for (const name of ['cli.js', 'cli-core.js', 'cli-tools.js']) {
    fs.copyFileSync(path.join(dist, name), path.join(dir, name));
    fs.chmodSync(path.join(dir, name), 0o644);
  }
  fs.mkdirSync(path.join(dir, 'wasm'), { mode: 0o755 });
  for (const name of fs.readdirSync(path.join(dist, 'wasm'))) {
    fs.copyFileSync(path.join(dist, 'wasm', name), path.join(dir, 'wasm', name));
    fs.chmodSync(path.join(dir, 'wasm', name), 0o644);
  }
  return dir;
}

/** Run the CLI copy in `dir` on the project with the cache in `cache` (and `env` on top). */
function run(cache: string, opts: { dir?: string; env?: NodeJS.ProcessEnv; uid?: number; args?: string[] } = {}): Run {
  // HOME and XDG_CACHE_HOME too: even a broken launcher never writes to the user's ~/.cache
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', AURORA_CODE_CACHE_DEBUG: '1', AURORA_CACHE_DIR: cache, HOME: home, XDG_CACHE_HOME: path.join(home, 'xdg') };
  delete env.AURORA_CODE_CACHE;
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [path.join(opts.dir ?? cliDir, 'cli.js'), ...(opts.args ?? ['check', '.', '--format', 'json'])], {
    cwd: project,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  assert.equal(r.signal, null, `killed by ${String(r.signal)} (a hang?)`);
  const lines = r.stderr.split('\n');
  const debug = lines.filter((l) => l.startsWith('code cache: '));
  assert.equal(debug.length, 1, r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: lines.filter((l) => !l.startsWith('code cache: ')).join('\n'), cache: debug[0].slice('code cache: '.length) };
}

/** The run printed what the CLI prints without a cache. */
function sameOutput(r: Run): void {
  assert.equal(r.code, expected.code);
  assert.equal(r.stderr, expected.stderr);
  assert.equal(r.stdout, expected.stdout);
}

/** The cache files in `dir`, by name. */
function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cache')).sort() : [];
}

function mode(p: string): number {
  return fs.statSync(p).mode & 0o777;
}

describe('the CLI code cache (dist/cli.js runs dist/cli-core.js with V8 code cached by an earlier run)', { skip: !POSIX ? 'POSIX owners and modes' : false, timeout: 300_000 }, () => {
  before(() => {
    assert.ok(fs.existsSync(path.join(repoRoot(), 'dist', 'cli-core.js')), 'run `npm run build` first');
    cliDir = copyCli();
    project = temp('aurora-cache-project-');
    home = temp('aurora-cache-home-');
    fs.chmodSync(project, 0o755);
    // a Dockerfile whose RUN is parsed by the bash grammar (wasm), and a compose file
    fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM ubuntu\nRUN apt-get update && curl -fsSL https://get.example.sh | sh\n', { mode: 0o644 });
    fs.writeFileSync(path.join(project, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n    privileged: true\n', { mode: 0o644 });
    expected = run(path.join(temp('aurora-cache-'), 'unused'), { env: { AURORA_CODE_CACHE: '0' } });
    assert.equal(expected.cache, 'off');
    assert.equal(expected.code, 1, expected.stderr);
    assert.ok((JSON.parse(expected.stdout) as unknown[]).length >= 3, expected.stdout);
  });

  after(() => {
    for (const dir of temps) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the first run makes the folder (0700) and writes the cache (0600); the second uses it and prints the same bytes', () => {
    const cache = path.join(temp('aurora-cache-'), 'made', 'here');
    const first = run(cache);
    assert.match(first.cache, /^miss .*\/cli-core-[0-9a-f]{32}\.cache, written$/);
    sameOutput(first);
    assert.equal(mode(cache), 0o700);
    assert.equal(mode(path.dirname(cache)), 0o700);
    const files = cacheFiles(cache);
    assert.equal(files.length, 1);
    assert.equal(mode(path.join(cache, files[0])), 0o600);
    assert.deepEqual(fs.readdirSync(cache), files, 'no temp file left');
    const second = run(cache);
    assert.equal(second.cache, `hit ${path.join(cache, files[0])}`);
    sameOutput(second);
    assert.deepEqual(cacheFiles(cache), files);
  });

  it('a damaged cache file is rejected, the output is still right, and it is written again', () => {
    const cache = temp('aurora-cache-');
    run(cache);
    const file = path.join(cache, cacheFiles(cache)[0]);
    const good = fs.readFileSync(file);
    // bytes changed in V8's data: caught by the file's checksum before V8 sees them
    const damaged = Buffer.from(good);
    for (let i = Math.floor(damaged.length / 2); i < damaged.length / 2 + 64; i++) {
      damaged[i] ^= 0x5a;
    }
    for (const bad of [damaged, good.subarray(0, good.length - 1000), good.subarray(0, 10), Buffer.alloc(0)]) {
      fs.writeFileSync(file, bad, { mode: 0o600 });
      const r = run(cache);
      assert.equal(r.cache, `rejected ${file}, written`);
      sameOutput(r);
      assert.equal(run(cache).cache, `hit ${file}`, 'written again whole');
    }
  });

  it('a whole file of V8 data V8 will not take (made for another script) is rejected by V8 and written again', () => {
    const cache = temp('aurora-cache-');
    run(cache);
    const file = path.join(cache, cacheFiles(cache)[0]);
    const foreign = new vm.Script('"another script";').createCachedData();
    const kind = Buffer.from([1]);
    fs.writeFileSync(file, Buffer.concat([MAGIC, kind, createHash('sha256').update(kind).update(foreign).digest(), foreign]), { mode: 0o600 });
    const r = run(cache);
    assert.equal(r.cache, `rejected ${file}, written`);
    sameOutput(r);
    assert.equal(run(cache).cache, `hit ${file}`);
  });

  it('a cache folder that others can write is not used and nothing is written into it', () => {
    for (const m of [0o777, 0o770, 0o702]) {
      const cache = temp('aurora-cache-');
      fs.chmodSync(cache, m);
      const r = run(cache);
      assert.equal(r.cache, `unsafe ${cache}`);
      sameOutput(r);
      assert.deepEqual(fs.readdirSync(cache), []);
    }
  });

  it("a cache folder of another user's is not used", { skip: !AS_ROOT ? 'needs root to hand a folder to nobody' : false }, () => {
    const cache = temp('aurora-cache-');
    fs.chownSync(cache, NOBODY, NOBODY);
    const r = run(cache);
    assert.equal(r.cache, `unsafe ${cache}`);
    sameOutput(r);
    assert.deepEqual(fs.readdirSync(cache), []);
  });

  it("a cache file others can write, another user's, or a link is not used: it is replaced by one of ours", () => {
    const cache = temp('aurora-cache-');
    run(cache);
    const file = path.join(cache, cacheFiles(cache)[0]);
    const good = fs.readFileSync(file);
    const cases: [string, () => void][] = [
      ['group-writable', () => fs.chmodSync(file, 0o620)],
      ['world-writable', () => fs.chmodSync(file, 0o606)],
      [
        'a link to a whole cache file',
        () => {
          const elsewhere = path.join(temp('aurora-cache-elsewhere-'), 'planted.cache');
          fs.writeFileSync(elsewhere, good, { mode: 0o600 });
          fs.rmSync(file);
          fs.symlinkSync(elsewhere, file);
        },
      ],
    ];
    if (AS_ROOT) {
      cases.push(['owned by nobody', () => fs.chownSync(file, NOBODY, NOBODY)]);
    }
    for (const [what, plant] of cases) {
      plant();
      const r = run(cache);
      assert.equal(r.cache, `unsafe ${file}, written`, what);
      sameOutput(r);
      const st = fs.lstatSync(file);
      assert.ok(st.isFile() && (st.mode & 0o777) === 0o600 && st.uid === process.getuid?.(), what);
      assert.equal(run(cache).cache, `hit ${file}`, what);
    }
  });

  it('AURORA_CODE_CACHE=0 reads and writes nothing', () => {
    const cache = path.join(temp('aurora-cache-'), 'not-made');
    const r = run(cache, { env: { AURORA_CODE_CACHE: '0' } });
    assert.equal(r.cache, 'off');
    sameOutput(r);
    assert.equal(fs.existsSync(cache), false);
  });

  it('a cache folder that cannot be written or made still gives the right output', () => {
    const base = temp('aurora-cache-');
    fs.chmodSync(base, 0o755);
    // read-only (as root: nobody's folder, mode 0500, and the CLI runs as nobody)
    const readOnly = path.join(base, 'read-only');
    fs.mkdirSync(readOnly, { mode: 0o700 });
    if (AS_ROOT) {
      fs.chownSync(readOnly, NOBODY, NOBODY);
    }
    fs.chmodSync(readOnly, 0o500);
    const r = run(readOnly, { uid: AS_ROOT ? NOBODY : undefined });
    assert.match(r.cache, /^miss .*, not written \(EACCES\)$/);
    sameOutput(r);
    fs.chmodSync(readOnly, 0o700);
    assert.deepEqual(fs.readdirSync(readOnly), []);
    // where no folder can be made: under a file, under /proc, under a folder it may not write
    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, '');
    const locked = path.join(base, 'locked');
    fs.mkdirSync(locked, { mode: 0o755 });
    for (const [cache, uid] of [[path.join(file, 'cache'), undefined], ['/proc/aurora-code-cache/x', undefined], [path.join(locked, 'cache'), AS_ROOT ? NOBODY : undefined]] as const) {
      const r2 = run(cache, { uid });
      assert.match(r2.cache, /^off \(.*: E[A-Z]+\)$/, cache);
      sameOutput(r2);
    }
  });

  it('no home folder and no cache folder set: no cache, the right output', () => {
    const r = run('', { env: { HOME: '', XDG_CACHE_HOME: '' } });
    assert.equal(r.cache, 'off (no home folder)');
    sameOutput(r);
  });

  it('XDG_CACHE_HOME, else HOME: the cache goes to aurora-devops under it', () => {
    const xdg = temp('aurora-cache-xdg-');
    assert.match(run('', { env: { XDG_CACHE_HOME: xdg } }).cache, new RegExp(`^miss ${xdg}/aurora-devops/cli-core-[0-9a-f]{32}\\.cache, written$`));
    const home = temp('aurora-cache-home-');
    assert.match(run('', { env: { XDG_CACHE_HOME: '', HOME: home } }).cache, new RegExp(`^miss ${home}/\\.cache/aurora-devops/cli-core-[0-9a-f]{32}\\.cache, written$`));
  });

  it("the cache file's name changes with the core's text; the old one is removed when the new one is written", () => {
    const dir = copyCli();
    const cache = temp('aurora-cache-');
    run(cache, { dir });
    const [before_] = cacheFiles(cache);
    assert.equal(run(cache, { dir }).cache, `hit ${path.join(cache, before_)}`);
    // the same length (V8 checks only that): a different text all the same
    const core = path.join(dir, 'cli-core.js');
    const text = fs.readFileSync(core, 'utf8');
    fs.writeFileSync(core, text.replace(/\n\/\/# sourceMappingURL=cli-core\.js\.map\n?$/, (m) => m.replace('cli-core.js.map', 'cli-core.js.maq')));
    assert.equal(fs.statSync(core).size, Buffer.byteLength(text));
    assert.notEqual(fs.readFileSync(core, 'utf8'), text);
    const r = run(cache, { dir });
    assert.match(r.cache, /^miss .*, written$/);
    sameOutput(r);
    const [after_] = cacheFiles(cache);
    assert.notEqual(after_, before_);
    assert.deepEqual(cacheFiles(cache), [after_]);
  });

  it('a cache made by a run that analysed nothing (--help) is replaced once by the next check', () => {
    const cache = temp('aurora-cache-');
    const help = run(cache, { args: ['--help'] });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.cache, /^miss .*, written$/);
    const file = path.join(cache, cacheFiles(cache)[0]);
    const thin = fs.statSync(file).size;
    assert.equal(run(cache, { args: ['rules'] }).cache, `hit ${file}`);
    const r = run(cache);
    assert.equal(r.cache, `hit ${file}, written`);
    sameOutput(r);
    assert.ok(fs.statSync(file).size > thin, 'it holds the functions the check compiled');
    assert.equal(run(cache).cache, `hit ${file}`);
    assert.equal(run(cache, { args: ['--help'] }).cache, `hit ${file}`);
  });

  it('worker threads (AURORA_WORKERS=2) with the cache give the same output', () => {
    const cache = temp('aurora-cache-');
    run(cache);
    const r = run(cache, { env: { AURORA_WORKERS: '2' } });
    assert.match(r.cache, /^hit /);
    sameOutput(r);
  });
});

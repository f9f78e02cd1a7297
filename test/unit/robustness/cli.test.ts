import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../helpers/cli';
import type { Run } from '../../helpers/cli';
import { repoRoot } from '../../helpers/core';

/**
 * The CLI on hostile trees: unreadable files and folders, symlink loops, dangling links, spaces
 * and Unicode in names, a malformed aurora.yaml, folders named like files, FIFOs, and `fix` over
 * all of them (nothing written but the fixed files).
 *
 * CI runs as root, for whom chmod 000 changes nothing. As root, the CLI (a copy of the
 * self-contained dist/cli.js, dist/cli-core.js and dist/wasm in a world-readable folder, with its
 * code cache in a folder of its user's there) runs as nobody, and the
 * test trees are chowned to nobody first, so nobody stands where an ordinary owner would. The
 * cases about links, names and aurora.yaml, which need neither another user nor a guard against
 * a hang, run the CLI's main() in this process (test/helpers/cli.ts).
 */

const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;
const WINDOWS = process.platform === 'win32';


let cliDir = '';
const temps: string[] = [];
/** Paths whose permissions a test removed, restored before cleanup (needed when not root). */
const restricted: string[] = [];

function cli(): string {
  return path.join(cliDir, 'cli.js');
}

/** The CLI's code cache (src/cli/launch.ts): its user's own folder, not HOME (the project). */
function cacheDir(): string {
  return path.join(cliDir, 'code-cache');
}

/** The CLI's main() in this process, for the cases that need neither another user nor a hang guard. */
function inProcess(args: string[], cwd: string): Promise<Run> {
  return runCli(args, cwd, { ...process.env, HOME: cwd, NO_COLOR: '1' });
}

/** Run the CLI as an unprivileged user; a hang fails the test instead of blocking the suite. */
function run(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [cli(), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, HOME: cwd, NO_COLOR: '1', AURORA_CACHE_DIR: cacheDir() },
    ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  assert.equal(r.signal, null, `aurora-devops ${args.join(' ')} was killed by ${String(r.signal)} (a hang?)`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh project folder the CLI's user can traverse, with the given files. */
function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-robust-')));
  temps.push(dir);
  fs.chmodSync(dir, 0o755);
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true, mode: 0o755 });
    fs.writeFileSync(full, text, { mode: 0o644 });
  }
  return dir;
}

/** Hand the tree to the CLI's user (as root: nobody), links included. */
function handOver(dir: string): void {
  if (!AS_ROOT) {
    return;
  }
  const walk = (p: string): void => {
    fs.lchownSync(p, NOBODY, NOBODY);
    const st = fs.lstatSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) {
        walk(path.join(p, name));
      }
    }
  };
  walk(dir);
}

/** Take permissions away (after handOver, so they bind the CLI's user). */
function restrict(p: string, mode: number): void {
  fs.chmodSync(p, mode);
  restricted.push(p);
}

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, `mkfifo ${p}: ${String(r.stderr)}`);
}

/**
 * Every entry of a tree (never following links, never opening FIFOs) with its type, mode and
 * content hash, read by the test's own user; unreadable parts are recorded as such.
 */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (p: string): void => {
    const rel = path.relative(dir, p) || '.';
    const st = fs.lstatSync(p);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) {
      out.set(rel, `link ${fs.readlinkSync(p)}`);
    } else if (st.isFIFO()) {
      out.set(rel, `fifo ${mode}`);
    } else if (st.isDirectory()) {
      out.set(rel, `dir ${mode}`);
      let names: string[] = [];
      try {
        names = fs.readdirSync(p);
      } catch {
        out.set(rel, `dir ${mode} unreadable`);
      }
      for (const name of names) {
        walk(path.join(p, name));
      }
    } else if (st.isFile()) {
      let hash = 'unreadable';
      try {
        hash = createHash('sha256').update(fs.readFileSync(p)).digest('hex');
      } catch {
        // recorded as unreadable
      }
      out.set(rel, `file ${mode} ${st.size} ${hash}`);
    } else {
      out.set(rel, `other ${mode}`);
    }
  };
  walk(dir);
  return out;
}

/** Paths whose snapshot entry differs (added, removed or changed). */
function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

function stderrLines(r: Run): string[] {
  return r.stderr.split('\n').filter((l) => l !== '');
}

const LATEST = 'FROM nginx:latest\n';
const CLEAN = 'FROM alpine:3.20\nUSER 10001\n';
/** `ADD` of a local file: the safe fix turns it into COPY. */
const FIXABLE = 'FROM alpine:3.20\nADD app.py /app/\n';
const FIXED = 'FROM alpine:3.20\nCOPY app.py /app/\n';

describe('CLI robustness on hostile trees', { skip: WINDOWS ? 'POSIX permissions, FIFOs and symlinks' : false, timeout: 300_000 }, () => {
  before(() => {
    const dist = path.join(repoRoot(), 'dist');
    assert.ok(fs.existsSync(path.join(dist, 'cli.js')), 'run `npm run build` first');
    cliDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-cli-copy-')));
    temps.push(cliDir);
    fs.chmodSync(cliDir, 0o755);
    fs.copyFileSync(path.join(dist, 'cli.js'), cli());
    fs.chmodSync(cli(), 0o755);
    // the launcher runs the bundle beside it (no source map: stack traces are not compared here)
    fs.copyFileSync(path.join(dist, 'cli-core.js'), path.join(cliDir, 'cli-core.js'));
    fs.chmodSync(path.join(cliDir, 'cli-core.js'), 0o644);
    fs.mkdirSync(cacheDir(), { mode: 0o700 });
    if (AS_ROOT) {
      fs.chownSync(cacheDir(), NOBODY, NOBODY);
    }
    fs.mkdirSync(path.join(cliDir, 'wasm'), { mode: 0o755 });
    for (const name of fs.readdirSync(path.join(dist, 'wasm'))) {
      fs.copyFileSync(path.join(dist, 'wasm', name), path.join(cliDir, 'wasm', name));
      fs.chmodSync(path.join(cliDir, 'wasm', name), 0o644);
    }
    fs.chmodSync(path.join(cliDir, 'wasm'), 0o755);
  });

  after(() => {
    for (const p of restricted) {
      try {
        fs.chmodSync(p, 0o755);
      } catch {
        // already removed
      }
    }
    for (const dir of temps) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dist/cli.js and dist/cli-core.js are self-contained: they require only Node built-ins (so a copy runs anywhere)', () => {
    const builtins = new Set(builtinModules);
    for (const file of [cli(), path.join(cliDir, 'cli-core.js')]) {
      const text = fs.readFileSync(file, 'utf8');
      const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
      assert.ok(required.length > 0, file);
      // the core's one relative require is the tools bundle, loaded only by the tool commands
      const foreign = [...new Set(required)].filter((r) => !builtins.has(r.replace(/^node:/, '')) && r !== './cli-tools.js');
      assert.deepEqual(foreign, [], file);
    }
    const r = run(['--version'], cliDir);
    assert.equal(r.code, 0, r.stderr);
  });

  it('the suite really runs unprivileged: a chmod 000 file is unreadable to the CLI', () => {
    const dir = project({ 'Dockerfile': LATEST });
    handOver(dir);
    restrict(path.join(dir, 'Dockerfile'), 0o000);
    const r = run(['check', 'Dockerfile'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
  });

  it('an unreadable file: one line on stderr, the other files still analysed, exit 2', () => {
    const dir = project({ 'api/Dockerfile': LATEST, 'web/Dockerfile': LATEST });
    handOver(dir);
    restrict(path.join(dir, 'web', 'Dockerfile'), 0o000);
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(stderrLines(r), ['aurora-devops: web/Dockerfile: permission denied']);
    assert.match(r.stdout, /^api\/Dockerfile:1:6: warning .*\[dockerfile\/no-latest-tag\]$/m);
    assert.doesNotMatch(r.stdout, /web\/Dockerfile/);
  });

  it('a folder without read permission: reported once, its siblings analysed, exit 2', () => {
    const dir = project({ 'k8s/deploy.yaml': 'apiVersion: v1\nkind: Pod\n', 'api/Dockerfile': LATEST });
    handOver(dir);
    restrict(path.join(dir, 'k8s'), 0o000);
    const r = run(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(stderrLines(r), ['aurora-devops: k8s: permission denied']);
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...files], ['api/Dockerfile']);
  });

  it('a folder that can be listed but not entered (r without x): each file reported, exit 2', () => {
    const dir = project({ 'svc/Dockerfile': LATEST, 'svc/compose.yaml': 'services:\n  a:\n    image: redis\n' });
    handOver(dir);
    restrict(path.join(dir, 'svc'), 0o644);
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    const lines = stderrLines(r);
    assert.ok(lines.length >= 1 && lines.every((l) => /^aurora-devops: svc(\/[^:]+)?: permission denied$/.test(l)), lines.join('\n'));
    assert.doesNotMatch(r.stdout, /no-latest-tag/);
  });

  it('an unreadable path named on the command line: one line, exit 2', () => {
    const dir = project({ 'Dockerfile': LATEST, 'k8s/a.yaml': 'kind: Pod\n' });
    handOver(dir);
    restrict(path.join(dir, 'k8s'), 0o000);
    const r = run(['check', 'k8s/a.yaml'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual(stderrLines(r), ['aurora-devops: k8s/a.yaml: permission denied']);
  });

  it('symlink loops (a → b → a) and dangling links are reported, never followed forever; exit 2', async () => {
    const dir = project({ 'Dockerfile': CLEAN });
    fs.symlinkSync('b.yaml', path.join(dir, 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(dir, 'b.yaml'));
    fs.symlinkSync('Dockerfile.self', path.join(dir, 'Dockerfile.self'));
    fs.symlinkSync('gone.yaml', path.join(dir, 'compose.yaml'));
    handOver(dir);
    const r = await inProcess(['check', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(stderrLines(r).sort(), [
      'aurora-devops: Dockerfile.self: too many levels of symbolic links',
      'aurora-devops: a.yaml: too many levels of symbolic links',
      'aurora-devops: b.yaml: too many levels of symbolic links',
      'aurora-devops: compose.yaml: no such file or directory',
    ]);
    const named = await inProcess(['check', 'a.yaml'], dir);
    assert.equal(named.code, 2);
    assert.deepEqual(stderrLines(named), ['aurora-devops: a.yaml: too many levels of symbolic links']);
  });

  it('a folder symlinked to its parent and to itself is not walked: no loop, every file once', async () => {
    const dir = project({ 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n', 'Dockerfile': LATEST });
    fs.symlinkSync('..', path.join(dir, 'k8s', 'up'));
    fs.symlinkSync('.', path.join(dir, 'k8s', 'self'));
    fs.symlinkSync(dir, path.join(dir, 'k8s', 'root.yaml'));
    handOver(dir);
    const r = await inProcess(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const findings = JSON.parse(r.stdout) as { file: string; ruleId: string; line: number }[];
    const keys = findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`);
    assert.equal(new Set(keys).size, keys.length, `duplicates: ${keys.join(', ')}`);
    assert.deepEqual([...new Set(findings.map((f) => f.file))].sort(), ['Dockerfile', 'k8s/deploy.yaml']);
    // named explicitly, a path through the loop is just a folder
    const through = await inProcess(['check', 'k8s/up/k8s/up/Dockerfile'], dir);
    assert.equal(through.code, 1, through.stderr);
    assert.match(through.stdout, /^k8s\/up\/k8s\/up\/Dockerfile:1:6: warning/m);
  });

  it('paths with spaces and Unicode, NFC and NFD names side by side, are reported byte for byte', async () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    const dir = project({
      [`my project/${nfc}/Dockerfile`]: LATEST,
      [`my project/${nfd}/Dockerfile`]: LATEST,
      ['deploy stack/docker compose.yaml']: 'services:\n  db:\n    image: postgres\n',
      ['ünïcødé ☸/k8s/pod.yaml']: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:latest\n',
    });
    handOver(dir);
    const r = await inProcess(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
    for (const expected of [`my project/${nfc}/Dockerfile`, `my project/${nfd}/Dockerfile`, 'ünïcødé ☸/k8s/pod.yaml']) {
      assert.ok(files.has(expected), `${JSON.stringify(expected)} missing from ${JSON.stringify([...files])}`);
    }
    const text = await inProcess(['check', `my project/${nfd}`], dir);
    assert.equal(text.code, 1);
    assert.ok(text.stdout.includes(`my project/${nfd}/Dockerfile:1:6: warning`), text.stdout);
    assert.ok(!text.stdout.includes(nfc), 'the NFC twin is not mixed in');
  });

  it('a malformed aurora.yaml: a parse-error finding at its line, a warning naming file and line, defaults apply, exit 1', async () => {
    const dir = project({
      'aurora.yaml': 'rules:\n  dockerfile/no-latest-tag: off\nagents:\n  devops: [\n    model: x\n',
      'Dockerfile': LATEST,
    });
    handOver(dir);
    const r = await inProcess(['check', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^aurora\.yaml:\d+:\d+: error .*\[parse-error\]$/m);
    const line = Number(/^aurora\.yaml:(\d+):/m.exec(r.stdout)?.[1]);
    assert.ok(line >= 4 && line <= 6, `parse error reported at line ${line}`);
    // the broken file's rule settings do not apply: no-latest-tag stays on
    assert.match(r.stdout, /^Dockerfile:1:6: warning .*\[dockerfile\/no-latest-tag\]$/m);
    const warnings = stderrLines(r);
    assert.equal(warnings.length, 1, r.stderr);
    assert.match(warnings[0], new RegExp(`^aurora-devops: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/aurora\\.yaml:${line}: `));
  });

  it('an aurora.yaml that is not a mapping, and one with a NUL byte: findings, no crash', async () => {
    for (const text of ['- just\n- a list\n', 'rules:\n  a: \u0000\n', '\ufeff\u0000\u0000\u0000', '{{{{{{{{{{{{{{{{{{{{\n']) {
      const dir = project({ 'aurora.yaml': text, 'Dockerfile': CLEAN });
      handOver(dir);
      const r = await inProcess(['check', '.'], dir);
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code} for ${JSON.stringify(text)}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, r.stderr);
    }
  });

  it('an unreadable aurora.yaml: a warning, default severities, the check still runs', () => {
    const dir = project({ 'aurora.yaml': 'rules:\n  dockerfile/no-latest-tag: off\n', 'Dockerfile': LATEST });
    handOver(dir);
    restrict(path.join(dir, 'aurora.yaml'), 0o000);
    const r = run(['check', 'Dockerfile'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /aurora\.yaml: permission denied; using default rule severities/);
    assert.match(r.stdout, /dockerfile\/no-latest-tag/);
    const explicit = run(['check', 'Dockerfile', '--config', 'aurora.yaml'], dir);
    assert.equal(explicit.code, 2);
    assert.deepEqual(stderrLines(explicit), ['aurora-devops: --config aurora.yaml: permission denied']);
  });

  it('folders named like files (Dockerfile/, deploy.yaml/, main.tf/) are walked as folders', async () => {
    const dir = project({ 'Dockerfile/Dockerfile': LATEST, 'deploy.yaml/compose.yaml': 'services:\n  a:\n    image: redis\n', 'main.tf/README.md': '# not terraform\n' });
    handOver(dir);
    const r = await inProcess(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const files = [...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))].sort();
    assert.deepEqual(files, ['Dockerfile/Dockerfile', 'deploy.yaml/compose.yaml']);
    const named = await inProcess(['check', 'Dockerfile'], dir);
    assert.equal(named.code, 1, named.stderr);
    assert.match(named.stdout, /^Dockerfile\/Dockerfile:1:6: warning/m);
  });

  it('a FIFO named Dockerfile does not hang: skipped when walking, reported when named (exit 2)', () => {
    const dir = project({ 'api/Dockerfile': LATEST });
    mkfifo(path.join(dir, 'Dockerfile'));
    fs.mkdirSync(path.join(dir, 'k8s'));
    mkfifo(path.join(dir, 'k8s', 'deploy.yaml'));
    fs.symlinkSync('../Dockerfile', path.join(dir, 'k8s', 'Dockerfile'));
    handOver(dir);
    const walked = run(['check', '.'], dir);
    assert.equal(walked.code, 1, walked.stderr);
    assert.equal(walked.stderr, '');
    assert.match(walked.stdout, /^api\/Dockerfile:1:6: warning/m);
    for (const p of ['Dockerfile', 'k8s/deploy.yaml', 'k8s/Dockerfile']) {
      const named = run(['check', p], dir);
      assert.equal(named.code, 2, `${p}: ${named.stderr}`);
      assert.deepEqual(stderrLines(named), [`aurora-devops: ${p}: not a regular file`]);
      const fixed = run(['fix', p], dir);
      assert.equal(fixed.code, 2, `fix ${p}: ${fixed.stderr}`);
    }
  });

  /** Everything above in one tree, plus fixable files (one readable, one not, one through a link). */
  function hostileTree(): string {
    const dir = project({
      'api/Dockerfile': FIXABLE,
      'api/clean/Dockerfile': CLEAN,
      'locked/Dockerfile': FIXABLE,
      'shared/base.Dockerfile': FIXABLE,
      'my project/caf\u00e9/Dockerfile': FIXABLE,
      'aurora.yaml': 'rules: [\n',
      'Dockerfile/Dockerfile': CLEAN,
      'noentry/Dockerfile': FIXABLE,
    });
    fs.symlinkSync('b.yaml', path.join(dir, 'a.yaml'));
    fs.symlinkSync('a.yaml', path.join(dir, 'b.yaml'));
    fs.symlinkSync('gone.yaml', path.join(dir, 'compose.yaml'));
    fs.symlinkSync('..', path.join(dir, 'api', 'up'));
    fs.symlinkSync('../shared/base.Dockerfile', path.join(dir, 'api', 'Dockerfile.linked'));
    mkfifo(path.join(dir, 'api', 'Dockerfile.fifo'));
    handOver(dir);
    restrict(path.join(dir, 'locked', 'Dockerfile'), 0o000);
    restrict(path.join(dir, 'noentry'), 0o000);
    return dir;
  }

  it('fix over the hostile tree writes the fixable readable files and nothing else (tree hashed before and after)', () => {
    const dir = hostileTree();
    const before = snapshot(dir);
    const r = run(['fix', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    const after = snapshot(dir);
    assert.deepEqual(changed(before, after), ['api/Dockerfile', 'my project/caf\u00e9/Dockerfile', 'shared/base.Dockerfile']);
    assert.equal(fs.readFileSync(path.join(dir, 'api', 'Dockerfile'), 'utf8'), FIXED);
    assert.equal(fs.readFileSync(path.join(dir, 'shared', 'base.Dockerfile'), 'utf8'), FIXED);
    // the link is still a link (the write went through it)
    assert.equal(fs.readlinkSync(path.join(dir, 'api', 'Dockerfile.linked')), '../shared/base.Dockerfile');
    assert.match(r.stdout, /^3 fixes applied to 3 files\.$/m);
    const lines = stderrLines(r).sort();
    assert.deepEqual(lines, [
      'aurora-devops: a.yaml: too many levels of symbolic links',
      'aurora-devops: b.yaml: too many levels of symbolic links',
      'aurora-devops: compose.yaml: no such file or directory',
      'aurora-devops: locked/Dockerfile: permission denied',
      'aurora-devops: noentry: permission denied',
    ].concat(lines.filter((l) => l.includes('aurora.yaml'))).sort());
    assert.ok(lines.filter((l) => l.includes('aurora.yaml')).length <= 1, lines.join('\n'));
    // a second run finds nothing more to do and still writes nothing
    const again = run(['fix', '.'], dir);
    assert.match(again.stdout, /^0 fixes applied to 0 files\.$/m);
    assert.deepEqual(changed(after, snapshot(dir)), []);
  });

  it('fix --dry-run over the hostile tree writes nothing at all', () => {
    const dir = hostileTree();
    const before = snapshot(dir);
    const r = run(['fix', '.', '--dry-run'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /^\+COPY app\.py \/app\/$/m);
    // the link and its target are two paths: both diffs are shown (the real run writes once)
    assert.match(r.stdout, /^\+\+\+ b\/api\/Dockerfile\.linked$/m);
    assert.match(r.stderr, /4 fixes would change 4 files \(dry run, nothing written\)/);
    assert.deepEqual(changed(before, snapshot(dir)), []);
  });

  it('fix in a folder it cannot write: reported, exit 2, the file unchanged and no temporary file left', () => {
    const dir = project({ 'ro/Dockerfile': FIXABLE, 'rw/Dockerfile': FIXABLE });
    handOver(dir);
    restrict(path.join(dir, 'ro'), 0o555);
    const before = snapshot(dir);
    const r = run(['fix', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^aurora-devops: ro\/Dockerfile: could not write the fixed file: .*(EACCES|permission denied)/im);
    assert.deepEqual(changed(before, snapshot(dir)), ['rw/Dockerfile']);
    assert.match(r.stdout, /^1 fix applied to 1 file\.$/m);
  });

  it('fix keeps a file mode (an executable stays executable, a read-only file stays read-only)', () => {
    const dir = project({ 'a/Dockerfile': FIXABLE, 'b/Dockerfile': FIXABLE });
    fs.chmodSync(path.join(dir, 'a', 'Dockerfile'), 0o755);
    fs.chmodSync(path.join(dir, 'b', 'Dockerfile'), 0o444);
    handOver(dir);
    const r = run(['fix', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.statSync(path.join(dir, 'a', 'Dockerfile')).mode & 0o777, 0o755);
    assert.equal(fs.statSync(path.join(dir, 'b', 'Dockerfile')).mode & 0o777, 0o444);
    assert.equal(fs.readFileSync(path.join(dir, 'a', 'Dockerfile'), 'utf8'), FIXED);
  });
});

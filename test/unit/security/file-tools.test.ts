import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runAgent } from '../../../src/agent/loop';
import { NodeShell, NodeWorkspace, resolveSafe, safeReadText, safeWriteText } from '../../../src/agent/node';
import { decide } from '../../../src/agent/policy';
import type { PolicyContext } from '../../../src/agent/policy';
import { isWorkspaceRefusal } from '../../../src/agent/refusal';
import { executeTool } from '../../../src/agent/tools';
import type { ToolEnv, ToolOutcome } from '../../../src/agent/tools';
import type { AgentConfig, Decision } from '../../../src/agent/types';
import { RecordingApprover, agentHarness, assertServerSawConsistent, toolResults } from '../../helpers/agentHarness';
import { textTurn, toolTurn } from '../../helpers/fakeAnthropic';

/**
 * read_file / write_file must not be led out of the workspace or into secrets by links the
 * repository ships, by links swapped in after the policy decided, or by hard links. Each attack
 * runs through the real tool path (decide, then executeTool; some through the whole agent loop
 * against the fake Messages API), and again below the policy (executeTool with the path as a
 * policy that missed the trick would pass it), so safeFs is shown to stop it on its own. A
 * canary folder beside the workspace must keep its listing and every file hash after each
 * attempt, and no temporary file may be left in the workspace.
 */

const CONFIG: AgentConfig = {
  model: 'claude-test',
  tools: ['read_file', 'write_file'],
  permissions: { filesystem: ['/k8s', '/deploy'], network: [] },
};

// the loop tests use the harness's fake server; every test uses its own base folder below
const h = agentHarness({ prefix: 'aurora-file-tools-h-', config: CONFIG, workspaceSummary: 'k8s/ and deploy/ manifests' });

/** Per test: base/ws is the workspace, base/outside the canary folder beside it. */
let base = '';
let ws = '';
let outside = '';
let workspace: NodeWorkspace;
let canaries: string[] = [];
const OUTSIDE_SECRET = `OUTSIDE-CANARY-${randomBytes(6).toString('hex')}`;
const ENV_SECRET = `ENV-CANARY-${randomBytes(6).toString('hex')}`;
const AURORA_YAML = 'agents:\n  devops:\n    tools: [read_file, write_file]\n    permissions:\n      filesystem: [/k8s, /deploy]\n';

function put(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

/** Every entry under `dir` (links not followed): kind, path, and hash or link target. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) {
        out.push(`L ${rel} -> ${fs.readlinkSync(full)}`);
      } else if (st.isDirectory()) {
        out.push(`D ${rel}`);
        visit(full);
      } else {
        out.push(`F ${rel} ${(st.mode & 0o777).toString(8)} ${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`);
      }
    }
  };
  visit(dir);
  return out;
}

function tempFiles(): string[] {
  return snapshot(ws).filter((line) => /\.aurora-[0-9a-f]+\.tmp/.test(line));
}

/** The canary folder is as it was, and no temporary file is left in the workspace. */
function assertNothingEscaped(): void {
  assert.deepEqual(snapshot(outside), canaries, 'the folder outside the workspace changed');
  assert.deepEqual(tempFiles(), [], 'a temporary file was left behind');
}

/** A symbolic link in the workspace (the repository ships it). */
function link(rel: string, target: string): void {
  fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
  fs.symlinkSync(target, path.join(ws, rel));
}

function policy(): PolicyContext {
  return { workspaceRoot: ws, realpath: (p) => workspace.realpath(p), caseInsensitive: workspace.caseInsensitive, config: CONFIG, trusted: true };
}

function toolEnv(): ToolEnv {
  return { workspace, shell: new NodeShell(), analyzeConfig: {}, redact: true, outputLimit: 30_000, commandTimeoutMs: 10_000 };
}

interface Attempt {
  decision: Decision;
  /** Undefined when the policy denied (nothing ran). */
  outcome?: ToolOutcome;
}

/** decide, then (unless denied) executeTool; `between` runs in the gap, as an attacker would. */
async function attempt(name: string, input: Record<string, unknown>, between?: () => void): Promise<Attempt> {
  const decision = decide({ name, input }, policy());
  between?.();
  if (decision.decision === 'deny') {
    return { decision };
  }
  return { decision, outcome: await executeTool(name, input, decision, toolEnv()) };
}

/** executeTool with the path resolved lexically only: what a policy that missed the link passes. */
async function below(name: string, input: Record<string, unknown>): Promise<ToolOutcome> {
  const decision: Decision = { decision: 'allow', reasons: [], hosts: [], paths: [path.resolve(ws, String(input.path))] };
  return executeTool(name, input, decision, toolEnv());
}

/** What the model was told, whichever layer stopped the call. */
function told(a: Attempt): string {
  return a.outcome ? a.outcome.output : a.decision.reasons.join(' ');
}

function assertStopped(a: Attempt, what: string): void {
  const stopped = a.decision.decision === 'deny' || a.outcome?.ok === false;
  assert.ok(stopped, `${what} went through: ${JSON.stringify(a)}`);
}

const read = (p: string): { name: string; input: Record<string, unknown> } => ({ name: 'read_file', input: { path: p } });
const write = (p: string, content = 'kind: ConfigMap\nmetadata:\n  name: pwned\n'): { name: string; input: Record<string, unknown> } => ({ name: 'write_file', input: { path: p, content } });

beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-file-tools-')));
  ws = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  put(ws, 'aurora.yaml', AURORA_YAML);
  put(ws, '.env', `TOKEN=${ENV_SECRET}\n`);
  put(ws, 'k8s/app.yaml', 'kind: Namespace\nmetadata:\n  name: app\n');
  put(ws, 'k8s/base.yaml', 'kind: Namespace\nmetadata:\n  name: base\n');
  put(ws, 'deploy/compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n');
  put(outside, 'private.txt', `${OUTSIDE_SECRET}\n`);
  put(outside, 'dir/inner.txt', `${OUTSIDE_SECRET} inner\n`);
  put(outside, 'linked.txt', `${OUTSIDE_SECRET} linked\n`);
  workspace = new NodeWorkspace(ws);
  canaries = snapshot(outside);
});

afterEach(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

/** One attack: the files the repository ships, the call, and what safeFs says on its own. */
interface Attack {
  what: string;
  setup: () => void;
  call: { name: string; input: Record<string, unknown> };
  /** The sentence safeFs gives when the policy is bypassed. */
  refusal: RegExp;
  /** Paths (relative to the base folder) that must not exist afterwards. */
  absent?: string[];
}

const ATTACKS: Attack[] = [
  {
    what: 'a dangling link shipped in the repository (final component), written',
    setup: () => link('k8s/new.yaml', '../../outside/created.txt'),
    call: write('k8s/new.yaml'),
    refusal: /^k8s\/new\.yaml is a symbolic link to \.\.\/\.\.\/outside\/created\.txt, outside the workspace: refused$/,
    absent: ['outside/created.txt'],
  },
  {
    what: 'a dangling link shipped in the repository (final component), read',
    setup: () => link('k8s/new.yaml', '../../outside/created.txt'),
    call: read('k8s/new.yaml'),
    refusal: /^k8s\/new\.yaml is a symbolic link to \.\.\/\.\.\/outside\/created\.txt, outside the workspace: refused$/,
  },
  {
    what: 'a dangling link shipped in the repository as a parent folder',
    setup: () => link('k8s/gen', '../../outside/newdir'),
    call: write('k8s/gen/x.yaml'),
    refusal: /^k8s\/gen\/x\.yaml leads through k8s\/gen, a symbolic link to \.\.\/\.\.\/outside\/newdir, outside the workspace: refused$/,
    absent: ['outside/newdir'],
  },
  {
    what: 'a dangling link inside the workspace (its target would be created)',
    setup: () => link('k8s/ghost.yaml', '../deploy/missing.yaml'),
    call: write('k8s/ghost.yaml'),
    refusal: /^k8s\/ghost\.yaml is a symbolic link to \.\.\/deploy\/missing\.yaml, which does not exist \(Aurora never creates the target of a link\): refused$/,
    absent: ['ws/deploy/missing.yaml'],
  },
  {
    what: 'a dangling link inside the workspace as a parent folder',
    setup: () => link('k8s/later', '../deploy/later'),
    call: write('k8s/later/x.yaml'),
    refusal: /^k8s\/later\/x\.yaml leads through k8s\/later, a symbolic link to \.\.\/deploy\/later, which does not exist/,
    absent: ['ws/deploy/later'],
  },
  {
    what: 'a chain of links inside an allowed folder leading out, written',
    setup: () => {
      link('k8s/l', '../k8s/l2');
      link('k8s/l2', '../../outside');
    },
    call: write('k8s/l/x.yaml'),
    refusal: /^k8s\/l\/x\.yaml leads through k8s\/l2, a symbolic link to \.\.\/\.\.\/outside, outside the workspace: refused$/,
    absent: ['outside/x.yaml'],
  },
  {
    what: 'a chain of links inside an allowed folder leading out, read',
    setup: () => {
      link('k8s/l', '../k8s/l2');
      link('k8s/l2', '../../outside');
    },
    call: read('k8s/l/private.txt'),
    refusal: /leads through k8s\/l2, a symbolic link to \.\.\/\.\.\/outside, outside the workspace: refused$/,
  },
  {
    what: 'a link to a secret (k8s/notes -> ../.env), read',
    setup: () => link('k8s/notes', '../.env'),
    call: read('k8s/notes'),
    refusal: /^k8s\/notes \(really \.env\) is not readable by the agent: it is an environment file \(\.env\*\): refused$/,
  },
  {
    what: 'a link to aurora.yaml, written',
    setup: () => link('k8s/conf.yaml', '../aurora.yaml'),
    call: write('k8s/conf.yaml', 'agents:\n  devops:\n    permissions:\n      filesystem: [/]\n'),
    refusal: /^the agent may not write k8s\/conf\.yaml \(really aurora\.yaml\): aurora\.yaml sets the agent's own permissions/,
  },
  {
    what: 'a parent folder that is a link out, written',
    setup: () => link('k8s/out', '../../outside/dir'),
    call: write('k8s/out/x.yaml'),
    refusal: /^k8s\/out\/x\.yaml leads through k8s\/out, a symbolic link to \.\.\/\.\.\/outside\/dir, outside the workspace: refused$/,
    absent: ['outside/dir/x.yaml'],
  },
  {
    what: 'a parent folder that is a link out, read',
    setup: () => link('k8s/out', '../../outside/dir'),
    call: read('k8s/out/inner.txt'),
    refusal: /^k8s\/out\/inner\.txt leads through k8s\/out, a symbolic link to \.\.\/\.\.\/outside\/dir, outside the workspace: refused$/,
  },
  {
    what: 'an absolute link to a file outside, read',
    setup: () => link('k8s/abs.yaml', path.join(outside, 'private.txt')),
    call: read('k8s/abs.yaml'),
    refusal: /^k8s\/abs\.yaml is a symbolic link to .*outside\/private\.txt, outside the workspace: refused$/,
  },
  {
    what: "a link whose target has '..' after another link (up2/.. is outside, not k8s/)",
    setup: () => {
      link('k8s/up2', '../../outside/dir');
      link('k8s/trick.yaml', 'up2/../created.txt');
    },
    call: write('k8s/trick.yaml'),
    refusal: /^k8s\/trick\.yaml leads through k8s\/up2, a symbolic link to \.\.\/\.\.\/outside\/dir, outside the workspace: refused$/,
    absent: ['outside/created.txt'],
  },
  {
    what: 'a loop of links, read',
    setup: () => {
      link('k8s/a.yaml', 'b.yaml');
      link('k8s/b.yaml', 'a.yaml');
    },
    call: read('k8s/a.yaml'),
    refusal: /^k8s\/a\.yaml goes through more than 40 symbolic links \(a loop\?\): refused$/,
  },
  {
    what: 'a file name longer than the file system allows',
    setup: () => undefined,
    call: write(`k8s/${'n'.repeat(300)}.yaml`),
    refusal: /a name in this path is too long for the file system: refused$/,
  },
  {
    what: 'a folder name longer than the file system allows',
    setup: () => undefined,
    call: write(`k8s/${'d'.repeat(300)}/x.yaml`),
    refusal: /a name in this path is too long for the file system: refused$/,
  },
];

describe('file tools: attacks through links', { skip: process.platform === 'win32' ? 'symbolic links need privileges on Windows' : false }, () => {
  for (const attack of ATTACKS) {
    it(`${attack.what}: stopped through the policy and the tool`, async () => {
      attack.setup();
      const a = await attempt(attack.call.name, attack.call.input);
      assertStopped(a, attack.what);
      assert.doesNotMatch(told(a), new RegExp(OUTSIDE_SECRET + '|' + ENV_SECRET));
      assertNothingEscaped();
      for (const rel of attack.absent ?? []) {
        assert.equal(fs.existsSync(path.join(base, rel)), false, `${rel} was created`);
      }
      assert.equal(fs.readFileSync(path.join(ws, 'aurora.yaml'), 'utf8'), AURORA_YAML);
    });

    it(`${attack.what}: refused below the policy by the workspace itself`, async () => {
      attack.setup();
      const outcome = await below(attack.call.name, attack.call.input);
      assert.equal(outcome.ok, false);
      assert.match(outcome.output, attack.refusal);
      assert.doesNotMatch(outcome.output, new RegExp(OUTSIDE_SECRET + '|' + ENV_SECRET));
      assertNothingEscaped();
      for (const rel of attack.absent ?? []) {
        assert.equal(fs.existsSync(path.join(base, rel)), false, `${rel} was created`);
      }
      assert.equal(fs.readFileSync(path.join(ws, 'aurora.yaml'), 'utf8'), AURORA_YAML);
    });
  }

  it('the policy itself now denies a write through a dangling link out (the reason names the destination)', () => {
    link('k8s/new.yaml', '../../outside/created.txt');
    const d = decide(write('k8s/new.yaml'), policy());
    assert.equal(d.decision, 'deny');
    assert.match(d.reasons.join(' '), /symbolic link to .*outside\/created\.txt, outside the workspace/);
  });

  it('a FIFO in place of a file is refused, not waited on', { skip: process.platform === 'win32' }, async () => {
    execFileSync('mkfifo', [path.join(ws, 'k8s', 'pipe.yaml')]);
    const outcome = await below('read_file', { path: 'k8s/pipe.yaml' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.output, /^k8s\/pipe\.yaml is not a regular file \(a device, pipe or socket\): refused$/);
  });

  it('a file where a folder is expected is named in the refusal', async () => {
    const outcome = await below('write_file', { path: 'k8s/app.yaml/x.yaml', content: 'a: 1\n' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.output, /^k8s\/app\.yaml\/x\.yaml: k8s\/app\.yaml is a file, not a folder: refused$/);
    assertNothingEscaped();
  });
});

describe('file tools: links swapped in after the policy decided', { skip: process.platform === 'win32' }, () => {
  const swapFinal = (target: string) => (): void => {
    fs.unlinkSync(path.join(ws, 'k8s', 'app.yaml'));
    fs.symlinkSync(target, path.join(ws, 'k8s', 'app.yaml'));
  };

  it('the file is swapped for a link to an outside file before the write', async () => {
    const a = await attempt('write_file', write('k8s/app.yaml').input, swapFinal('../../outside/private.txt'));
    assert.equal(a.decision.decision, 'ask');
    assert.equal(a.outcome?.ok, false);
    assert.match(told(a), /^k8s\/app\.yaml is a symbolic link to \.\.\/\.\.\/outside\/private\.txt, outside the workspace: refused$/);
    assertNothingEscaped();
  });

  it('the file is swapped for a link to an outside file before the read', async () => {
    const a = await attempt('read_file', read('k8s/app.yaml').input, swapFinal('../../outside/private.txt'));
    assert.equal(a.decision.decision, 'allow');
    assert.equal(a.outcome?.ok, false);
    assert.doesNotMatch(told(a), new RegExp(OUTSIDE_SECRET));
    assert.match(told(a), /outside the workspace: refused$/);
  });

  it('the file is swapped for a dangling link out before the write', async () => {
    const a = await attempt('write_file', write('k8s/app.yaml').input, swapFinal('../../outside/created.txt'));
    assert.equal(a.outcome?.ok, false);
    assert.equal(fs.existsSync(path.join(outside, 'created.txt')), false);
    assertNothingEscaped();
  });

  it('the parent folder is swapped for a link out before the write', async () => {
    put(ws, 'k8s/sub/a.yaml', 'kind: Namespace\n');
    const a = await attempt('write_file', write('k8s/sub/inner.txt').input, () => {
      fs.renameSync(path.join(ws, 'k8s', 'sub'), path.join(ws, 'k8s', 'sub-old'));
      fs.symlinkSync('../../outside/dir', path.join(ws, 'k8s', 'sub'));
    });
    assert.equal(a.outcome?.ok, false);
    assert.match(told(a), /^k8s\/sub\/inner\.txt leads through k8s\/sub, a symbolic link to \.\.\/\.\.\/outside\/dir, outside the workspace: refused$/);
    assertNothingEscaped();
  });

  it('a missing folder appears as a link out before the write creates it', async () => {
    const a = await attempt('write_file', write('k8s/newdir/x.yaml').input, () => {
      fs.symlinkSync('../../outside/dir', path.join(ws, 'k8s', 'newdir'));
    });
    assert.equal(a.decision.decision, 'ask');
    assert.equal(a.outcome?.ok, false);
    assertNothingEscaped();
  });

  /** Run `swap` just before the next fs.promises.open whose flags match, then open as asked. */
  async function withSwapAtOpen<T>(when: (flags: number) => boolean, swap: () => void, body: () => Promise<T>): Promise<T> {
    const original = fs.promises.open;
    let done = false;
    fs.promises.open = (async (file: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
      if (!done && typeof flags === 'number' && when(flags)) {
        done = true;
        swap();
      }
      return original(file, flags, mode);
    }) as typeof fs.promises.open;
    try {
      return await body();
    } finally {
      fs.promises.open = original;
    }
  }

  it('the file is swapped for a link in the instant before it is opened: O_NOFOLLOW refuses it', async () => {
    const outcome = await withSwapAtOpen((f) => (f & fs.constants.O_CREAT) === 0, swapFinal('../../outside/private.txt'), () => below('read_file', { path: 'k8s/app.yaml' }));
    assert.equal(outcome.ok, false);
    assert.match(outcome.output, /^k8s\/app\.yaml changed while Aurora was opening it/);
    assert.doesNotMatch(outcome.output, new RegExp(OUTSIDE_SECRET));
  });

  it('the parent folder is swapped in the instant before the read opens: the descriptor check refuses it', { skip: process.platform !== 'linux' ? 'needs /proc/self/fd' : false }, async () => {
    put(ws, 'k8s/sub/inner.txt', 'kind: Namespace\n');
    const outcome = await withSwapAtOpen(
      (f) => (f & fs.constants.O_CREAT) === 0,
      () => {
        fs.renameSync(path.join(ws, 'k8s', 'sub'), path.join(ws, 'k8s', 'sub-old'));
        fs.symlinkSync('../../outside/dir', path.join(ws, 'k8s', 'sub'));
      },
      () => below('read_file', { path: 'k8s/sub/inner.txt' }),
    );
    assert.equal(outcome.ok, false);
    assert.match(outcome.output, /^k8s\/sub\/inner\.txt now leads to .*outside\/dir\/inner\.txt, outside the workspace/);
    assert.doesNotMatch(outcome.output, new RegExp(OUTSIDE_SECRET));
  });

  it('the parent folder is swapped in the instant before the temp file is created: it is removed from outside', { skip: process.platform !== 'linux' ? 'needs /proc/self/fd' : false }, async () => {
    put(ws, 'k8s/sub/a.yaml', 'kind: Namespace\n');
    const outcome = await withSwapAtOpen(
      (f) => (f & fs.constants.O_CREAT) !== 0,
      () => {
        fs.renameSync(path.join(ws, 'k8s', 'sub'), path.join(ws, 'k8s', 'sub-old'));
        fs.symlinkSync('../../outside/dir', path.join(ws, 'k8s', 'sub'));
      },
      () => below('write_file', { path: 'k8s/sub/a.yaml', content: 'pwned: true\n' }),
    );
    assert.equal(outcome.ok, false);
    assert.match(outcome.output, /^k8s\/sub\/a\.yaml now leads to .*outside\/dir\/\.aurora-[0-9a-f]+\.tmp, outside the workspace/);
    assertNothingEscaped();
    assert.equal(fs.readFileSync(path.join(ws, 'k8s', 'sub-old', 'a.yaml'), 'utf8'), 'kind: Namespace\n');
  });
});

describe('file tools: what must keep working', { skip: process.platform === 'win32' }, () => {
  it('creates a file in a new nested folder', async () => {
    const a = await attempt('write_file', write('k8s/new/deep/x.yaml', 'a: 1\n').input);
    assert.equal(a.decision.decision, 'ask');
    assert.equal(a.outcome?.ok, true, told(a));
    assert.match(told(a), /^Created k8s\/new\/deep\/x\.yaml/);
    assert.equal(fs.readFileSync(path.join(ws, 'k8s/new/deep/x.yaml'), 'utf8'), 'a: 1\n');
    const umask = process.umask();
    assert.equal(fs.statSync(path.join(ws, 'k8s/new/deep/x.yaml')).mode & 0o777, 0o644 & ~umask);
    assertNothingEscaped();
  });

  for (const mode of [0o600, 0o640, 0o755]) {
    it(`overwrites a file keeping its mode ${mode.toString(8)}`, async () => {
      fs.chmodSync(path.join(ws, 'k8s', 'app.yaml'), mode);
      const a = await attempt('write_file', write('k8s/app.yaml', 'b: 2\n').input);
      assert.equal(a.outcome?.ok, true, told(a));
      assert.match(told(a), /^Wrote k8s\/app\.yaml/);
      assert.equal(fs.readFileSync(path.join(ws, 'k8s/app.yaml'), 'utf8'), 'b: 2\n');
      assert.equal(fs.statSync(path.join(ws, 'k8s/app.yaml')).mode & 0o777, mode);
      assertNothingEscaped();
    });
  }

  it('a link inside the workspace to another allowed file: read and write reach the real file', async () => {
    link('k8s/alias.yaml', 'base.yaml');
    const r = await attempt('read_file', read('k8s/alias.yaml').input);
    assert.equal(r.outcome?.ok, true);
    assert.match(told(r), /name: base/);
    const w = await attempt('write_file', write('k8s/alias.yaml', 'c: 3\n').input);
    assert.equal(w.outcome?.ok, true, told(w));
    assert.equal(fs.readFileSync(path.join(ws, 'k8s/base.yaml'), 'utf8'), 'c: 3\n');
    assert.equal(fs.readlinkSync(path.join(ws, 'k8s/alias.yaml')), 'base.yaml', 'the link itself is kept');
    // and below the policy, given the link's own path
    const b = await below('write_file', { path: 'k8s/alias.yaml', content: 'd: 4\n' });
    assert.equal(b.ok, true, b.output);
    assert.equal(fs.readFileSync(path.join(ws, 'k8s/base.yaml'), 'utf8'), 'd: 4\n');
    assert.equal(fs.lstatSync(path.join(ws, 'k8s/alias.yaml')).isSymbolicLink(), true);
    assertNothingEscaped();
  });

  it('a link to an allowed folder inside the workspace: a new file lands in the real folder', async () => {
    link('k8s/shared', '../deploy');
    const b = await below('write_file', { path: 'k8s/shared/extra.yaml', content: 'e: 5\n' });
    assert.equal(b.ok, true, b.output);
    assert.equal(fs.readFileSync(path.join(ws, 'deploy/extra.yaml'), 'utf8'), 'e: 5\n');
    assertNothingEscaped();
  });

  it('a hard link to a file outside: the write replaces the link, the outside file is unchanged', async () => {
    fs.linkSync(path.join(outside, 'linked.txt'), path.join(ws, 'k8s', 'hard.yaml'));
    const a = await attempt('write_file', write('k8s/hard.yaml', 'f: 6\n').input);
    assert.equal(a.decision.decision, 'ask');
    assert.equal(a.outcome?.ok, true, told(a));
    assert.equal(fs.readFileSync(path.join(ws, 'k8s/hard.yaml'), 'utf8'), 'f: 6\n');
    assert.equal(fs.statSync(path.join(ws, 'k8s/hard.yaml')).nlink, 1);
    assert.equal(fs.statSync(path.join(outside, 'linked.txt')).nlink, 1);
    assertNothingEscaped();
  });

  it("a path with '..' after a link is resolved as the policy resolved it (lexically), inside", async () => {
    link('k8s/up', '../../outside/dir');
    const a = await attempt('write_file', write('k8s/up/../x.yaml', 'g: 7\n').input);
    assert.equal(a.decision.decision, 'ask');
    assert.equal(a.outcome?.ok, true, told(a));
    assert.equal(fs.readFileSync(path.join(ws, 'k8s/x.yaml'), 'utf8'), 'g: 7\n');
    assertNothingEscaped();
    const out = await attempt('write_file', write('k8s/up/../../../outside/x.yaml').input);
    assertStopped(out, "'..' out of the workspace");
    assertNothingEscaped();
  });

  it('a long name the file system accepts is written (the temp name stays short)', async () => {
    const name = `k8s/${'l'.repeat(250)}.yaml`;
    const a = await attempt('write_file', write(name, 'h: 8\n').input);
    assert.equal(a.outcome?.ok, true, told(a));
    assert.equal(fs.readFileSync(path.join(ws, name), 'utf8'), 'h: 8\n');
    assertNothingEscaped();
  });

  it('a failed rename leaves no temp file and no new folder, and the error reaches the loop', async () => {
    const original = fs.promises.rename;
    fs.promises.rename = (async () => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    }) as typeof fs.promises.rename;
    try {
      const decision = decide(write('k8s/n1/n2/x.yaml'), policy());
      await assert.rejects(executeTool('write_file', write('k8s/n1/n2/x.yaml').input, decision, toolEnv()), /EIO/);
      const existing = decide(write('k8s/app.yaml'), policy());
      await assert.rejects(executeTool('write_file', write('k8s/app.yaml').input, existing, toolEnv()), /EIO/);
    } finally {
      fs.promises.rename = original;
    }
    assert.equal(fs.existsSync(path.join(ws, 'k8s', 'n1')), false, 'the new folders were removed');
    assert.equal(fs.readFileSync(path.join(ws, 'k8s/app.yaml'), 'utf8'), 'kind: Namespace\nmetadata:\n  name: app\n');
    assertNothingEscaped();
  });

  it('safeFs on its own: secrets refused for reads and writes, aurora.yaml for writes, refusals typed', async () => {
    await assert.rejects(safeReadText(ws, path.join(ws, '.env')), (e: unknown) => isWorkspaceRefusal(e) && /\.env is not readable/.test(e.message));
    await assert.rejects(safeWriteText(ws, path.join(ws, 'aurora.yml'), 'x'), (e: unknown) => isWorkspaceRefusal(e) && /aurora\.yaml sets the agent's own permissions/.test(e.message));
    await assert.rejects(safeWriteText(ws, path.join(ws, 'k8s', 'id_rsa'), 'x'), (e: unknown) => isWorkspaceRefusal(e) && /SSH private key/.test(e.message));
    await assert.rejects(safeReadText(ws, path.join(base, 'outside', 'private.txt')), (e: unknown) => isWorkspaceRefusal(e) && /outside the workspace: refused$/.test(e.message));
    assert.equal(await safeReadText(ws, path.join(ws, 'k8s', 'missing.yaml')), undefined);
    assert.equal(resolveSafe(ws, path.join(ws, 'k8s', 'nope', 'x.yaml'), 'write').missingFolders.join('/'), 'nope');
    assert.equal(fs.existsSync(path.join(ws, 'aurora.yml')), false);
    assertNothingEscaped();
  });
});

describe('file tools through the agent loop (fake Messages API)', { skip: process.platform === 'win32' }, () => {
  it('a dangling link shipped in the repository: the write is denied, the user is not asked, nothing is created', async () => {
    link('k8s/new.yaml', '../../outside/created.txt');
    h.fake.script(toolTurn([{ name: 'write_file', input: write('k8s/new.yaml').input }]), textTurn('Done.'));
    const approver = new RecordingApprover(true);
    await runAgent('Create k8s/new.yaml', h.options({ workspace, approver }));
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(String(result.content), /outside the workspace/);
    assert.equal(approver.asked.length, 0);
    assertNothingEscaped();
    assertServerSawConsistent(h.fake);
  });

  it('a dangling link inside the workspace: the diff preview refuses before the user is asked', async () => {
    link('k8s/ghost.yaml', '../deploy/missing.yaml');
    h.fake.script(toolTurn([{ name: 'write_file', input: write('k8s/ghost.yaml').input }]), textTurn('Done.'));
    const approver = new RecordingApprover(true);
    await runAgent('Write it', h.options({ workspace, approver }));
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(String(result.content), /^k8s\/ghost\.yaml is a symbolic link to \.\.\/deploy\/missing\.yaml, which does not exist \(Aurora never creates the target of a link\): refused$/);
    assert.equal(approver.asked.length, 0);
    assert.equal(fs.existsSync(path.join(ws, 'deploy', 'missing.yaml')), false);
    assertNothingEscaped();
  });

  it('a link swapped in while the user reviews the diff: the approved write is refused', async () => {
    const approver = new RecordingApprover(true, () => {
      fs.unlinkSync(path.join(ws, 'k8s', 'app.yaml'));
      fs.symlinkSync('../../outside/private.txt', path.join(ws, 'k8s', 'app.yaml'));
    });
    h.fake.script(toolTurn([{ name: 'write_file', input: write('k8s/app.yaml').input }]), textTurn('Done.'));
    await runAgent('Edit it', h.options({ workspace, approver }));
    assert.equal(approver.asked.length, 1);
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.match(String(result.content), /^k8s\/app\.yaml is a symbolic link to \.\.\/\.\.\/outside\/private\.txt, outside the workspace: refused$/);
    assertNothingEscaped();
    assertServerSawConsistent(h.fake);
  });

  it('a link to a secret read through the loop: denied, and the secret never reaches the API', async () => {
    link('k8s/notes', '../.env');
    h.fake.script(toolTurn([{ name: 'read_file', input: { path: 'k8s/notes' } }]), textTurn('Done.'));
    await runAgent('Read notes', h.options({ workspace }));
    const [result] = toolResults(h.fake.messageBodies()[1]);
    assert.equal(result.is_error, true);
    assert.doesNotMatch(JSON.stringify(h.fake.messageBodies()), new RegExp(ENV_SECRET));
  });
});

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { secretReason } from '../policy/paths';
import { explainViolations, planSandbox, protectedFromCommands } from '../sandbox';
import type { SandboxMode, SandboxPlan, SandboxStatus } from '../sandbox';
import type { Shell, ShellResult, ShellRunOptions } from '../ports';
import type { AgentConfig } from '../types';
import { NodeShell, shellPath } from './shell';
import { realpathDeep } from './workspace';

/**
 * The Shell port inside the operating system's sandbox (@anthropic-ai/sandbox-runtime:
 * bubblewrap + socat + seccomp on Linux, sandbox-exec on macOS). Every command is wrapped with the
 * plan of its workspace's aurora.yaml (src/agent/sandbox.ts), then run by NodeShell. Where no
 * sandbox can be had the mode decides: `required` refuses to run, `warn` and `off` run plainly
 * and every result says so — never silently.
 */

/** The part of the runtime's API used here (the package is ESM: loaded with import()). */
interface SandboxRuntime {
  SandboxManager: {
    isSupportedPlatform(): boolean;
    checkDependencies(): { errors: string[]; warnings: string[] };
    initialize(config: RuntimeConfig): Promise<void>;
    updateConfig(config: RuntimeConfig): void;
    wrapWithSandbox(command: string, binShell?: string, customConfig?: unknown, abortSignal?: AbortSignal, options?: { commandId?: string; commandText?: string }): Promise<string>;
    getSandboxViolationStore(): { getViolationsForCommand(key: string): { line: string }[] };
    cleanupAfterCommand(): void;
    reset(): Promise<void>;
  };
}

interface RuntimeConfig {
  network: { allowedDomains: string[]; deniedDomains: string[] };
  filesystem: { denyRead: string[]; allowWrite: string[]; denyWrite: string[] };
}

let runtime: Promise<SandboxRuntime> | undefined;

/**
 * The runtime: the ESM bundle next to this bundle when there is one (the VSIX carries
 * dist/sandbox.mjs with the seccomp helper beside it), else the installed package.
 */
function loadRuntime(): Promise<SandboxRuntime> {
  runtime ??= (async () => {
    const bundled = path.join(__dirname, 'sandbox.mjs');
    if (fs.existsSync(bundled)) {
      return (await import(pathToFileURL(bundled).href)) as SandboxRuntime;
    }
    return (await import('@anthropic-ai/sandbox-runtime')) as unknown as SandboxRuntime;
  })();
  return runtime;
}

/** How to install what is missing, for this platform. */
function installHint(errors: readonly string[]): string | undefined {
  if (process.platform === 'darwin') {
    return errors.some((e) => /ripgrep/.test(e)) ? 'Install ripgrep (brew install ripgrep).' : undefined;
  }
  if (process.platform === 'linux') {
    const missing = ['bubblewrap', 'socat', 'ripgrep'].filter((p) => errors.some((e) => e.includes(p === 'ripgrep' ? 'ripgrep' : p === 'bubblewrap' ? 'bwrap' : p)));
    if (missing.length > 0) {
      return `Install ${missing.join(', ')} (Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}).`;
    }
    if (errors.some((e) => /namespace|uid map|Operation not permitted/i.test(e))) {
      return 'Allow unprivileged user namespaces (Ubuntu 24.04+: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0).';
    }
  }
  return undefined;
}

let probed: Promise<Omit<SandboxStatus, 'mode'>> | undefined;

/**
 * Whether commands can be sandboxed here: the platform, the packages, and one real command run
 * in the sandbox (a kernel without user namespaces fails only then). Checked once per process.
 */
function probe(): Promise<Omit<SandboxStatus, 'mode'>> {
  probed ??= (async () => {
    if (process.platform !== 'linux' && process.platform !== 'darwin') {
      return { enforced: false, reason: `no sandbox is available on ${process.platform}`, installHint: 'Run VS Code in WSL 2 or a Linux dev container with bubblewrap and socat installed.' };
    }
    let rt: SandboxRuntime;
    try {
      rt = await loadRuntime();
    } catch (e) {
      return { enforced: false, reason: `the sandbox runtime did not load (${e instanceof Error ? e.message : String(e)})` };
    }
    if (!rt.SandboxManager.isSupportedPlatform()) {
      return { enforced: false, reason: 'this platform is not supported by the sandbox runtime' };
    }
    const deps = rt.SandboxManager.checkDependencies();
    if (deps.errors.length > 0) {
      return { enforced: false, reason: deps.errors.join('; '), installHint: installHint(deps.errors) };
    }
    try {
      await ensureInitialized(rt, emptyConfig());
      const wrapped = await rt.SandboxManager.wrapWithSandbox('true', undefined, undefined, undefined, { commandId: 'aurora-probe' });
      const result = await new NodeShell().run({ command: wrapped, cwd: os.tmpdir(), timeoutMs: 20_000 });
      rt.SandboxManager.cleanupAfterCommand();
      if (result.exitCode !== 0) {
        const why = result.output.trim().split('\n').slice(-1)[0] || `exit code ${result.exitCode}`;
        return { enforced: false, reason: `a test command failed in the sandbox: ${why}`, installHint: installHint([why]) };
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { enforced: false, reason: `the sandbox did not start: ${why}`, installHint: installHint([why]) };
    }
    return { enforced: true, mechanism: process.platform === 'darwin' ? 'sandbox-exec' : 'bubblewrap' };
  })();
  return probed;
}

/** The sandbox state for a mode (`off` never probes). */
export async function sandboxStatus(mode: SandboxMode): Promise<SandboxStatus> {
  if (mode === 'off') {
    return { enforced: false, mode, reason: 'aurora.sandbox is off' };
  }
  return { ...(await probe()), mode };
}

function emptyConfig(): RuntimeConfig {
  return { network: { allowedDomains: [], deniedDomains: [] }, filesystem: { denyRead: [], allowWrite: [], denyWrite: [] } };
}

let initialized: Promise<void> | undefined;

/** The runtime starts its proxies once per process; later plans replace its configuration. */
async function ensureInitialized(rt: SandboxRuntime, config: RuntimeConfig): Promise<void> {
  if (!initialized) {
    initialized = rt.SandboxManager.initialize(config);
    initialized.catch(() => {
      initialized = undefined;
    });
    await initialized;
    return;
  }
  await initialized;
  rt.SandboxManager.updateConfig(config);
}

/**
 * Entries of a workspace the plan can hold: more and the walk stops, and commands are refused
 * (a bounded walk would let a command hide a secret or a nested repository past the bound).
 */
const WALK_LIMIT = 2_000_000;

/** A walk of the workspace: every file and folder (folders end in "/"), symlinks apart. */
export interface Walk {
  entries: string[];
  /** Entries that are symbolic links (not followed). */
  links: Set<string>;
  /** The walk stopped at WALK_LIMIT or could not list a folder: the plan is not trustworthy. */
  incomplete?: string;
}

/**
 * Every entry under `root`, unbounded up to WALK_LIMIT, not entering .git folders (they are
 * listed) and not following links. GNU find does it in C where there is one; a Node walk
 * otherwise. Nothing is skipped: secrets in node_modules or .terraform are hidden too.
 */
export function walkWorkspace(root: string): Walk {
  if (process.platform === 'linux') {
    const r = spawnSync('find', [root, '-mindepth', '1', '(', '-name', '.git', '-prune', ')', '-printf', '%y %P\\0', '-o', '-printf', '%y %P\\0'], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
    if (r.status === 0 && typeof r.stdout === 'string') {
      const entries: string[] = [];
      const links = new Set<string>();
      for (const item of r.stdout.split('\0')) {
        if (item.length < 3) {
          continue;
        }
        const type = item[0];
        const rel = item.slice(2);
        if (type === 'd') {
          entries.push(`${rel}/`);
        } else {
          entries.push(rel);
          if (type === 'l') {
            links.add(rel);
          }
        }
        if (entries.length > WALK_LIMIT) {
          return { entries, links, incomplete: `the workspace holds more than ${WALK_LIMIT.toLocaleString('en-US')} entries` };
        }
      }
      return { entries, links };
    }
    if (r.status !== 0 && r.stderr) {
      return { entries: [], links: new Set(), incomplete: `the workspace could not be listed whole (${String(r.stderr).trim().split('\n')[0]})` };
    }
  }
  const entries: string[] = [];
  const links = new Set<string>();
  const queue: string[] = [''];
  while (queue.length > 0) {
    const rel = queue.shift() as string;
    let list: fs.Dirent[];
    try {
      list = fs.readdirSync(rel === '' ? root : path.join(root, rel), { withFileTypes: true });
    } catch (e) {
      return { entries, links, incomplete: `${rel || '.'} could not be listed (${(e as Error).message})` };
    }
    for (const e of list) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        entries.push(`${child}/`);
        if (e.name.toLowerCase() !== '.git') {
          queue.push(child);
        }
      } else {
        entries.push(child);
        if (e.isSymbolicLink()) {
          links.add(child);
        }
      }
      if (entries.length > WALK_LIMIT) {
        return { entries, links, incomplete: `the workspace holds more than ${WALK_LIMIT.toLocaleString('en-US')} entries` };
      }
    }
  }
  return { entries, links };
}

/** What one command runs under. */
export interface SandboxContract {
  /** The workspace root. */
  root: string;
  /** `agents.devops` in force (the read-only one in an untrusted workspace). */
  config: AgentConfig;
}

/** A plan with the walk it was made from. */
export type WorkspacePlan = SandboxPlan & { root: string; entries: string[]; incomplete?: string };

/** The sandbox plan of a workspace now, and the entries it was made from. */
export function planFor(contract: SandboxContract, extraDenyRead: readonly string[] = []): WorkspacePlan {
  const root = realpathDeep(contract.root);
  const walk = walkWorkspace(root);
  const plan = planSandbox({
    root,
    home: os.homedir(),
    config: contract.config,
    entries: walk.entries,
    links: walk.links,
    secretReason,
    realpath: (p) => realpathDeep(p),
    extraDenyRead,
  });
  return { ...plan, root, entries: walk.entries, ...(walk.incomplete ? { incomplete: walk.incomplete } : {}) };
}

/** Make a tree writable by its owner (a command may have taken the write bit away). */
function makeWritable(abs: string): void {
  const st = fs.lstatSync(abs);
  if (st.isSymbolicLink()) {
    return;
  }
  fs.chmodSync(abs, st.mode | 0o700);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(abs)) {
      makeWritable(path.join(abs, name));
    }
  }
}

/**
 * Protected names (.git, .vscode, aurora.yaml, .envrc, *.code-workspace, agent instruction
 * files) that a command created inside a writable folder: bubblewrap can only deny paths that
 * exist, and a nested repository's config or hooks would run code outside the sandbox the next
 * time git (or the editor's git support) looks at it. The whole workspace is walked again
 * (unbounded, like the plan); what is protected, was not there before and was changed after the
 * command started is removed (a link is removed as a link). What cannot be removed is returned
 * apart: the shell then refuses every command until the user removes it.
 */
function removeCreatedProtected(plan: WorkspacePlan, startedMs: number): { removed: string[]; stuck: string[] } {
  const before = new Set(plan.entries.map((e) => e.replace(/\/$/, '')));
  const removed: string[] = [];
  const stuck: string[] = [];
  const after = walkWorkspace(plan.root);
  for (const e of after.entries) {
    const rel = e.replace(/\/$/, '');
    if (!protectedFromCommands(rel) || before.has(rel)) {
      continue;
    }
    const abs = path.join(plan.root, rel);
    try {
      const st = fs.lstatSync(abs);
      // a name the walk before the command did not see, but older than the command: not its doing
      if (Math.max(st.ctimeMs, st.birthtimeMs || 0) < startedMs - 2000) {
        continue;
      }
    } catch {
      continue;
    }
    try {
      fs.rmSync(abs, { recursive: true, force: true });
    } catch {
      try {
        makeWritable(abs);
        fs.rmSync(abs, { recursive: true, force: true });
      } catch {
        // checked below
      }
    }
    if (fs.existsSync(abs) || isLink(abs)) {
      stuck.push(rel);
    } else {
      removed.push(rel);
    }
  }
  return { removed, stuck };
}

function isLink(abs: string): boolean {
  try {
    return fs.lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A result with what the sandbox did. */
export interface SandboxedResult extends ShellResult {
  /** The command ran inside the sandbox. */
  sandboxed: boolean;
  /** Not run: no sandbox and aurora.sandbox is `required` (the reason, in words). */
  refused?: string;
  /** What the sandbox stopped, in words (empty when nothing was). */
  notes: string[];
}

let sequence = 0;

/** The runtime's scratch folder (TMPDIR inside the sandbox, writable by every command). */
const SCRATCH = '/tmp/claude';

/** Why a folder is not this user's private folder, or undefined. */
function privateFolderProblem(dir: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch {
    return 'does not exist and could not be created';
  }
  if (st.isSymbolicLink() || !st.isDirectory()) {
    return 'is not a folder (a link or a file is in its place)';
  }
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    return 'belongs to another user';
  }
  if ((st.mode & 0o077) !== 0) {
    try {
      fs.chmodSync(dir, 0o700);
    } catch {
      return 'is open to other users';
    }
  }
  return undefined;
}

/** A result for a command that did not run, and why. */
function notRun(refused: string, sandboxed: boolean, cancelled = false): SandboxedResult {
  return { exitCode: null, output: '', timedOut: false, cancelled, sandboxed, notes: [], refused };
}

/** Shell-quote one word for bash. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The sandbox starts its proxy relay in the background right before the command; a command
 * that connects at once would race it. Wait (at most ~2 s) until the relay accepts.
 */
const WAIT_FOR_PROXY = process.platform !== 'linux' ? ':' : 'if [ -n "${HTTP_PROXY:-}" ]; then for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/3128) 2>/dev/null && break; sleep 0.02; done; fi';

/** Runs every command in the operating system's sandbox; see the module comment. */
export class SandboxedShell implements Shell {
  private readonly inner: NodeShell;
  /** Protected entries a command left that could not be removed (absolute): commands wait for the user. */
  private stuck = new Set<string>();

  constructor(
    private readonly modeOf: SandboxMode | (() => SandboxMode),
    private readonly options: { extraDenyRead?: readonly string[]; inner?: NodeShell } = {},
  ) {
    this.inner = options.inner ?? new NodeShell();
  }

  private get mode(): SandboxMode {
    return typeof this.modeOf === 'function' ? this.modeOf() : this.modeOf;
  }

  status(): Promise<SandboxStatus> {
    return sandboxStatus(this.mode);
  }

  async run(options: ShellRunOptions): Promise<SandboxedResult> {
    const mode = this.mode;
    const status = await sandboxStatus(mode);
    if (!status.enforced) {
      if (mode === 'required') {
        const hint = status.installHint ? ` ${status.installHint}` : '';
        return notRun(`Not run: no sandbox is available (${status.reason ?? 'unknown reason'}), and aurora.sandbox is "required": without one, aurora.yaml could only be advised.${hint}`, false);
      }
      const result = await this.inner.run(options);
      return { ...result, sandboxed: false, notes: [`This command ran without a sandbox (${status.reason ?? 'aurora.sandbox is off'}): aurora.yaml was only advised.`] };
    }
    const rt = await loadRuntime();
    // the sandbox points TMPDIR at its scratch folder and makes it writable only if it exists;
    // it must be this user's own private folder (not a link, not another user's)
    try {
      fs.mkdirSync(SCRATCH, { recursive: true, mode: 0o700 });
    } catch {
      // checked below
    }
    const scratch = privateFolderProblem(SCRATCH);
    if (scratch) {
      return notRun(`Not run: ${SCRATCH}, the sandbox's scratch folder, ${scratch}. Remove it and ask again.`, true);
    }
    const contract: SandboxContract = options.contract ?? { root: options.cwd, config: { tools: [], permissions: { filesystem: [], network: [] } } };
    const stuck = [...this.stuck].filter((abs) => fs.existsSync(abs) || isLink(abs));
    this.stuck = new Set(stuck);
    if (stuck.length > 0) {
      return notRun(`Not run: an earlier command left ${stuck.join(', ')}, which could run code outside the sandbox (a nested repository or editor/agent settings) and could not be removed. Remove it, then ask again.`, true);
    }
    const plan = planFor(contract, this.options.extraDenyRead);
    if (plan.incomplete) {
      return notRun(`Not run: the sandbox could not map the workspace (${plan.incomplete}), and a partial map could leave secrets readable.`, true);
    }
    const startedMs = Date.now();
    await ensureInitialized(rt, {
      network: { allowedDomains: plan.allowedDomains, deniedDomains: [] },
      filesystem: { denyRead: plan.denyRead, allowWrite: plan.allowWrite, denyWrite: plan.denyWrite },
    });
    const commandId = `aurora-${process.pid}-${++sequence}`;
    const inner = `${WAIT_FOR_PROXY}\nexec ${shellPath()} -c ${quote(options.command)}`;
    let wrapped: string;
    try {
      wrapped = await rt.SandboxManager.wrapWithSandbox(inner, undefined, undefined, options.signal, { commandId, commandText: options.command });
    } catch (e) {
      rt.SandboxManager.cleanupAfterCommand();
      return notRun(`Not run: the sandbox could not be prepared (${e instanceof Error ? e.message : String(e)}).`, true, options.signal?.aborted === true);
    }
    const result = await this.inner.run({ ...options, command: wrapped });
    let denials: string[] = [];
    try {
      denials = rt.SandboxManager.getSandboxViolationStore()
        .getViolationsForCommand(commandId)
        .map((v) => /network-outbound\s+(\S+)/.exec(v.line)?.[1] ?? '')
        .filter((h) => h !== '');
    } catch {
      denials = [];
    }
    try {
      rt.SandboxManager.cleanupAfterCommand();
    } catch {
      // nothing to clean
    }
    const notes = result.exitCode === 0 && denials.length === 0 ? [] : explainViolations(result.output, plan, plan.root, denials);
    const { removed, stuck: left } = removeCreatedProtected(plan, startedMs);
    if (removed.length > 0) {
      notes.push(`Removed what the command created where the agent may not: ${removed.join(', ')} (nested repositories, editor settings and agent configuration could run code outside the sandbox).`);
    }
    if (left.length > 0) {
      for (const rel of left) {
        this.stuck.add(path.join(plan.root, rel));
      }
      notes.push(`The command created ${left.join(', ')}, which could run code outside the sandbox, and it could not be removed: remove it yourself; until then no command runs.`);
    }
    return { ...result, sandboxed: true, notes };
  }
}

/** Stop the sandbox's proxies (the CLI calls this before exiting; a new command starts them again). */
export async function shutdownSandbox(): Promise<void> {
  if (!initialized || !runtime) {
    return;
  }
  const rt = await runtime;
  try {
    await initialized;
  } catch {
    // it never started
  }
  initialized = undefined;
  probed = undefined;
  await rt.SandboxManager.reset();
}

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { secretReason } from '../policy/paths';
import { explainViolations, planSandbox, protectedFromCommands } from '../sandbox';
import type { SandboxMode, SandboxPlan, SandboxStatus } from '../sandbox';
import type { Shell, ShellResult, ShellRunOptions } from '../ports';
import type { AgentConfig } from '../types';
import { NodeShell } from './shell';
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

/** Folders the walk never enters (dependency trees are large and hold no user secrets). */
const SKIP_DIRS = new Set(['node_modules', '.terraform', '.venv', 'venv', '__pycache__', '.vscode-test']);
/** Entries the walk looks at before it stops (a bigger tree keeps what was found). */
const WALK_LIMIT = 50_000;

/**
 * Workspace entries the plan needs: every file and folder (folders end in "/"), without
 * entering .git, secret folders or dependency trees. Bounded; breadth first.
 */
export function walkWorkspace(root: string, limit = WALK_LIMIT): string[] {
  const out: string[] = [];
  const queue: string[] = [''];
  let seen = 0;
  while (queue.length > 0 && seen < limit) {
    const rel = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel === '' ? root : path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++seen > limit) {
        break;
      }
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        out.push(`${child}/`);
        if (!SKIP_DIRS.has(e.name) && e.name.toLowerCase() !== '.git' && secretReason(`${child}/x`) === undefined && !protectedFromCommands(child)) {
          queue.push(child);
        }
      } else {
        out.push(child);
      }
    }
  }
  return out;
}

/** What one command runs under. */
export interface SandboxContract {
  /** The workspace root. */
  root: string;
  /** `agents.devops` in force (the read-only one in an untrusted workspace). */
  config: AgentConfig;
}

/** The sandbox plan of a workspace now, and the entries it was made from. */
export function planFor(contract: SandboxContract, extraDenyRead: readonly string[] = []): SandboxPlan & { root: string; entries: string[] } {
  const root = realpathDeep(contract.root);
  const entries = walkWorkspace(root);
  const plan = planSandbox({
    root,
    home: os.homedir(),
    config: contract.config,
    entries,
    secretReason,
    realpath: (p) => realpathDeep(p),
    extraDenyRead,
  });
  return { ...plan, root, entries };
}

/**
 * Protected names (.git, .vscode, aurora.yaml, .envrc, *.code-workspace, agent instruction
 * files) that a command created inside a writable folder: bubblewrap can only deny paths that
 * exist, and a nested repository's config or hooks would run code outside the sandbox the next
 * time git (or the editor's git support) looks at it. They are removed after the run.
 */
function removeCreatedProtected(plan: SandboxPlan & { root: string; entries: string[] }): string[] {
  const before = new Set(plan.entries.map((e) => e.replace(/\/$/, '')));
  const removed: string[] = [];
  for (const dir of plan.allowWrite) {
    if (dir !== plan.root && !dir.startsWith(`${plan.root}/`)) {
      continue;
    }
    const prefix = dir === plan.root ? '' : dir.slice(plan.root.length + 1);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) {
      continue;
    }
    for (const e of walkWorkspace(dir, 20_000)) {
      const rel = (prefix === '' ? e : `${prefix}/${e}`).replace(/\/$/, '');
      if (protectedFromCommands(rel) && !before.has(rel)) {
        try {
          fs.rmSync(path.join(plan.root, rel), { recursive: true, force: true });
          removed.push(rel);
        } catch {
          // reported below as not removed
          removed.push(`${rel} (could not be removed)`);
        }
      }
    }
  }
  return removed;
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
        return { exitCode: null, output: '', timedOut: false, cancelled: false, sandboxed: false, notes: [], refused: `Not run: no sandbox is available (${status.reason ?? 'unknown reason'}), and aurora.sandbox is "required": without one, aurora.yaml could only be advised.${hint}` };
      }
      const result = await this.inner.run(options);
      return { ...result, sandboxed: false, notes: [`This command ran without a sandbox (${status.reason ?? 'aurora.sandbox is off'}): aurora.yaml was only advised.`] };
    }
    const rt = await loadRuntime();
    // the sandbox points TMPDIR at its scratch folder and makes it writable only if it exists
    try {
      fs.mkdirSync(SCRATCH, { recursive: true, mode: 0o700 });
    } catch {
      // commands then write temporary files nowhere, and say so
    }
    const contract: SandboxContract = options.contract ?? { root: options.cwd, config: { tools: [], permissions: { filesystem: [], network: [] } } };
    const plan = planFor(contract, this.options.extraDenyRead);
    await ensureInitialized(rt, {
      network: { allowedDomains: plan.allowedDomains, deniedDomains: [] },
      filesystem: { denyRead: plan.denyRead, allowWrite: plan.allowWrite, denyWrite: plan.denyWrite },
    });
    const commandId = `aurora-${process.pid}-${++sequence}`;
    const inner = `${WAIT_FOR_PROXY}\nexec ${bashPath()} -c ${quote(options.command)}`;
    let wrapped: string;
    try {
      wrapped = await rt.SandboxManager.wrapWithSandbox(inner, undefined, undefined, options.signal, { commandId, commandText: options.command });
    } catch (e) {
      rt.SandboxManager.cleanupAfterCommand();
      return { exitCode: null, output: '', timedOut: false, cancelled: options.signal?.aborted === true, sandboxed: true, notes: [], refused: `Not run: the sandbox could not be prepared (${e instanceof Error ? e.message : String(e)}).` };
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
    const removed = removeCreatedProtected(plan);
    if (removed.length > 0) {
      notes.push(`Removed what the command created where the agent may not: ${removed.join(', ')} (nested repositories, editor settings and agent configuration could run code outside the sandbox).`);
    }
    return { ...result, sandboxed: true, notes };
  }
}

function bashPath(): string {
  for (const candidate of ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash']) {
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  return '/bin/sh';
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

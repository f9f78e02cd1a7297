import picomatch from 'picomatch';
import type { AgentConfig } from './types';

/**
 * What aurora.yaml means to the operating system. The pure policy (./policy) explains a command
 * and refuses the obvious; the decision the contract rests on is the sandbox's: every command the
 * agent runs is wrapped (bubblewrap on Linux, sandbox-exec on macOS) with writes only under
 * `permissions.filesystem`, never to the files that steer the agent or the editor, no reads of
 * secret files, network only to `permissions.network`, and no credentials in its environment.
 * This module turns the contract into that configuration; src/agent/node/sandbox.ts applies it.
 */

/** `aurora.sandbox`: what to do where no sandbox is available. */
export type SandboxMode = 'required' | 'warn' | 'off';

/** The modes, for settings and flags. */
export const SANDBOX_MODES: readonly SandboxMode[] = ['required', 'warn', 'off'];

/** Whether commands can be sandboxed here, and what happens when they cannot. */
export interface SandboxStatus {
  /** A sandbox wraps every command. */
  enforced: boolean;
  mode: SandboxMode;
  /** The mechanism ("bubblewrap", "sandbox-exec") when enforced. */
  mechanism?: string;
  /** Why there is no sandbox (missing packages, no user namespaces, the platform, the setting). */
  reason?: string;
  /** How to get one (a command to run), when there is a way. */
  installHint?: string;
}

/** The configuration handed to the sandbox runtime: absolute paths and host patterns. */
export interface SandboxPlan {
  /** Folders (and files matched by globs) commands may write. */
  allowWrite: string[];
  /** Never writable, even inside allowWrite. */
  denyWrite: string[];
  /** Never readable. */
  denyRead: string[];
  /** Hosts commands may reach (`permissions.network`); nothing else. */
  allowedDomains: string[];
}

/** The words every surface uses for the unsandboxed state. */
export const NOT_SANDBOXED = 'not sandboxed: aurora.yaml can only be advised';

/** One line for headers and cards. */
export function describeSandbox(status: SandboxStatus): string {
  if (status.enforced) {
    return `Sandboxed (${status.mechanism ?? 'operating system'}): commands write only where aurora.yaml permits and reach only its hosts`;
  }
  const why = status.reason ? ` (${status.reason})` : '';
  const hint = status.installHint ? ` ${status.installHint}` : '';
  const consequence = status.mode === 'required' ? ' Commands are refused until a sandbox is available or aurora.sandbox is set to warn.' : ' Commands run without OS enforcement.';
  return `${NOT_SANDBOXED.charAt(0).toUpperCase()}${NOT_SANDBOXED.slice(1)}${why}.${consequence}${hint}`;
}

/**
 * Workspace files that steer the agent, the editor, git or other agents: never writable by a
 * command, wherever permissions.filesystem points. Relative to the workspace root; a name without
 * a slash is also denied in every folder (found by the walk).
 */
export const PROTECTED_ROOT_FILES: readonly string[] = [
  'aurora.yaml',
  'aurora.yml',
  '.git',
  '.gitmodules',
  '.vscode',
  '.devcontainer',
  '.husky',
  '.envrc',
  '.github/copilot-instructions.md',
  'CLAUDE.md',
  'AGENTS.md',
  'GEMINI.md',
  '.cursorrules',
  '.cursor',
  '.clinerules',
  '.windsurfrules',
  '.roo',
  '.continue',
  '.claude',
];

/** Names protected in every folder (nested repositories, editor config of sub-projects). */
const PROTECTED_ANYWHERE = /^(\.git|\.gitmodules|\.vscode|\.envrc|aurora\.ya?ml|.*\.code-workspace|CLAUDE\.md|AGENTS\.md|GEMINI\.md|\.cursor|\.cursorrules|\.claude|\.mcp\.json|\.devcontainer|\.husky|\.roo|\.continue|\.clinerules|\.windsurfrules|copilot-instructions\.md)$/i;

/**
 * Secrets in the user's home folder: credentials of the tools an SRE has installed. Relative to
 * the home folder; missing ones are skipped by the runtime.
 */
export const HOME_SECRETS: readonly string[] = [
  '.aws',
  '.ssh',
  '.gnupg',
  '.azure',
  '.kube',
  '.bash_history',
  '.zsh_history',
  '.history',
  '.python_history',
  '.node_repl_history',
  '.psql_history',
  '.mysql_history',
  '.lesshst',
  '.claude',
  '.config/aurora',
  '.docker/config.json',
  '.config/gh',
  '.config/hub',
  '.config/gcloud',
  '.config/helm/repositories.yaml',
  '.terraform.d/credentials.tfrc.json',
  '.terraformrc',
  '.netrc',
  '.pgpass',
  '.git-credentials',
  '.npmrc',
  '.pypirc',
  '.vault-token',
  '.boto',
  '.s3cfg',
  '.cargo/credentials.toml',
  '.cargo/credentials',
  '.m2/settings.xml',
  '.gradle/gradle.properties',
  '.config/containers/auth.json',
  '.local/share/keyrings',
  '.password-store',
];

/** `.env` files whose values are placeholders by convention: readable. */
const ENV_EXAMPLE = /^\.env\.(example|sample|template|dist|defaults)$/i;

/** Whether a workspace file is a secret the sandbox hides (the agent's `secretReason`, minus examples and git internals). */
export function hiddenFromCommands(relative: string, secretReason: (rel: string) => string | undefined): boolean {
  const segs = relative.split('/');
  if (segs.some((s) => s.toLowerCase() === '.git')) {
    return false;
  }
  if (ENV_EXAMPLE.test(segs[segs.length - 1])) {
    return false;
  }
  return secretReason(relative) !== undefined;
}

/** Whether a workspace path (file or folder) is protected from writes wherever it is. */
export function protectedFromCommands(relative: string): boolean {
  const segs = relative.split('/');
  return PROTECTED_ANYWHERE.test(segs[segs.length - 1]);
}

/** What the plan needs to know about the workspace. */
export interface PlanInput {
  /** Real path of the workspace root. */
  root: string;
  /** The user's home folder. */
  home: string;
  config: AgentConfig;
  /** Workspace entries (relative, forward slashes; folders end in "/"), from a whole walk. */
  entries: readonly string[];
  /** Entries that are symbolic links. */
  links?: ReadonlySet<string>;
  /** The agent's secret test (src/agent/policy/paths.ts `secretReason`). */
  secretReason: (relative: string) => string | undefined;
  /** Resolve symlinks of an absolute path (entries of permissions.filesystem are resolved once). */
  realpath: (absolute: string) => string;
  /** More paths to hide (e.g. the editor's own data folder, where its secret storage lives). */
  extraDenyRead?: readonly string[];
}

function join(root: string, rel: string): string {
  const clean = rel.replace(/^\/+/, '').replace(/\/+$/, '');
  if (clean === '' || clean === '.') {
    return root;
  }
  return `${root.replace(/\/+$/, '')}/${clean}`;
}

/** Map aurora.yaml to the sandbox's configuration. Pure: the walk and realpath are inputs. */
export function planSandbox(input: PlanInput): SandboxPlan {
  const { root, home, config } = input;
  const allowWrite = new Set<string>();
  const files = input.entries.map((e) => e.replace(/\/$/, ''));
  for (const raw of config.permissions.filesystem) {
    const entry = raw.replace(/\\/g, '/').replace(/^\/+/, '').replace(/\/+$/, '');
    if (entry.split('/').includes('..')) {
      // the config reader already refuses these; never widen on a malformed entry
      continue;
    }
    if (/[*?[\]{}]/.test(entry)) {
      // the OS binds concrete paths: a glob allows what matches it now (new files are created
      // through write_file, which checks the glob itself)
      const match = picomatch(entry, { dot: true });
      for (const f of files) {
        // a link matched by the glob (a command may have made it) allows nothing
        if (match(f) && !input.links?.has(f)) {
          const real = input.realpath(join(root, f));
          if (real === join(root, f)) {
            allowWrite.add(real);
          }
        }
      }
      continue;
    }
    // resolved once; an entry that leads out of the workspace (a link shipped in the repository,
    // or one a command made where a listed folder did not exist yet) allows nothing
    const real = input.realpath(join(root, entry));
    if (real === root || real.startsWith(`${root}/`)) {
      allowWrite.add(real);
    }
  }
  const denyWrite = new Set<string>(PROTECTED_ROOT_FILES.map((p) => join(root, p)));
  const denyRead = new Set<string>(HOME_SECRETS.map((p) => join(home, p)));
  for (const e of input.entries) {
    const rel = e.replace(/\/$/, '');
    if (protectedFromCommands(rel)) {
      denyWrite.add(join(root, rel));
    }
    // a folder such as .ssh or .aws inside the workspace is hidden whole; the walk does not enter it
    if (hiddenFromCommands(e.endsWith('/') ? `${rel}/x` : rel, input.secretReason)) {
      denyRead.add(join(root, rel));
    }
  }
  for (const extra of input.extraDenyRead ?? []) {
    denyRead.add(extra);
  }
  return {
    allowWrite: [...allowWrite].sort(),
    denyWrite: [...denyWrite].sort(),
    denyRead: [...denyRead].sort(),
    allowedDomains: [...config.permissions.network],
  };
}

/** What the sandbox stopped, in words for the user and the model. */
export function explainViolations(output: string, plan: SandboxPlan, root: string, networkDenials: readonly string[]): string[] {
  const notes: string[] = [];
  const where = plan.allowWrite.length > 0 ? plan.allowWrite.map((p) => (p === root ? '/' : p.startsWith(`${root}/`) ? `/${p.slice(root.length + 1)}` : p)).join(', ') : 'nowhere';
  if (/Read-only file system|EROFS/.test(output)) {
    notes.push(`The sandbox refused a write: aurora.yaml permits commands to write only under ${where} (never aurora.yaml, .git or editor and agent settings).`);
  }
  if (/Permission denied|EACCES/.test(output)) {
    notes.push('The sandbox refused a read or a write: secret files (.env*, keys, credentials, the home folder\'s cloud and SSH credentials) are hidden from commands.');
  }
  const hosts = [...new Set(networkDenials)];
  if (hosts.length > 0) {
    notes.push(`The sandbox blocked network access to ${hosts.join(', ')}: aurora.yaml permissions.network allows ${plan.allowedDomains.length > 0 ? plan.allowedDomains.join(', ') : 'no hosts'}.`);
  } else if (/Could not resolve host|Temporary failure in name resolution|Name or service not known|blocked-by-sandbox-runtime|Connection refused|Network is unreachable|403 Forbidden|CONNECT tunnel failed/.test(output)) {
    notes.push(`If this failed on the network: the sandbox lets commands reach only ${plan.allowedDomains.length > 0 ? plan.allowedDomains.join(', ') : 'no hosts'} (aurora.yaml permissions.network).`);
  }
  return notes;
}

/** Notes appended to a command's output for the model and the card, one `[sandbox]` line each. */
export function sandboxNotesText(notes: readonly string[] | undefined): string {
  return notes && notes.length > 0 ? `\n[sandbox] ${notes.join('\n[sandbox] ')}` : '';
}

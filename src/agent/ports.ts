import type { AgentConfig, Decision } from './types';

/**
 * The agent reaches the outside world only through these small interfaces. The CLI implements
 * them with Node (src/agent/node), the extension with VS Code APIs, tests with fakes.
 */

/** Files of the workspace. Paths are absolute (the policy resolved them first). */
export interface Workspace {
  /** Absolute path of the workspace folder. */
  readonly root: string;
  /** The file system compares names case-insensitively. */
  readonly caseInsensitive: boolean;
  /**
   * Resolve symlinks in an absolute path; for a path that does not exist yet, resolve its deepest
   * existing ancestor and append the rest. Synchronous so the policy stays a pure function.
   */
  realpath(absolutePath: string): string | undefined;
  /**
   * Text of a file, or undefined when it does not exist. Throws a WorkspaceRefusal (src/agent/
   * refusal.ts) when the path leads out of the workspace or to nothing through a symbolic link,
   * or is a secret under another name.
   */
  readText(absolutePath: string): Promise<string | undefined>;
  /**
   * Create or replace a file (creating folders), never through a link out of the workspace or to
   * nothing, never a secret or aurora.yaml: those throw a WorkspaceRefusal.
   */
  writeText(absolutePath: string, text: string): Promise<void>;
  exists(absolutePath: string): Promise<boolean>;
  /**
   * Files under the workspace (relative, forward slashes), skipping dependency and VCS folders,
   * matching an optional glob, at most `limit`.
   */
  list(options: { pattern?: string; under?: string; limit: number }): Promise<{ files: string[]; truncated: boolean }>;
}

/** How to run one command. */
export interface ShellRunOptions {
  command: string;
  /** Absolute folder to run in. */
  cwd: string;
  timeoutMs: number;
  /** Aborting kills the whole process group. */
  signal?: AbortSignal;
  /** Output as it arrives (stdout and stderr interleaved). */
  onOutput?: (chunk: string) => void;
  /**
   * The aurora.yaml the command runs under (a sandboxed shell enforces it; without one, the
   * sandbox allows no writes and no network).
   */
  contract?: { root: string; config: AgentConfig };
}

/** What a finished command gave. */
export interface ShellResult {
  /** Exit code, or null when the process was killed. */
  exitCode: number | null;
  /** Combined stdout and stderr. */
  output: string;
  timedOut: boolean;
  cancelled: boolean;
  /** The command ran inside the operating system's sandbox (undefined: a shell that does not sandbox). */
  sandboxed?: boolean;
  /** Not run, and why (no sandbox while one is required, or it could not be prepared). */
  refused?: string;
  /** What the sandbox stopped or why it was absent, in words for the user and the model. */
  notes?: string[];
}

/** Runs shell commands (a child process, or the extension's terminal). */
export interface Shell {
  run(options: ShellRunOptions): Promise<ShellResult>;
}

/** What the user is asked about. */
export interface ApprovalRequest {
  toolUseId: string;
  tool: string;
  input: Readonly<Record<string, unknown>>;
  decision: Decision;
  /** For writes: the file before and after (before undefined = new file). */
  diff?: { path: string; before?: string; after: string };
  /** For commands: the command line and its folder. */
  command?: { command: string; cwd: string };
}

/** The user's answer. */
export interface ApprovalAnswer {
  approved: boolean;
  /** Shown to the model when the user declines (e.g. "use the staging namespace"). */
  message?: string;
  /**
   * The user carried out an edited version of the call themselves (the host re-checked it with
   * the policy first): this is its result, given to the model instead of running the original.
   */
  handled?: { ok: boolean; output: string };
}

/** Asks the user about a call the policy answered with `ask`. */
export interface Approver {
  approve(request: ApprovalRequest, signal?: AbortSignal): Promise<ApprovalAnswer>;
}

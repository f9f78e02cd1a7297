/**
 * Plain data shared by the agent's configuration, policy, loop and ports. Nothing here touches
 * VS Code, the file system or processes.
 */

/** Tools an aurora.yaml may list under `agents.devops.tools`. */
export const CONFIGURABLE_TOOLS = ['read_file', 'write_file', 'run_shell_command'] as const;

/** A tool aurora.yaml can grant. */
export type ConfigurableTool = (typeof CONFIGURABLE_TOOLS)[number];

/** Read-only helpers offered whenever `read_file` is. */
export const READ_HELPER_TOOLS = ['list_files', 'get_diagnostics'] as const;

/** Every tool the agent knows. */
export type ToolName = ConfigurableTool | (typeof READ_HELPER_TOOLS)[number];

/** What the policy says about one tool call. */
export type DecisionKind = 'allow' | 'ask' | 'deny';

/** The policy's verdict with the facts it was based on (shown to users, sent to the model). */
export interface Decision {
  decision: DecisionKind;
  /** Why, in sentences a user can act on. Never empty for `deny`. */
  reasons: string[];
  /** Network destinations the call visibly contacts (normalised host names or IP literals). */
  hosts: string[];
  /** Absolute, resolved paths the call reads or writes. */
  paths: string[];
  /** The call can destroy infrastructure or data: the UI warns before asking. */
  destructive?: boolean;
  /** A command that reaches the network (a cluster, a registry, a cloud API, a host), as the policy's handler table says. */
  networked?: boolean;
  /** A command that runs the repository's code (make, npm run/test, ./script, terraform plan/apply, go test…) or another program's. */
  runsRepositoryCode?: boolean;
  /** A command that runs another command through a wrapper (sudo, env, sh -c, xargs…), as the shell model says. */
  wrapped?: boolean;
}

/** A tool call as the model made it. */
export interface ToolCall {
  name: string;
  input: Readonly<Record<string, unknown>>;
}

/** `agents.devops.permissions` from aurora.yaml. */
export interface Permissions {
  /** Where writes may go: "/" is the workspace root, "/k8s" a folder, globs allowed. */
  filesystem: string[];
  /** Hosts commands may contact: exact names, IP literals, or `*.suffix`. */
  network: string[];
}

/** The DevOps agent's settings after validation. */
export interface AgentConfig {
  /** Model id from aurora.yaml (callers may override it). */
  model?: string;
  temperature?: number;
  /** Tools granted by aurora.yaml (unknown names are dropped with a problem). */
  tools: ConfigurableTool[];
  permissions: Permissions;
}

/** Token counts, as the Messages API reports them. */
export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

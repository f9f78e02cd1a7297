import type { AgentConfig, Decision, ToolCall } from '../types';
import { READ_HELPER_TOOLS } from '../types';
import { analyzeCommand } from './command';
import type { CommandFacts } from './command';
import { permittedByFilesystem, protectedReason, resolveInWorkspace, secretReason } from './paths';
import type { PathContext } from './paths';

export { analyzeCommand } from './command';
export type { CommandContext, CommandFacts } from './command';
export { resolveInWorkspace, secretReason, globSecretReason, protectedReason, permittedByFilesystem, toSlashes, joinPath, normalizeAbsolute, relativeTo } from './paths';
export type { PathContext, PathResult, ResolvedPath } from './paths';
export { normalizeHost, hostAllowed, findUrls } from './hosts';

/**
 * The permission policy: a pure function from a tool call and what we know about the workspace
 * to allow / ask / deny with reasons. It can only tighten: nothing in a repository makes a write
 * or a command run without the user's confirmation.
 */

/** Everything the policy needs; hosts build it once per session. */
export interface PolicyContext extends PathContext {
  /** aurora.yaml's `agents.devops` (a read-only config when the file is missing). */
  config: AgentConfig;
  /** The user trusts this workspace; when false aurora.yaml is ignored and only reads are allowed. */
  trusted: boolean;
}

const READ_ONLY_TOOLS: readonly string[] = ['read_file', ...READ_HELPER_TOOLS];

/** The tools offered to the model: those aurora.yaml lists (read-only when untrusted), plus read helpers. */
export function offeredTools(config: AgentConfig, trusted: boolean): string[] {
  const granted = trusted ? config.tools : config.tools.filter((t) => t === 'read_file');
  const out: string[] = [...granted];
  if (!trusted && !out.includes('read_file')) {
    out.push('read_file');
  }
  if (out.includes('read_file')) {
    out.push(...READ_HELPER_TOOLS);
  }
  return out;
}

function deny(reasons: string[], extra: Partial<Decision> = {}): Decision {
  return { decision: 'deny', reasons, hosts: [], paths: [], ...extra };
}

/** Decide about one tool call. Never throws. */
export function decide(call: ToolCall, context: PolicyContext): Decision {
  try {
    return decideUnsafe(call, context);
  } catch (e) {
    return deny([`the policy could not evaluate this call (${e instanceof Error ? e.message : String(e)}); denied to be safe`]);
  }
}

function decideUnsafe(call: ToolCall, context: PolicyContext): Decision {
  const offered = offeredTools(context.config, context.trusted);
  if (!offered.includes(call.name)) {
    if (!context.trusted && !READ_ONLY_TOOLS.includes(call.name)) {
      return deny([`${call.name} is not available: the workspace is not trusted, so the agent may only read`]);
    }
    return deny([`${call.name} is not listed in aurora.yaml agents.devops.tools`]);
  }
  const input = call.input ?? {};
  switch (call.name) {
    case 'read_file':
      return decideRead(input.path, context);
    case 'list_files':
    case 'get_diagnostics': {
      if (input.path === undefined || input.path === '' || input.path === '.' || input.path === '/') {
        return { decision: 'allow', reasons: [], hosts: [], paths: [] };
      }
      return decideRead(input.path, context, call.name === 'list_files');
    }
    case 'write_file':
      return decideWrite(input.path, context);
    case 'run_shell_command':
      return decideCommand(input.command, input.cwd, context);
    default:
      return deny([`unknown tool ${call.name}`]);
  }
}

function decideRead(path: unknown, context: PolicyContext, folder = false): Decision {
  const r = resolveInWorkspace(path, context);
  if (!r.ok) {
    return deny([r.reason]);
  }
  const secret = folder ? undefined : (secretReason(r.path.relative) ?? secretReason(r.path.realRelative));
  if (secret) {
    return deny([`${r.path.relative} is not readable by the agent: ${secret}`], { paths: [r.path.real] });
  }
  if (folder && (/(^|\/)\.git$/i.test(r.path.relative) || secretReason(`${r.path.relative}/x`))) {
    return deny([`${r.path.relative} holds secrets or git internals`], { paths: [r.path.real] });
  }
  return { decision: 'allow', reasons: [], hosts: [], paths: [r.path.real] };
}

function decideWrite(path: unknown, context: PolicyContext): Decision {
  const r = resolveInWorkspace(path, context);
  if (!r.ok) {
    return deny([r.reason]);
  }
  const { relative, real } = r.path;
  for (const form of [r.path, ...r.alternates]) {
    const why = writeProblem(form.relative, form.realRelative, context);
    if (why) {
      return deny([why], { paths: [real] });
    }
  }
  return { decision: 'ask', reasons: [`writes /${relative}; the user reviews the change first`], hosts: [], paths: [real] };
}

/** Why the agent may not write a workspace path (lexical and real forms), or undefined. */
export function writeProblem(relative: string, realRelative: string, context: PathContext & { config: AgentConfig }): string | undefined {
  const secret = secretReason(relative) ?? secretReason(realRelative);
  if (secret) {
    return `the agent may not write ${relative}: ${secret}`;
  }
  const prot = protectedReason(relative) ?? protectedReason(realRelative);
  if (prot) {
    return `the agent may not write ${relative}: ${prot}`;
  }
  const entries = context.config.permissions.filesystem;
  if (!permittedByFilesystem(relative, entries, context.caseInsensitive) || !permittedByFilesystem(realRelative, entries, context.caseInsensitive)) {
    const where = relative === realRelative ? `/${relative}` : `/${relative} (really /${realRelative})`;
    return `${where} is outside permissions.filesystem (${entries.length > 0 ? entries.join(', ') : 'no writable paths in aurora.yaml'})`;
  }
  return undefined;
}

function decideCommand(command: unknown, cwd: unknown, context: PolicyContext): Decision {
  if (typeof command !== 'string' || command.trim() === '') {
    return deny(['a command is required']);
  }
  let start = context.workspaceRoot;
  if (cwd !== undefined && cwd !== '' && cwd !== '.') {
    const r = resolveInWorkspace(cwd, context);
    if (!r.ok) {
      return deny([`cwd: ${r.reason}`]);
    }
    start = r.path.absolute;
  }
  return commandDecision(analyzeCommand(command, { ...context, permissions: context.config.permissions, cwd: start }));
}

/** The decision for a command's facts: denied with reasons, or asked with what the user should know. */
export function commandDecision(facts: CommandFacts): Decision {
  const base: Pick<Decision, 'hosts' | 'paths'> = { hosts: facts.hosts, paths: facts.writes };
  const flags: Pick<Decision, 'destructive' | 'networked' | 'runsRepositoryCode' | 'wrapped'> = {
    ...(facts.destructive.length > 0 ? { destructive: true } : {}),
    ...(facts.networked.length > 0 || facts.hosts.length > 0 ? { networked: true } : {}),
    ...(facts.runsRepositoryCode.length > 0 ? { runsRepositoryCode: true } : {}),
    ...(facts.wrapped.length > 0 ? { wrapped: true } : {}),
  };
  if (facts.denials.length > 0) {
    return { decision: 'deny', reasons: facts.denials, ...base, ...flags };
  }
  // the approval card shows these: what reaches the network and what runs the repository's code
  const reasons = ['every command needs the user\'s confirmation', ...facts.destructive.map((d) => `destructive: ${d}`), ...facts.networked.map((n) => `network: ${n}`), ...facts.runsRepositoryCode.map((c) => `runs code: ${c}`), ...facts.notes];
  return { decision: 'ask', reasons, ...base, ...flags };
}

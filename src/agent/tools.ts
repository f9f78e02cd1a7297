import { analyze, analyzeFiles, detectKind, dirOf } from '../core';
import type { AnalyzeConfig, Finding, SourceFile } from '../core';
import { capText, redactSecrets } from './redact';
import type { SecretValues } from './secretValues';
import type { ToolSchema } from './model';
import type { Shell, Workspace } from './ports';
import { joinPath, relativeTo, secretReason } from './policy';
import { isWorkspaceRefusal } from './refusal';
import { sandboxNotesText } from './sandbox';
import type { AgentConfig, Decision } from './types';

/** The JSON schemas of every tool, by name (the loop offers only the granted ones). */
const SCHEMAS: Record<string, ToolSchema> = {
  read_file: {
    name: 'read_file',
    description: 'Read a text file of the workspace. Paths are relative to the workspace root. Secret files (.env, keys, *.tfstate, credentials) are refused, and secret values are redacted.',
    input_schema: { type: 'object', properties: { path: { type: 'string', description: 'Path relative to the workspace root, e.g. k8s/deployment.yaml' } }, required: ['path'] },
  },
  write_file: {
    name: 'write_file',
    description: 'Create or replace a whole text file, only inside the folders aurora.yaml permits. The user reviews a diff first. Aurora re-checks the file after the write and reports problems found.',
    input_schema: {
      type: 'object',
      properties: { path: { type: 'string', description: 'Path relative to the workspace root' }, content: { type: 'string', description: 'The complete new content of the file' } },
      required: ['path', 'content'],
    },
  },
  run_shell_command: {
    name: 'run_shell_command',
    description:
      'Run one shell command in the workspace after the user confirms it. Hosts it contacts must be in aurora.yaml permissions.network; files it writes must be in permissions.filesystem. No ssh into servers, no download-and-execute. Output is capped.',
    input_schema: {
      type: 'object',
      properties: { command: { type: 'string', description: 'The command line (bash syntax)' }, cwd: { type: 'string', description: 'Folder relative to the workspace root (default: the root)' } },
      required: ['command'],
    },
  },
  list_files: {
    name: 'list_files',
    description: 'List workspace files (dependency and VCS folders skipped), optionally filtered by a glob such as "k8s/**/*.yaml". At most 500 paths.',
    input_schema: {
      type: 'object',
      properties: { pattern: { type: 'string', description: 'Glob relative to the workspace root' }, path: { type: 'string', description: 'Folder to list (default: the root)' }, limit: { type: 'number', description: 'Maximum number of paths (default 200, at most 500)' } },
    },
  },
  get_diagnostics: {
    name: 'get_diagnostics',
    description: "Aurora's analysis findings (Dockerfile, Compose, Kubernetes, Terraform, GitHub Actions, GitLab CI rules) for one file, or a summary for the whole workspace when no path is given.",
    input_schema: { type: 'object', properties: { path: { type: 'string', description: 'File relative to the workspace root (omit for the whole workspace)' } } },
  },
};

/** Schemas of the given tools, in the given order. */
export function toolSchemas(names: readonly string[]): ToolSchema[] {
  return names.filter((n) => SCHEMAS[n] !== undefined).map((n) => ({ ...SCHEMAS[n] }));
}

/** What tool executors use. */
export interface ToolEnv {
  workspace: Workspace;
  shell: Shell;
  analyzeConfig: AnalyzeConfig;
  redact: boolean;
  /** Known secret values redacted wherever they appear (with `redact`). */
  secretValues?: SecretValues;
  outputLimit: number;
  commandTimeoutMs: number;
  /** The aurora.yaml in force, which the sandbox enforces on commands. */
  contract?: { root: string; config: AgentConfig };
  /** Files aurora.yaml's `exclude:` leaves out (workspace-relative paths): not in whole-workspace diagnostics. */
  excluded?: (relativePath: string) => boolean;
  signal?: AbortSignal;
  onOutput?: (chunk: string) => void;
}

/** The outcome of running a tool. */
export interface ToolOutcome {
  ok: boolean;
  output: string;
  findings?: Finding[];
  cancelled?: boolean;
}

/** Workspace-relative form of an absolute path. */
export function workspaceRelative(workspace: Workspace, abs: string): string {
  const real = workspace.realpath(workspace.root) ?? workspace.root;
  return relativeTo(real, abs, workspace.caseInsensitive) ?? relativeTo(workspace.root, abs, workspace.caseInsensitive) ?? abs;
}

function clean(env: ToolEnv, text: string): string {
  const scrubbed = env.redact ? redactSecrets(text, env.secretValues).text : text;
  return capText(scrubbed, env.outputLimit);
}

/** Findings as short lines the model can act on. */
export function formatFindings(path: string, findings: readonly Finding[], limit = 30): string {
  const lines = findings.slice(0, limit).map((f) => `- ${path}:${f.range.start.line + 1} ${f.severity} ${f.ruleId}: ${f.message}${f.fix ? ` (fix: ${f.fix.title})` : ''}`);
  if (findings.length > limit) {
    lines.push(`- … and ${findings.length - limit} more`);
  }
  return lines.join('\n');
}

/** Run a tool the policy (and the user, when asked) let through. */
export async function executeTool(name: string, input: Readonly<Record<string, unknown>>, decision: Decision, env: ToolEnv): Promise<ToolOutcome> {
  switch (name) {
    case 'read_file': {
      const abs = decision.paths[0];
      const read = await refusalOr(() => env.workspace.readText(abs));
      if (read.refused !== undefined) {
        return { ok: false, output: read.refused };
      }
      const text = read.value;
      if (text === undefined) {
        return { ok: false, output: `${String(input.path)} does not exist. Use list_files to find the right path.` };
      }
      if (text.includes('\u0000')) {
        return { ok: false, output: `${String(input.path)} is a binary file.` };
      }
      return { ok: true, output: clean(env, text) };
    }
    case 'write_file': {
      const abs = decision.paths[0];
      const content = typeof input.content === 'string' ? input.content : undefined;
      if (content === undefined) {
        return { ok: false, output: 'write_file needs a string "content" with the whole new file.' };
      }
      const read = await refusalOr(() => env.workspace.readText(abs));
      if (read.refused !== undefined) {
        return { ok: false, output: read.refused };
      }
      const before = read.value;
      const wrote = await refusalOr(() => env.workspace.writeText(abs, content));
      if (wrote.refused !== undefined) {
        return { ok: false, output: wrote.refused };
      }
      const rel = workspaceRelative(env.workspace, abs);
      const lines = content.split('\n').length;
      let output = `${before === undefined ? 'Created' : 'Wrote'} ${rel} (${lines} lines).`;
      let findings: Finding[] = [];
      let folder: SourceFile[] = [];
      try {
        folder = detectKind(rel, content) ? await folderOf(rel, env) : [];
        findings = findingsAfterWrite(rel, content, folder, env);
      } catch (e) {
        // the write happened: report it, and why it could not be checked
        return { ok: true, output: `${output} (Aurora could not analyse it: ${e instanceof Error ? e.message : String(e)})` };
      }
      if (detectKind(rel, content)) {
        const old = before !== undefined ? safeAnalyze(rel, before, folder, env) : [];
        const key = (f: Finding): string => `${f.ruleId}\u0000${f.message}`;
        const oldKeys = new Set(old.map(key));
        const fresh = findings.filter((f) => !oldKeys.has(key(f)));
        if (findings.length === 0) {
          output += ' Aurora found no problems in it.';
        } else {
          output += `\nAurora found ${findings.length} problem(s) in ${rel} after the write (${fresh.length} new):\n${formatFindings(rel, findings)}`;
        }
      }
      return { ok: true, output, findings };
    }
    case 'run_shell_command': {
      const command = String(input.command);
      const cwd = typeof input.cwd === 'string' && input.cwd !== '' ? (await resolveCwd(env, input.cwd)) : env.workspace.root;
      const result = await env.shell.run({ command, cwd, timeoutMs: env.commandTimeoutMs, signal: env.signal, onOutput: env.onOutput, contract: env.contract });
      if (result.refused !== undefined) {
        return { ok: false, output: result.refused };
      }
      const body = clean(env, result.output);
      // what the sandbox stopped goes to the model in words, after the output it explains
      const notes = sandboxNotesText(result.notes);
      if (result.cancelled) {
        return { ok: false, output: `Cancelled by the user.\n${body}${notes}`, cancelled: true };
      }
      if (result.timedOut) {
        return { ok: false, output: `Timed out after ${Math.round(env.commandTimeoutMs / 1000)} s and was stopped.\n${body}${notes}` };
      }
      return { ok: result.exitCode === 0, output: `exit code ${result.exitCode ?? 'none (killed)'}\n${body}${notes}` };
    }
    case 'list_files': {
      const limit = Math.max(1, Math.min(500, typeof input.limit === 'number' ? Math.floor(input.limit) : 200));
      const under = typeof input.path === 'string' && input.path !== '' && input.path !== '.' && input.path !== '/' ? decision.paths[0] : undefined;
      const pattern = typeof input.pattern === 'string' && input.pattern !== '' ? input.pattern : undefined;
      const listed = await env.workspace.list({ pattern, under, limit });
      const files = listed.files;
      if (files.length === 0) {
        return { ok: true, output: 'No files match.' };
      }
      return { ok: true, output: files.join('\n') + (listed.truncated ? `\n[… more files not listed; narrow the pattern]` : '') };
    }
    case 'get_diagnostics':
      return diagnostics(input, decision, env);
    default:
      return { ok: false, output: `Unknown tool ${name}.` };
  }
}

/**
 * Run a workspace file operation; a WorkspaceRefusal (a link out of the workspace, a secret
 * under another name) becomes its sentence for the model. Other errors propagate: the loop
 * reports them as a failed tool.
 */
async function refusalOr<T>(op: () => Promise<T>): Promise<{ value: T; refused?: undefined } | { refused: string }> {
  try {
    return { value: await op() };
  } catch (e) {
    if (isWorkspaceRefusal(e)) {
      return { refused: e.message };
    }
    throw e;
  }
}

/** Findings of a file just written, every rule in its folder (empty for kinds Aurora does not analyse). */
function findingsAfterWrite(rel: string, content: string, folder: readonly SourceFile[], env: ToolEnv): Finding[] {
  return detectKind(rel, content) ? analyze(rel, content, env.analyzeConfig, {}, folder) : [];
}

function safeAnalyze(rel: string, text: string, folder: readonly SourceFile[], env: ToolEnv): Finding[] {
  try {
    return analyze(rel, text, env.analyzeConfig, {}, folder);
  } catch {
    return [];
  }
}

/** Most neighbours read for the cross-file rules of one file (a module folder is rarely larger). */
const MAX_FOLDER_FILES = 200;

/**
 * The other files of `rel`'s folder (workspace-relative), which the cross-file rules read (a
 * Terraform module, the manifests beside a Service). Secret files are never read.
 */
async function folderOf(rel: string, env: ToolEnv): Promise<SourceFile[]> {
  const dir = dirOf(rel);
  const root = env.workspace.root.replace(/[\\/]$/, '');
  const listed = await env.workspace.list({ under: dir === '' ? undefined : `${root}/${dir}`, limit: 5000 });
  const out: SourceFile[] = [];
  for (const other of listed.files) {
    if (out.length >= MAX_FOLDER_FILES) {
      break;
    }
    if (other === rel || dirOf(other) !== dir || secretReason(other) || !(detectKind(other) || /\.ya?ml$/i.test(other))) {
      continue;
    }
    const text = await env.workspace.readText(`${root}/${other}`);
    if (text !== undefined) {
      out.push({ path: other, text });
    }
  }
  return out;
}

async function resolveCwd(env: ToolEnv, cwd: string): Promise<string> {
  // the policy checked this same resolution: the folder is inside the workspace
  return joinPath(env.workspace.root, cwd);
}

/** Infra files of the workspace with their text (bounded), for analysis and the prompt. */
export async function infraSources(workspace: Workspace, max = 300, excluded?: (relativePath: string) => boolean): Promise<{ sources: SourceFile[]; all: string[]; truncated: boolean; excludedCount: number }> {
  const listed = await workspace.list({ limit: 5000 });
  const sources: SourceFile[] = [];
  let excludedCount = 0;
  for (const rel of listed.files) {
    if (sources.length >= max) {
      break;
    }
    if (secretReason(rel)) {
      continue;
    }
    if (excluded?.(rel)) {
      // counted when its name alone says it is an infrastructure file
      excludedCount += detectKind(rel) !== undefined ? 1 : 0;
      continue;
    }
    const byName = detectKind(rel);
    const maybeYaml = /\.ya?ml$/i.test(rel);
    if (!byName && !maybeYaml) {
      continue;
    }
    const read = await refusalOr(() => workspace.readText(`${workspace.root.replace(/[\\/]$/, '')}/${rel}`));
    // a refused file (a link swapped in since the listing) is left out of the summary
    const text = read.refused === undefined ? read.value : undefined;
    if (text === undefined || text.length > 1_000_000 || !detectKind(rel, text)) {
      continue;
    }
    sources.push({ path: rel, text });
  }
  return { sources, all: listed.files, truncated: listed.truncated, excludedCount };
}

async function diagnostics(input: Readonly<Record<string, unknown>>, decision: Decision, env: ToolEnv): Promise<ToolOutcome> {
  if (typeof input.path === 'string' && input.path !== '' && input.path !== '.' && input.path !== '/') {
    const abs = decision.paths[0];
    const read = await refusalOr(() => env.workspace.readText(abs));
    if (read.refused !== undefined) {
      return { ok: false, output: read.refused };
    }
    const text = read.value;
    const rel = workspaceRelative(env.workspace, abs);
    if (text === undefined) {
      return { ok: false, output: `${rel} does not exist.` };
    }
    if (!detectKind(rel, text)) {
      return { ok: true, output: `${rel} is not a file kind Aurora analyses (Dockerfile, Compose, Kubernetes, Terraform, GitHub Actions, GitLab CI).` };
    }
    const findings = analyze(rel, text, env.analyzeConfig, {}, await folderOf(rel, env));
    return { ok: true, output: findings.length === 0 ? `No problems in ${rel}.` : formatFindings(rel, findings, 100), findings };
  }
  const { sources, excludedCount } = await infraSources(env.workspace, undefined, env.excluded);
  const byFile = analyzeFiles(sources, env.analyzeConfig);
  const skipped = excludedCount > 0 ? ` (${excludedCount} more left out by aurora.yaml's exclude:)` : '';
  const parts: string[] = [];
  let total = 0;
  for (const [path, findings] of byFile) {
    if (findings.length > 0) {
      total += findings.length;
      parts.push(formatFindings(path, findings, 15));
    }
  }
  if (total === 0) {
    return { ok: true, output: `No problems in ${sources.length} infrastructure file(s)${skipped}.` };
  }
  return { ok: true, output: capText(`${total} problem(s) in ${sources.length} infrastructure file(s)${skipped}:\n${parts.join('\n')}`, env.outputLimit) };
}

import { parseYamlFile, get, getPair, isMap, isSeq, mapEntries, num, rangeOf, seqItems, str } from '../core/parsers/yaml';
import type { YamlFile } from '../core/parsers/yaml';
import type { Range } from '../core/types';
import { CONFIGURABLE_TOOLS } from './types';
import type { AgentConfig, ConfigurableTool } from './types';

/** Used when aurora.yaml names no model and the caller gives none. */
export const DEFAULT_MODEL = 'claude-sonnet-4-5';

/** A problem in aurora.yaml's `agents.devops` section: where it is and what to do. */
export interface AgentConfigProblem {
  message: string;
  /** 1-based line, for `file:line: message` output. */
  line: number;
  range: Range;
}

/** The outcome of reading aurora.yaml: always a usable config, plus the problems found. */
export interface AgentConfigResult {
  config: AgentConfig;
  problems: AgentConfigProblem[];
  /** False when there was no aurora.yaml (the agent is read-only). */
  found: boolean;
  /** False when aurora.yaml exists but has no `agents.devops` section. */
  hasDevopsAgent: boolean;
}

/** The configuration of a workspace without aurora.yaml, or an untrusted one: read-only. */
export function readOnlyConfig(): AgentConfig {
  return { tools: ['read_file'], permissions: { filesystem: [], network: [] } };
}

const KNOWN_KEYS = new Set(['model', 'temperature', 'tools', 'permissions', 'max_tokens', 'description', 'prompt', 'system_prompt', 'instructions', 'name']);

/**
 * Read `agents.devops` from the text of an aurora.yaml (undefined = no file). Never throws:
 * a malformed section yields problems with positions and the safest reading of the rest
 * (unknown tools dropped, bad permission entries ignored).
 */
export function parseAgentConfig(text: string | undefined): AgentConfigResult {
  if (text === undefined) {
    return { config: readOnlyConfig(), problems: [], found: false, hasDevopsAgent: false };
  }
  const file = parseYamlFile(text);
  const problems: AgentConfigProblem[] = [];
  const problem = (node: unknown, message: string): void => {
    const range = rangeOf(file, node);
    problems.push({ message, line: range.start.line + 1, range });
  };
  const empty: AgentConfig = { tools: [], permissions: { filesystem: [], network: [] } };
  if (file.error) {
    problems.push({ message: `aurora.yaml does not parse: ${file.error.message}; the agent is read-only until it does`, line: file.error.range.start.line + 1, range: file.error.range });
    return { config: readOnlyConfig(), problems, found: true, hasDevopsAgent: false };
  }
  const doc = file.documents[0];
  const agents = doc ? get(doc.contents, 'agents', doc) : undefined;
  const devops = agents !== undefined ? get(agents, 'devops', doc) : undefined;
  if (agents !== undefined && !isMap(agents)) {
    problem(agents, 'agents: expected a mapping of agent names to settings');
  }
  if (devops === undefined || devops === null || (isScalarNull(devops))) {
    return { config: empty, problems, found: true, hasDevopsAgent: false };
  }
  if (!isMap(devops)) {
    problem(devops, 'agents.devops: expected a mapping with model, temperature, tools and permissions');
    return { config: empty, problems, found: true, hasDevopsAgent: false };
  }
  const config: AgentConfig = { tools: [], permissions: { filesystem: [], network: [] } };
  for (const { key, pair } of mapEntries(devops, doc)) {
    if (!KNOWN_KEYS.has(key)) {
      problem(pair.key, `agents.devops.${key}: unknown setting (known: model, temperature, tools, permissions)`);
    }
  }
  const model = get(devops, 'model', doc);
  if (model !== undefined) {
    const id = str(model);
    if (id === undefined || id.trim() === '' || /\s/.test(id.trim())) {
      problem(model, 'agents.devops.model: expected a model id such as claude-sonnet-4-5');
    } else {
      config.model = id.trim();
    }
  }
  const temperature = get(devops, 'temperature', doc);
  if (temperature !== undefined) {
    const t = num(temperature);
    if (t === undefined || t < 0 || t > 1) {
      problem(temperature, 'agents.devops.temperature: expected a number from 0 to 1');
    } else {
      config.temperature = t;
    }
  }
  const tools = get(devops, 'tools', doc);
  if (tools !== undefined) {
    if (!isSeq(tools)) {
      problem(tools, `agents.devops.tools: expected a list such as [${CONFIGURABLE_TOOLS.join(', ')}]`);
    }
    for (const item of seqItems(tools, doc)) {
      const name = str(item);
      if (name !== undefined && (CONFIGURABLE_TOOLS as readonly string[]).includes(name)) {
        if (!config.tools.includes(name as ConfigurableTool)) {
          config.tools.push(name as ConfigurableTool);
        }
      } else {
        problem(item, `agents.devops.tools: unknown tool '${name ?? ''}' (known: ${CONFIGURABLE_TOOLS.join(', ')}); it is not offered to the model`);
      }
    }
  }
  const permissions = get(devops, 'permissions', doc);
  if (permissions !== undefined && !isMap(permissions) && !isScalarNull(permissions)) {
    problem(permissions, 'agents.devops.permissions: expected a mapping with filesystem and network lists');
  }
  if (isMap(permissions)) {
    for (const { key, pair } of mapEntries(permissions, doc)) {
      if (key !== 'filesystem' && key !== 'network') {
        problem(pair.key, `agents.devops.permissions.${key}: unknown permission (known: filesystem, network)`);
      }
    }
    config.permissions.filesystem = readList(file, permissions, 'filesystem', problems, validateFilesystemEntry);
    config.permissions.network = readList(file, permissions, 'network', problems, validateNetworkEntry);
  }
  return { config, problems, found: true, hasDevopsAgent: true };
}

function isScalarNull(node: unknown): boolean {
  return (node as { value?: unknown } | null)?.value === null && !isMap(node) && !isSeq(node);
}

function readList(file: YamlFile, map: unknown, key: string, problems: AgentConfigProblem[], validate: (entry: string) => string | undefined): string[] {
  const doc = file.documents[0];
  const node = get(map, key, doc);
  const out: string[] = [];
  if (node === undefined || isScalarNull(node)) {
    return out;
  }
  const push = (at: unknown, message: string): void => {
    const range = rangeOf(file, at);
    problems.push({ message, line: range.start.line + 1, range });
  };
  if (!isSeq(node)) {
    push(getPair(map, key, doc)?.value ?? node, `agents.devops.permissions.${key}: expected a list`);
    return out;
  }
  for (const item of seqItems(node, doc)) {
    const value = str(item);
    if (value === undefined) {
      push(item, `agents.devops.permissions.${key}: expected a string entry`);
      continue;
    }
    const bad = validate(value.trim());
    if (bad) {
      push(item, `agents.devops.permissions.${key}: '${value}' ${bad}; the entry is ignored`);
      continue;
    }
    out.push(value.trim());
  }
  return out;
}

/** Why a filesystem entry is unusable, or undefined when it is fine. */
export function validateFilesystemEntry(entry: string): string | undefined {
  if (entry === '') {
    return 'is empty';
  }
  const norm = entry.replace(/\\/g, '/');
  if (norm.split('/').some((s) => s === '..')) {
    return "must stay inside the workspace ('..' is not allowed)";
  }
  if (/^[A-Za-z]:/.test(norm) || norm.startsWith('~')) {
    return 'must be a workspace path such as "/k8s" ("/" is the workspace root)';
  }
  return undefined;
}

/** Why a network entry is unusable, or undefined when it is fine. */
export function validateNetworkEntry(entry: string): string | undefined {
  if (entry === '') {
    return 'is empty';
  }
  if (entry === '*' || entry === '*.*') {
    return 'would allow every host; list the hosts instead';
  }
  if (/[/:@]/.test(entry) && !/^\[?[0-9a-f:.]+\]?$/i.test(entry)) {
    return 'must be a host name such as github.com or *.amazonaws.com (no scheme, port or path)';
  }
  if (entry.includes('*') && !/^\*\.[^*]+$/.test(entry)) {
    return "may only use '*.' as a prefix, as in *.example.com";
  }
  return undefined;
}

/** Folders that usually hold infrastructure files, writable in a new aurora.yaml when they exist. */
const INFRA_FOLDERS = ['k8s', 'kubernetes', 'manifests', 'deploy', 'deployment', 'helm', 'charts', 'terraform', 'infra', 'infrastructure', '.github', 'docker'];

/**
 * A starting aurora.yaml ("Create one" when there is none): every tool, writes only under the
 * infrastructure folders the workspace has, no network host. The user reviews it before saving.
 */
export function defaultAuroraYaml(folders: readonly string[]): string {
  const writable = INFRA_FOLDERS.filter((f) => folders.includes(f)).map((f) => `"/${f}"`);
  return [
    '# The DevOps agent\'s contract: what it may do in this workspace (docs/agent.md).',
    'agents:',
    '  devops:',
    '    tools: [read_file, write_file, run_shell_command]',
    '    permissions:',
    '      # where write_file and commands may write ("/" is the workspace root; folders or globs)',
    `      filesystem: [${writable.join(', ')}]`,
    '      # hosts commands may contact (e.g. "github.com", "*.amazonaws.com")',
    '      network: []',
    '',
  ].join('\n');
}

/** One line saying what aurora.yaml lets the agent do (the chat's banner). */
export function contractSummary(config: AgentConfig): string {
  const tools = config.tools.length > 0 ? config.tools.join(', ') : 'none';
  const fs = config.permissions.filesystem.length > 0 ? config.permissions.filesystem.join(', ') : 'nowhere';
  const net = config.permissions.network.length > 0 ? config.permissions.network.join(', ') : 'no hosts';
  return `tools: ${tools} · writes: ${fs} · network: ${net} · every command and write needs your approval`;
}

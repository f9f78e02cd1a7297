/** Shared access to the parts of aurora.yaml the aurora rules check. */
import type { Document } from 'yaml';
import { isMap } from 'yaml';
import type { YamlFile } from '../../parsers/yaml';
import { get } from '../../parsers/yaml';

/** The tools the devops agent can be given. */
export const TOOLS: readonly string[] = ['run_shell_command', 'read_file', 'write_file'];

/** Severity levels accepted under `rules:`. */
export const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'];

/** Keys known at each level of aurora.yaml. */
export const TOP_KEYS: readonly string[] = ['agents', 'rules', 'baseline', 'policies'];
export const DEVOPS_KEYS: readonly string[] = ['model', 'temperature', 'tools', 'permissions'];
export const PERMISSION_KEYS: readonly string[] = ['filesystem', 'network'];

/** The nodes of one aurora.yaml document. */
export interface AuroraDoc {
  doc: Document.Parsed;
  root: unknown;
  agents: unknown;
  devops: unknown;
  permissions: unknown;
  rules: unknown;
}

/** The documents of an aurora.yaml that are mappings (normally exactly one). */
export function auroraDocs(file: YamlFile): AuroraDoc[] {
  return file.documents
    .filter((doc) => isMap(doc.contents))
    .map((doc) => {
      const root = doc.contents;
      const agents = get(root, 'agents', doc);
      const devops = get(agents, 'devops', doc);
      return { doc, root, agents, devops, permissions: get(devops, 'permissions', doc), rules: get(root, 'rules', doc) };
    });
}

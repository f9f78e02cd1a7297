import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, seqItems, str } from '../../parsers/yaml';
import { auroraDocs } from './config';
import { escapeReason } from './paths';

/** The message for a filesystem entry outside the workspace. */
export function message(entry: string, reason: 'parent' | 'host' | 'home' | 'drive'): string {
  switch (reason) {
    case 'parent':
      return `'${entry}' climbs out of the workspace with '..': the agent may only write inside the workspace, so list folders below it (e.g. "/k8s")`;
    case 'host':
      return `'${entry}' looks like a host system path, but "/" in aurora.yaml is the workspace root: this grants <workspace>${entry.trim()}, and the agent can never write to the host's ${entry.trim()}. List workspace folders instead`;
    case 'home':
      return `'${entry}' points at a home directory outside the workspace: the agent may only write inside the workspace`;
    default:
      return `'${entry}' is an absolute host path; entries are relative to the workspace root ("/" is the root, "/k8s" its k8s folder)`;
  }
}

/** Filesystem permissions must stay inside the workspace. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/filesystem-escape',
  meta: {
    title: 'Filesystem permission outside the workspace',
    description: 'Write permissions are resolved against the workspace root. Entries with `..` that climb above it, home directories, drive letters and host system paths (/etc, /usr, /home) either grant nothing or show a misunderstanding of what the agent may touch.',
    severity: 'error',
    kind: 'aurora',
    fixable: false,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      for (const item of seqItems(get(a.permissions, 'filesystem', a.doc), a.doc)) {
        const entry = str(item);
        const reason = entry === undefined ? undefined : escapeReason(entry);
        if (entry !== undefined && reason) {
          ctx.report({ range: rangeOf(ctx.model, item), message: message(entry, reason) });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { composeServices, isOneShot, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a service that explicitly runs as root. */
export function message(service: string, user: string): string {
  return `Service '${service}' sets user '${user}', so it runs as root even if its image chose an unprivileged user; use a non-root UID (e.g. "10001:10001")`;
}

/** Whether a `user:` value names root (`root`, `0`, `root:root`, `0:0`). */
export function isRootUser(value: string): boolean {
  const name = value.trim().split(':')[0];
  return name === 'root' || name === '0';
}

/** `user: root` overrides the non-root user an image may declare. */
export const rule: Rule<YamlFile> = {
  id: 'compose/user-root',
  meta: {
    title: 'Service runs as root explicitly',
    description: '`user: root` (or `0`) forces the container process to run as root, undoing the unprivileged USER an image sets.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    const all = composeServices(ctx.model);
    for (const service of all) {
      // one-shot init steps (fixing volume ownership, migrations) legitimately run as root
      if (isOneShot(service, all)) {
        continue;
      }
      const entry = mergedEntry(service.node, 'user', service.doc);
      const user = str(entry?.value);
      if (entry && user !== undefined && isRootUser(user)) {
        report({ range: rangeOf(ctx.model, entry.pair.key), message: message(service.name, user) });
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** What sharing each host namespace exposes. */
const NAMESPACES: Readonly<Record<string, string>> = {
  network_mode: 'the host network: it can bind any host port and reach services listening on localhost',
  pid: 'the host process table: it can see and signal every process on the host',
  ipc: 'host IPC: it can read shared memory of host processes',
  uts: 'the host UTS namespace: it can change the host name',
  userns_mode: 'the host user namespace: user-namespace remapping is off for it',
  cgroup: 'the host cgroup namespace: it sees the host cgroup tree',
};

/** The message for a service sharing a host namespace. */
export function message(service: string, key: string): string {
  return `Service '${service}' sets ${key}: host, so it shares ${NAMESPACES[key] ?? 'a host namespace'}; remove it unless the service truly needs it`;
}

/** Sharing host namespaces removes a layer of isolation. */
export const rule: Rule<YamlFile> = {
  id: 'compose/host-namespace',
  meta: {
    title: 'Service shares a host namespace',
    description: '`network_mode: host`, `pid: host`, `ipc: host` (and `uts`, `userns_mode`, `cgroup`) give the container a view of, and power over, the host.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      for (const key of Object.keys(NAMESPACES)) {
        const entry = mergedEntry(service.node, key, service.doc);
        if (entry && str(entry.value)?.trim().toLowerCase() === 'host') {
          report({ range: rangeOf(ctx.model, entry.pair.key), message: message(service.name, key) });
        }
      }
    }
  },
};

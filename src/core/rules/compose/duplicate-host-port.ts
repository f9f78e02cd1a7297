import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, rangeOf, seqItems, str } from '../../parsers/yaml';
import type { Range } from '../../types';
import { composeServices } from './model';
import { mergedEntry } from '../shared/yamlMerge';
import { isAllInterfaces, parsePort } from './ports';

/** The message for a host port published twice. */
export function message(service: string, port: number, protocol: string, first: string): string {
  return `Service '${service}' publishes host port ${port}/${protocol}, which service '${first}' already publishes: the second one fails with "port is already allocated"; pick another host port`;
}

interface Published {
  service: string;
  profiles: string[];
  ip?: string;
  ports: [number, number];
  protocol: string;
  range: Range;
}

function overlaps(a: Published, b: Published): number | undefined {
  if (a.protocol !== b.protocol) {
    return undefined;
  }
  if (!isAllInterfaces(a.ip) && !isAllInterfaces(b.ip) && a.ip !== b.ip) {
    return undefined;
  }
  // services in disjoint profiles are alternatives that normally never run together
  if (a.service !== b.service && a.profiles.length > 0 && b.profiles.length > 0 && !a.profiles.some((p) => b.profiles.includes(p))) {
    return undefined;
  }
  const lo = Math.max(a.ports[0], b.ports[0]);
  return lo <= Math.min(a.ports[1], b.ports[1]) ? lo : undefined;
}

/** Two mappings cannot bind the same host port. */
export const rule: Rule<YamlFile> = {
  id: 'compose/duplicate-host-port',
  meta: {
    title: 'Host port published twice',
    description: 'Only one container can bind a host port on an address; a second mapping of the same port and protocol makes `docker compose up` fail.',
    severity: 'error',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const published: Published[] = [];
    for (const service of composeServices(ctx.model)) {
      const profiles = seqItems(mergedEntry(service.node, 'profiles', service.doc)?.value, service.doc)
        .map((p) => str(p))
        .filter((p): p is string => p !== undefined);
      for (const item of seqItems(mergedEntry(service.node, 'ports', service.doc)?.value, service.doc)) {
        const mapping = parsePort(item, service.doc);
        if (!mapping || !mapping.hostPorts || mapping.hostDynamic) {
          continue;
        }
        const current: Published = {
          service: service.name,
          profiles,
          ip: mapping.hostIp,
          ports: mapping.hostPorts,
          protocol: mapping.protocol,
          range: rangeOf(ctx.model, isMap(item) ? item.items[0]?.key ?? item : item),
        };
        for (const earlier of published) {
          const port = overlaps(earlier, current);
          if (port !== undefined) {
            ctx.report({
              range: current.range,
              message: message(service.name, port, mapping.protocol, earlier.service),
              related: [{ path: ctx.path, range: earlier.range, message: `port ${port} first published by service '${earlier.service}'` }],
            });
            break;
          }
        }
        published.push(current);
      }
    }
  },
};

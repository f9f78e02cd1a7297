import type { Document } from 'yaml';
import { isMap, isScalar, num, str } from '../../parsers/yaml';
import { mergedEntry } from '../shared/yamlMerge';

/** One `ports:` entry, short or long syntax, reduced to what the rules compare. */
export interface PortMapping {
  /** Host address; undefined means all interfaces. */
  hostIp?: string;
  /** Published host port range; undefined when Docker picks a random port. */
  hostPorts?: [number, number];
  /** The host part is an interpolation Compose fills in at run time. */
  hostDynamic: boolean;
  containerPorts?: [number, number];
  protocol: string;
  /** Long syntax (a map). */
  long: boolean;
}

/** Replace `${VAR:-default}` / `${VAR-default}` with the default; leaves other variables. */
export function withDefaults(text: string): string {
  return text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^{}]*)\}/g, '$1');
}

function range(text: string | undefined): [number, number] | undefined {
  if (text === undefined) {
    return undefined;
  }
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const lo = Number(m[1]);
  return [lo, m[2] ? Number(m[2]) : lo];
}

/** Parse a short-syntax port: `[ip:][host:]container[/proto]`, IPv6 in brackets or bare. */
export function parseShortPort(spec: string): PortMapping {
  let s = withDefaults(spec.trim());
  let protocol = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    protocol = s.slice(slash + 1).toLowerCase();
    s = s.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    hostIp = s.slice(1, close);
    s = s.slice(close + 2);
  }
  const parts = s.split(':');
  let host: string | undefined;
  let container: string;
  if (parts.length >= 3) {
    hostIp = hostIp ?? parts.slice(0, -2).join(':');
    host = parts[parts.length - 2];
    container = parts[parts.length - 1];
  } else if (parts.length === 2) {
    host = parts[0];
    container = parts[1];
  } else {
    container = parts[0];
  }
  return {
    hostIp: hostIp || undefined,
    hostPorts: host ? range(host) : undefined,
    hostDynamic: host !== undefined && host.includes('$'),
    containerPorts: range(container),
    protocol,
    long: false,
  };
}

/** Parse one item of `ports:` (a string, a number, or the long-syntax map). */
export function parsePort(item: unknown, doc: Document): PortMapping | undefined {
  if (isScalar(item)) {
    const text = str(item);
    return text === undefined ? undefined : parseShortPort(text);
  }
  if (!isMap(item)) {
    return undefined;
  }
  const target = mergedEntry(item, 'target', doc)?.value;
  const published = mergedEntry(item, 'published', doc)?.value;
  const publishedText = published === undefined ? undefined : withDefaults(str(published) ?? '');
  const targetNumber = num(target);
  return {
    hostIp: str(mergedEntry(item, 'host_ip', doc)?.value) || undefined,
    hostPorts: range(publishedText),
    hostDynamic: publishedText !== undefined && publishedText.includes('$'),
    containerPorts: targetNumber !== undefined ? [targetNumber, targetNumber] : range(withDefaults(str(target) ?? '')),
    protocol: (str(mergedEntry(item, 'protocol', doc)?.value) ?? 'tcp').toLowerCase(),
    long: true,
  };
}

/** Whether a host address means every interface. */
export function isAllInterfaces(ip: string | undefined): boolean {
  return ip === undefined || ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

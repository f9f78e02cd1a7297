import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, rangeOf, seqItems, str } from '../../parsers/yaml';
import type { Fix, Severity } from '../../types';
import { auroraDocs } from './config';

/** What is wrong with a network entry. */
export type HostProblem = 'everything' | 'tld' | 'url' | 'port' | 'malformed' | 'empty';

/** The message for a network entry that is not a usable host pattern. */
export function message(entry: string, problem: HostProblem): string {
  switch (problem) {
    case 'everything':
      return `'${entry}' allows every host, which turns the network allow-list off: list the hosts commands need`;
    case 'tld':
      return `'${entry}' matches every site under a top-level domain: name the service's own domain (e.g. "*.amazonaws.com")`;
    case 'url':
      return `'${entry}' is a URL; network entries are host names such as "${hostOf(entry) || 'github.com'}"`;
    case 'port':
      return `'${entry}' has a port; network entries are host names only`;
    case 'empty':
      return 'Empty network entry: remove it or write a host name';
    default:
      return `'${entry}' is not a host name or "*.domain" pattern`;
  }
}

const LABEL = '[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?';
const HOST = new RegExp(`^(\\*\\.)?(${LABEL}\\.)*${LABEL}\\.?$`, 'i');
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu']);

function hostOf(entry: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]+)/i.exec(entry.trim());
  const authority = m ? m[1] : entry.trim().split('/')[0];
  return authority.replace(/^[^@]*@/, '').replace(/:\d+$/, '');
}

/** Classify a network entry; undefined when it is a good host pattern. */
export function hostProblem(entry: string): HostProblem | undefined {
  const e = entry.trim();
  if (e === '') {
    return 'empty';
  }
  if (e === '*' || e === '*.*' || e === '**' || e === '0.0.0.0/0') {
    return 'everything';
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e) || (/\//.test(e) && !/\s/.test(e))) {
    return 'url';
  }
  if (/^[^\s:]+:\d+$/.test(e)) {
    return 'port';
  }
  if (IPV4.test(e)) {
    return undefined;
  }
  if (!HOST.test(e)) {
    return 'malformed';
  }
  if (e.startsWith('*.')) {
    const labels = e.slice(2).replace(/\.$/, '').split('.');
    if (labels.length === 1 || (labels.length === 2 && SECOND_LEVEL.has(labels[0].toLowerCase()) && labels[1].length === 2)) {
      return 'tld';
    }
  }
  return undefined;
}

/** Network permissions must be host names or narrow wildcards. */
export const rule: Rule<YamlFile> = {
  id: 'aurora/invalid-network-host',
  meta: {
    title: 'Network permission is malformed or allows everything',
    description: 'Entries are matched against the hosts a command contacts. URLs, ports and spaces never match, so the command is denied; "*" or "*.com" allows anything and makes the allow-list pointless.',
    severity: 'warning',
    kind: 'aurora',
    fixable: true,
  },
  check(ctx) {
    for (const a of auroraDocs(ctx.model)) {
      for (const item of seqItems(get(a.permissions, 'network', a.doc), a.doc)) {
        const entry = str(item);
        if (entry === undefined) {
          continue;
        }
        const problem = hostProblem(entry);
        if (!problem) {
          continue;
        }
        const severity: Severity = problem === 'everything' || problem === 'tld' ? 'warning' : 'error';
        let fix: Fix | undefined;
        if (problem === 'url' || problem === 'port') {
          const host = hostOf(entry);
          if (host && !hostProblem(host)) {
            fix = { title: `Replace with '${host}'`, safe: false, edits: [{ range: rangeOf(ctx.model, item), newText: host }] };
          }
        }
        ctx.report({ range: rangeOf(ctx.model, item), message: message(entry, problem), severity, fix });
      }
    }
  },
};

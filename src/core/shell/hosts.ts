/**
 * Network destinations named by commands: URLs in arguments and option values, `user@host:path`
 * operands of git/scp/rsync, and the host operand of ssh-like tools. A downloader or network
 * tool whose destination is computed is an Unknown (`dynamic-host`).
 */
import type { ShellWord } from '../parsers/shell';
import { DOWNLOADERS } from './downloads';
import type { CommandRun, HostContact, Unknown } from './types';

const SCP_LIKE = new Set(['git', 'scp', 'rsync', 'sftp']);
const SSH_LIKE = new Set(['ssh', 'autossh', 'mosh', 'slogin', 'ssh-copy-id']);
const SSH_VALUES = ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-E', '-b', '-c', '-m', '-O', '-Q', '-S', '-W', '-w', '-B', '-e'];
/** Options whose value is a network destination. */
const DESTINATION_OPTIONS = new Set(['--server', '--endpoint', '--endpoint-url', '--url', '--registry', '--index-url', '--extra-index-url', '--find-links', '--trusted-host', '--proxy', '--address', '--addr', '--api-url', '--kube-apiserver', '--base-url', '--repo-url']);

/** The host of a URL (lower case, no user, no port; IPv6 without brackets), or undefined. */
export function urlHost(url: string): string | undefined {
  // (asked of every static argument: most have no scheme)
  if (!url.includes('://')) {
    return undefined;
  }
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]+)/i.exec(url);
  if (!m) {
    return undefined;
  }
  const host = m[1].replace(/^\[|\]$/g, '').toLowerCase();
  return host === '' ? undefined : host;
}

function scpHost(value: string): string | undefined {
  if (value.includes('://')) {
    return undefined;
  }
  const m = /^(?:[^@/:]+@)?(\[[^\]]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):(?!\/\/)/.exec(value);
  return m && (value.includes('@') || m[1].includes('.')) ? m[1].replace(/^\[|\]$/g, '').toLowerCase() : undefined;
}

export function hostsOf(commands: readonly CommandRun[]): { hosts: HostContact[]; unknowns: Unknown[] } {
  const hosts: HostContact[] = [];
  const unknowns: Unknown[] = [];
  for (const run of commands) {
    const add = (host: string, word: ShellWord, kind: HostContact['kind'], address = word.value): void => {
      hosts.push({ host, address, kind, word, command: run });
    };
    let named = false;
    for (let i = 0; i < run.args.length; i++) {
      const word = run.args[i];
      if (word.dynamic) {
        continue;
      }
      const v = word.value;
      const eq = v.startsWith('--') ? v.indexOf('=') : -1;
      const value = eq > 0 ? v.slice(eq + 1) : v;
      const host = urlHost(value);
      if (host) {
        add(host, word, eq > 0 ? 'option' : 'url', value);
        named = true;
        continue;
      }
      if (DESTINATION_OPTIONS.has(v) && run.args[i + 1] && !run.args[i + 1].dynamic && v.startsWith('--')) {
        const next = run.args[i + 1].value;
        const h = urlHost(next) ?? (/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?$/.test(next) ? next.replace(/:\d+$/, '').toLowerCase() : undefined);
        if (h) {
          add(h, run.args[i + 1], 'option');
          named = true;
          i++;
          continue;
        }
      }
      if (SCP_LIKE.has(run.name)) {
        const h = scpHost(v);
        if (h) {
          add(h, word, 'scp');
          named = true;
        }
      }
    }
    if (SSH_LIKE.has(run.name)) {
      for (let i = 0; i < run.args.length; i++) {
        const v = run.args[i].value;
        if (v.startsWith('-')) {
          if (SSH_VALUES.includes(v)) {
            i++;
          }
          continue;
        }
        if (!run.args[i].dynamic) {
          add(v.slice(v.lastIndexOf('@') + 1).toLowerCase(), run.args[i], 'ssh');
          named = true;
        }
        break;
      }
    }
    const computed = run.args.find((a) => a.dynamic && /:\/\/|^\$/.test(a.value));
    if ((DOWNLOADERS.has(run.name) || SSH_LIKE.has(run.name)) && computed && !named) {
      unknowns.push({ kind: 'dynamic-host', text: computed.raw, command: run, start: computed.start, end: computed.end });
    }
  }
  return { hosts, unknowns };
}

/**
 * Network destinations: extracting hosts from URLs and host arguments, normalising them the way a
 * client would (WHATWG URL: case, IDN to punycode, trailing dots, decimal/hex/octal IPv4 forms,
 * IPv4-mapped IPv6) and matching them against `permissions.network`.
 */

/** A destination found in a command: a normalised host, or a reason it cannot be determined. */
export type HostResult = { ok: true; host: string; ip: boolean } | { ok: false; reason: string };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** IPv4 dotted form of an IPv4-mapped or -compatible IPv6 address, if it is one. */
function mappedIpv4(v6: string): string | undefined {
  const m = /^(?:0{0,4}:){0,5}(?:0{0,4}:)?ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(v6) ?? /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(v6);
  if (!m) {
    return undefined;
  }
  if (m[1]) {
    return m[1];
  }
  const hi = parseInt(m[2], 16);
  const lo = parseInt(m[3], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * Normalise a bare host (possibly with user@ and :port) the way HTTP clients resolve it.
 * Returns a reason when the text is not a host that can be checked.
 */
export function normalizeHost(raw: string): HostResult {
  let h = raw.trim();
  if (h === '') {
    return { ok: false, reason: 'empty host' };
  }
  if (/[$`{}]/.test(h)) {
    return { ok: false, reason: `the host '${raw}' is computed at run time` };
  }
  const at = h.lastIndexOf('@');
  if (at >= 0) {
    h = h.slice(at + 1);
  }
  let url: URL;
  try {
    url = new URL(`http://${h}/`);
  } catch {
    return { ok: false, reason: `'${raw}' is not a host name that can be checked` };
  }
  const host = url.hostname.replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const v6 = host.slice(1, -1);
    const v4 = mappedIpv4(v6);
    return v4 ? { ok: true, host: v4, ip: true } : { ok: true, host: v6, ip: true };
  }
  if (host === '') {
    return { ok: false, reason: `'${raw}' has no host` };
  }
  return { ok: true, host, ip: IPV4.test(host) };
}

/** Schemes whose "host" is not a network destination of the command (buckets, local files). */
const NON_HOST_SCHEMES = new Set(['file', 's3', 's3a', 's3n', 'gs', 'az', 'abfs', 'abfss', 'wasb', 'wasbs', 'hdfs', 'docker-image', 'oci-layout', 'data', 'mailto', 'urn', 'vault', 'env', 'secret', 'ref+vault']);

/** A URL found inside a word. */
export interface FoundUrl {
  scheme: string;
  text: string;
  result: HostResult;
}

/**
 * Every `scheme://host` in a text (a word may hold several: `--url=https://a,https://b`).
 * The host part is cut at the first '/', '?', '#', whitespace or quote.
 */
export function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  const re = /([a-z][a-z0-9+.-]*):\/\/([^\s'"<>|;,)]*)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const scheme = m[1].toLowerCase();
    if (NON_HOST_SCHEMES.has(scheme)) {
      continue;
    }
    const rest = m[2];
    // authority ends at the first '/', '?' or '#' (and '\', which WHATWG treats as '/')
    const authority = rest.split(/[/?#\\]/)[0];
    if (authority === '' && scheme === 'unix') {
      continue;
    }
    out.push({ scheme, text: m[0], result: authority === '' ? { ok: false, reason: `'${m[0]}' has no host` } : normalizeHost(authority) });
    // curl and other RFC 3986 parsers keep '\' inside the authority: `http://github.com\@127.0.0.1/`
    // goes to 127.0.0.1 there, so that reading must pass too
    const rfcAuthority = rest.split(/[/?#]/)[0];
    if (rfcAuthority !== authority && rfcAuthority.includes('\\')) {
      const hostPart = rfcAuthority.slice(rfcAuthority.lastIndexOf('@') + 1);
      out.push({
        scheme,
        text: m[0],
        result: hostPart.includes('\\') ? { ok: false, reason: `'${m[0]}' has a backslash in its host, which clients read differently` } : normalizeHost(hostPart),
      });
    }
  }
  return out;
}

/** `user@host:path` (scp-like syntax used by git, scp and rsync): the host, if the word is one. */
export function scpLikeHost(word: string): string | undefined {
  if (word.includes('://')) {
    return undefined;
  }
  const m = /^(?:[^@/:]+@)?(\[[^\]]+\]|[^:/@\s]+):(?!\/\/)/.exec(word);
  if (!m) {
    return undefined;
  }
  // a Windows drive (C:\x) is a path, not a host
  if (/^[A-Za-z]$/.test(m[1])) {
    return undefined;
  }
  return m[1];
}

/** A normalised allowlist entry. */
interface Entry {
  kind: 'exact' | 'suffix';
  host: string;
  ip: boolean;
}

function normalizeEntry(raw: string): Entry | undefined {
  const e = raw.trim();
  if (e.startsWith('*.')) {
    const r = normalizeHost(e.slice(2));
    return r.ok && !r.ip ? { kind: 'suffix', host: r.host, ip: false } : undefined;
  }
  // a bare IPv6 literal needs brackets to parse as a host
  const r = normalizeHost(e.includes(':') && !e.startsWith('[') ? `[${e}]` : e);
  return r.ok ? { kind: 'exact', host: r.host, ip: r.ip } : undefined;
}

/**
 * Whether a normalised host is allowed by `permissions.network`: exact names, IP literals only
 * when listed, `*.example.com` for strict subdomains.
 */
export function hostAllowed(host: string, ip: boolean, allowlist: readonly string[]): boolean {
  for (const raw of allowlist) {
    const entry = normalizeEntry(raw);
    if (!entry) {
      continue;
    }
    if (entry.kind === 'exact') {
      if (entry.host === host) {
        return true;
      }
    } else if (!ip && host.endsWith('.' + entry.host)) {
      return true;
    }
  }
  return false;
}

/**
 * Meaning of `permissions.filesystem` entries: "/" is the workspace root, "/k8s" is
 * <workspace>/k8s, relative entries are relative to the root.
 */

/** Top-level folders that only make sense as host system paths, never as workspace folders. */
const HOST_ROOTS = new Set(['etc', 'usr', 'sbin', 'boot', 'dev', 'proc', 'sys', 'root', 'home', 'users', 'system', 'windows', 'private']);
const HOST_PREFIXES = ['var/run', 'var/lib', 'var/log', 'var/spool'];

/** Why an entry escapes the workspace, or undefined when it stays inside. */
export function escapeReason(entry: string): 'parent' | 'host' | 'home' | 'drive' | undefined {
  const e = entry.trim().replace(/\\/g, '/');
  if (/^[A-Za-z]:(\/|$)/.test(e) || e.startsWith('//')) {
    return 'drive';
  }
  if (e === '~' || e.startsWith('~/') || /^\$\{?HOME\}?(\/|$)/.test(e)) {
    return 'home';
  }
  const segments = e.split('/').filter((s) => s !== '' && s !== '.');
  let depth = 0;
  for (const s of segments) {
    if (s === '..') {
      depth--;
      if (depth < 0) {
        return 'parent';
      }
    } else {
      depth++;
    }
  }
  if (e.startsWith('/') && segments.length > 0) {
    const first = segments[0].toLowerCase();
    const two = segments.slice(0, 2).join('/').toLowerCase();
    if (HOST_ROOTS.has(first) || HOST_PREFIXES.includes(two)) {
      return 'host';
    }
  }
  return undefined;
}

/** Whether an entry grants the whole workspace ("/", "/**", "**", "."). */
export function isWholeWorkspace(entry: string): boolean {
  const e = entry.trim().replace(/\\/g, '/');
  const segments = e.split('/').filter((s) => s !== '' && s !== '.');
  return segments.length === 0 || (segments.length === 1 && (segments[0] === '**' || segments[0] === '*'));
}

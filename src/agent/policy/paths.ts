import picomatch from 'picomatch';

/**
 * Path handling for the policy: pure string work on forward-slash paths. Symlinks are resolved by
 * a `realpath` function the host provides (the policy itself never touches the file system).
 */

/** What the policy knows about where paths live. */
export interface PathContext {
  /** Absolute path of the workspace folder (either separator). */
  workspaceRoot: string;
  /**
   * Resolve symlinks in an absolute path. For a path that does not exist yet, hosts resolve the
   * deepest existing ancestor and append the rest. Undefined = no symlink information.
   */
  realpath?: (absolutePath: string) => string | undefined;
  /** The file system ignores case (Windows, default macOS): compare paths case-insensitively. */
  caseInsensitive?: boolean;
}

/** A path resolved against the workspace. */
export interface ResolvedPath {
  /** Absolute path after `..`/separator resolution (forward slashes). */
  absolute: string;
  /** The same path with symlinks resolved. */
  real: string;
  /** Path relative to the workspace root ('' for the root itself), from the lexical form. */
  relative: string;
  /** Path relative to the real workspace root, from the real form. */
  realRelative: string;
}

/** A path that could be resolved, or the reason it cannot be used. */
export type PathResult = { ok: true; path: ResolvedPath; /** Other readings of the input (percent-decoded): each must pass the same checks. */ alternates: ResolvedPath[] } | { ok: false; reason: string };

/** Forward slashes, no trailing slash (except a bare root). */
export function toSlashes(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (s.length > 1 && s.endsWith('/') && !/^[A-Za-z]:\/$/.test(s)) {
    s = s.replace(/\/+$/, '');
  }
  return s;
}

/** Whether a forward-slash path is absolute (POSIX root or a drive letter). */
export function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/** Resolve `.` and `..` lexically in an absolute forward-slash path. */
export function normalizeAbsolute(p: string): string {
  const drive = /^[A-Za-z]:/.test(p) ? p.slice(0, 2) : '';
  const rest = drive ? p.slice(2) : p;
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return `${drive}/${out.join('/')}`;
}

/** Join a relative path onto an absolute base and normalise. */
export function joinPath(base: string, rel: string): string {
  const r = toSlashes(rel);
  if (isAbsolute(r)) {
    return normalizeAbsolute(r);
  }
  return normalizeAbsolute(`${toSlashes(base)}/${r}`);
}

function fold(p: string, ci: boolean | undefined): string {
  return ci ? p.toLowerCase() : p;
}

/** `child` relative to `root`, or undefined when it is outside. */
export function relativeTo(root: string, child: string, ci?: boolean): string | undefined {
  const r = fold(toSlashes(root), ci).replace(/\/$/, '');
  const c = fold(toSlashes(child), ci);
  if (c === r) {
    return '';
  }
  if (c.startsWith(r + '/')) {
    return toSlashes(child).slice(r.length + 1);
  }
  return undefined;
}

/** Percent-decode repeatedly (double encoding) until stable; undefined when it is not valid. */
function percentDecode(p: string): string | undefined {
  let cur = p;
  for (let i = 0; i < 4 && /%[0-9a-fA-F]{2}/.test(cur); i++) {
    try {
      cur = decodeURIComponent(cur);
    } catch {
      return undefined;
    }
  }
  return cur;
}

/** The real form of a path (symlinks resolved by the host), or the path itself. */
function real(ctx: PathContext, abs: string): string {
  const r = ctx.realpath?.(abs);
  return r ? normalizeAbsolute(toSlashes(r)) : abs;
}

/**
 * Resolve a path the model gave against the workspace: relative paths from `cwd` (default: the
 * root), `..`, both separators, percent-encoding (every decoded form must also stay inside),
 * symlinks and case. Fails for anything outside the workspace.
 */
export function resolveInWorkspace(input: unknown, ctx: PathContext, cwd?: string): PathResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, reason: 'a path is required' };
  }
  if ([...input].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
    return { ok: false, reason: 'the path contains control characters' };
  }
  const root = normalizeAbsolute(toSlashes(ctx.workspaceRoot));
  const base = cwd ? joinPath(root, cwd) : root;
  const forms = [input];
  const decoded = percentDecode(input);
  if (decoded === undefined) {
    return { ok: false, reason: `'${input}' has invalid percent-encoding` };
  }
  if (decoded !== input) {
    forms.push(decoded);
  }
  let primary: ResolvedPath | undefined;
  const alternates: ResolvedPath[] = [];
  const realRoot = real(ctx, root);
  for (const form of forms) {
    const slashed = form.replace(/\\/g, '/');
    if (slashed.startsWith('~')) {
      return { ok: false, reason: `'${input}' points into the home folder, outside the workspace` };
    }
    if (/^[A-Za-z][A-Za-z0-9+.-]+:\/\//.test(slashed)) {
      return { ok: false, reason: `'${input}' is a URL, not a workspace path` };
    }
    if (slashed.startsWith('//')) {
      return { ok: false, reason: `'${input}' is a network (UNC) path, outside the workspace` };
    }
    if (/^[A-Za-z]:(?!\/)/.test(slashed)) {
      return { ok: false, reason: `'${input}' is a drive-relative path; use a workspace path` };
    }
    const absolute = joinPath(base, slashed);
    const relative = relativeTo(root, absolute, ctx.caseInsensitive);
    if (relative === undefined) {
      return { ok: false, reason: `'${input}' resolves to ${absolute}, outside the workspace ${root}` };
    }
    const realPath = real(ctx, absolute);
    const realRelative = relativeTo(realRoot, realPath, ctx.caseInsensitive);
    if (realRelative === undefined) {
      return { ok: false, reason: `'${input}' leads through a symbolic link to ${realPath}, outside the workspace` };
    }
    const resolved = { absolute, real: realPath, relative, realRelative };
    if (primary) {
      alternates.push(resolved);
    } else {
      primary = resolved;
    }
    if (form !== input) {
      // a decoded form must also be harmless: check its secrets below through the caller
      const extra = secretReason(relative) ?? secretReason(realRelative);
      if (extra) {
        return { ok: false, reason: `'${input}' decodes to ${relative}: ${extra}` };
      }
    }
  }
  return { ok: true, path: primary as ResolvedPath, alternates };
}

/** Basename patterns of files that hold credentials (matched case-insensitively). */
const SECRET_BASENAMES: readonly { test: RegExp; what: string }[] = [
  { test: /^\.env($|\.)/i, what: 'an environment file (.env*)' },
  { test: /^\.envrc$/i, what: 'a direnv file' },
  { test: /\.env$/i, what: 'an environment file' },
  { test: /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg|kdbx|ovpn)$/i, what: 'a key or certificate store' },
  { test: /^id_(rsa|dsa|ecdsa|ed25519)/i, what: 'an SSH private key' },
  { test: /\.tfstate($|\.)/i, what: 'a Terraform state file (it holds secrets in clear text)' },
  { test: /^(credentials|credentials\.(json|ya?ml|xml|ini|csv))$/i, what: 'a credentials file' },
  { test: /^(\.netrc|_netrc|\.pgpass|\.git-credentials|\.npmrc|\.pypirc|\.htpasswd|\.dockercfg|\.boto|\.s3cfg)$/i, what: 'a file that stores passwords or tokens' },
  { test: /^(kubeconfig|.*\.kubeconfig|kubeconfig\.ya?ml)$/i, what: 'a kubeconfig (cluster credentials)' },
  { test: /^(service[-_]?account|gcp[-_]?key|.*-sa-key)[^/]*\.json$/i, what: 'a cloud service-account key' },
  { test: /^secrets?\.(ya?ml|json|env|txt)$/i, what: 'a secrets file' },
  { test: /^(application_default_credentials\.json|access_tokens\.db|credentials\.db|legacy_credentials)$/i, what: 'Google Cloud credentials' },
];

/** Directories whose contents are secret or internal (matched on any path segment). */
const SECRET_DIRS: readonly { test: RegExp; what: string }[] = [
  { test: /^\.git$/i, what: 'git internals (.git)' },
  { test: /^\.ssh$/i, what: 'SSH keys (.ssh)' },
  { test: /^\.gnupg$/i, what: 'GnuPG keys (.gnupg)' },
  { test: /^\.aws$/i, what: 'AWS credentials (.aws)' },
  { test: /^\.azure$/i, what: 'Azure credentials (.azure)' },
  { test: /^\.kube$/i, what: 'cluster credentials (.kube)' },
  { test: /^\.docker$/i, what: 'registry credentials (.docker)' },
];

/** Why a workspace-relative path is a secret file, or undefined. */
export function secretReason(relative: string): string | undefined {
  // compare compatibility-normalised names without trailing dots and spaces: Windows drops those
  // ('.env ' opens .env) and look-alike forms ('\uFF0Eenv') must not slip past the name tests
  const segments = toSlashes(relative)
    .normalize('NFKC')
    .split('/')
    .map((s) => s.replace(/[. ]+$/, (m) => (m === s ? m : '')))
    .filter((s) => s !== '');
  if (segments.length === 0) {
    return undefined;
  }
  for (const seg of segments.slice(0, -1)) {
    const hit = SECRET_DIRS.find((d) => d.test.test(seg));
    if (hit) {
      return `it is inside ${hit.what}`;
    }
  }
  const name = segments[segments.length - 1];
  const dirHit = SECRET_DIRS.find((d) => d.test.test(name));
  if (dirHit) {
    return `it is ${dirHit.what}`;
  }
  const hit = SECRET_BASENAMES.find((b) => b.test.test(name));
  return hit ? `it is ${hit.what}` : undefined;
}

/** Secret names a shell pattern in a command may reach (files, and folders such as .git). */
const SECRET_SAMPLES: readonly string[] = [
  '.env', '.env.local', '.env.production', '.envrc', '.netrc', '.npmrc', '.pypirc', '.pgpass', '.git-credentials', '.htpasswd', '.dockercfg',
  'id_rsa', 'id_ed25519', 'id_ecdsa', 'server.pem', 'server.key', 'tls.key', 'client.p12', 'keystore.jks',
  'terraform.tfstate', 'terraform.tfstate.backup', 'credentials', 'credentials.json', 'kubeconfig', 'service-account.json', 'secrets.yaml', 'secret.json',
  '.git', '.ssh', '.aws', '.kube', '.docker', '.gnupg', '.azure',
];
/** Ordinary names: a pattern matching one of these is broad (`*`, `*.yaml`), not aimed at secrets. */
const ORDINARY_SAMPLES: readonly string[] = [
  'app.yaml', 'values.yaml', 'deploy.yml', 'main.tf', 'variables.tf', 'README.md', 'Dockerfile', 'Makefile', 'package.json', 'config.json', 'x.txt',
  'build.log', 'deploy.sh', 'main.py', 'index.js', 'config', 'notes', 'k8s', 'src', 'charts', 'x.csv', 'x.conf', 'app.ini', 'x.toml', 'x.xml', 'go.mod',
];

/**
 * Why a shell pattern (`.e?v`, `.e*`, `*.pem`, `.g*` then `/config`) reaches secret files, or undefined. A
 * pattern starting with a dot is aimed at hidden files, so reaching one secret is enough; a pattern
 * that also matches ordinary names (`*`, `*.yaml` under k8s) is a broad listing and is left to the sandbox.
 */
export function globSecretReason(pattern: string): string | undefined {
  const segs = toSlashes(pattern).split('/');
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (!/[*?[]/.test(seg) && !/\{[^}]*,[^}]*\}/.test(seg)) {
      continue;
    }
    let match: (name: string) => boolean;
    try {
      match = picomatch(seg, { dot: false });
    } catch {
      continue;
    }
    if (ORDINARY_SAMPLES.some((n) => match(n))) {
      continue;
    }
    for (const hit of SECRET_SAMPLES.filter((n) => match(n))) {
      const sample = segs.map((s, j) => (j === i ? hit : s)).join('/');
      const why = secretReason(sample);
      if (why) {
        return `the pattern ${pattern} matches ${sample}: ${why}`;
      }
    }
  }
  return undefined;
}

/** Files that steer the agent or the editor: writing them would widen the agent's own rights. */
export function protectedReason(relative: string): string | undefined {
  const segs = toSlashes(relative).toLowerCase().split('/').filter((s) => s !== '');
  if (segs.length === 1 && (segs[0] === 'aurora.yaml' || segs[0] === 'aurora.yml')) {
    return 'aurora.yaml sets the agent\'s own permissions; only the user edits it';
  }
  if (segs[0] === '.vscode') {
    return '.vscode holds editor settings and tasks that can run programs';
  }
  return undefined;
}

/** Glob characters picomatch understands. */
function isGlob(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

/**
 * Whether a workspace-relative path is inside one of the `permissions.filesystem` entries:
 * "/" is the root, "/k8s" a folder and everything below it, globs ("/charts/*\/values.yaml").
 */
export function permittedByFilesystem(relative: string, entries: readonly string[], ci?: boolean): boolean {
  const rel = fold(toSlashes(relative).replace(/^\/+/, ''), ci);
  for (const raw of entries) {
    const entry = fold(toSlashes(raw).replace(/^\/+/, '').replace(/\/+$/, ''), ci);
    if (entry === '' || entry === '.' || entry === '**') {
      return true;
    }
    if (isGlob(entry)) {
      const match = picomatch(entry, { dot: true });
      if (match(rel)) {
        return true;
      }
      // a glob naming folders ("k8s/*") also covers what is inside them
      const parts = rel.split('/');
      for (let i = parts.length - 1; i > 0; i--) {
        if (match(parts.slice(0, i).join('/'))) {
          return true;
        }
      }
      continue;
    }
    if (rel === entry || rel.startsWith(entry + '/')) {
      return true;
    }
  }
  return false;
}

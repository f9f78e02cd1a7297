import type { ShellCommand, ShellRedirect, ShellWord } from '../../core/parsers/shell';
import type { Permissions } from '../types';
import { findUrls, hostAllowed, normalizeHost } from './hosts';
import type { HostResult } from './hosts';
import { globSecretReason, joinPath, permittedByFilesystem, protectedReason, resolveInWorkspace, secretReason } from './paths';
import type { PathContext } from './paths';
import type { Stdin } from './model';
import { lit } from './words';
import type { Word } from './words';

/**
 * The state of one command line's analysis and the checks every handler shares. The walker
 * (command.ts) and the handlers (handlers/*.ts) pass a `Session` explicitly: what was found so far
 * (`facts`), what the command line has done to its own environment (`scope`), and the way back into
 * the walker for commands that run other commands (`walk`).
 */

/** What the command analysis needs to know. */
export interface CommandContext extends PathContext {
  permissions: Permissions;
  /** Absolute folder the command starts in. */
  cwd: string;
}

/** Facts found in a command (sets keep the order reasons were found in). */
export interface Facts {
  denials: Set<string>;
  hosts: Set<string>;
  writes: Set<string>;
  destructive: Set<string>;
  /** What the user should know before approving (a remote whose host the text does not show…). */
  notes: Set<string>;
  /** Why the command reaches the network (the handler table's traits: `kubectl talks to a Kubernetes cluster`). */
  networked: Set<string>;
  /** Why the command runs the repository's code (`make runs …`, `./scripts/x.sh is a program of the workspace`). */
  repositoryCode: Set<string>;
  /** Wrappers the shell model looked through (`sudo`, `env`, `sh -c`, `xargs`…). */
  wrapped: Set<string>;
}

/** What the command line changed for the commands after it. */
export interface Scope {
  /** Literal values of variables assigned once in the command line (undefined: assigned otherwise). */
  vars: Map<string, string | undefined>;
  /** Folders the following commands may run in (several after `cd` in subshells). */
  cwds: string[];
  cwdUnknown: boolean;
  /** Inside a container (docker exec/run, kubectl exec): paths are the container's, not ours. */
  inContainer: number;
  /** Whether the script being analysed can scope a cd (subshells, substitutions). */
  scoped: boolean;
  /** Files a fetcher saved in this command line (running one is download-and-execute). */
  downloaded: Set<string>;
  /** Files this command line writes (redirections, cp, tee…): running one later runs code the policy never saw as a command. */
  written: Set<string>;
}

/** Where a command sits in its script. */
export interface Where {
  cmd?: ShellCommand;
  /** Where the command reads standard input from (absent for commands made up while unwrapping containers). */
  stdin?: () => Stdin;
  /** The command is followed by `&&`. */
  chained?: boolean;
}

/** The walker, for handlers of commands that run other commands (wrappers, shells, containers). */
export interface Walker {
  /** Check a command given as words (`sudo CMD…`, `find -exec CMD… ;`). */
  words(words: readonly Word[], depth: number, where: Where): void;
  /** Check a command line given as text (`sh -c TEXT`), one level deeper. */
  script(text: string, depth: number): void;
}

export interface Session {
  readonly ctx: CommandContext;
  readonly facts: Facts;
  readonly scope: Scope;
  readonly walk: Walker;
}

/** A fresh session for a command starting in `ctx.cwd`. */
export function newSession(ctx: CommandContext, walk: Walker): Session {
  return {
    ctx,
    walk,
    facts: { denials: new Set(), hosts: new Set(), writes: new Set(), destructive: new Set(), notes: new Set(), networked: new Set(), repositoryCode: new Set(), wrapped: new Set() },
    scope: { vars: new Map(), cwds: [ctx.cwd], cwdUnknown: false, inContainer: 0, scoped: false, downloaded: new Set(), written: new Set() },
  };
}

export function deny(s: Session, reason: string): void {
  s.facts.denials.add(reason);
}

/** Code the policy cannot read runs: a command text built at run time, awk's system(), sed's e… */
export function hidden(s: Session, what: string, how: string): void {
  deny(s, `${what} runs a command the policy cannot inspect (${how}); write the command out directly so it can be checked`);
}

export const PROXY_VARS = /^(https?_proxy|all_proxy|ftp_proxy|socks_proxy|rsync_proxy|grpc_proxy|npm_config_(https_)?proxy|yarn_(https_)?proxy)$/i;
const DANGEROUS_ENV = /^(WGETRC|CURL_HOME|HOSTALIASES|LOCALDOMAIN|RES_OPTIONS|GIT_ASKPASS|SSH_ASKPASS|LD_PRELOAD|LD_LIBRARY_PATH|LD_AUDIT|DYLD_[A-Z_]+|BASH_ENV|ENV|PROMPT_COMMAND|GIT_SSH|GIT_SSH_COMMAND|GIT_PROXY_COMMAND|GIT_EXEC_PATH|GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|GLOBAL|SYSTEM|PARAMETERS)|PYTHONSTARTUP|NODE_OPTIONS|PERL5OPT|RUBYOPT|SSL_CERT_FILE|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|DOCKER_HOST|KUBERNETES_SERVICE_HOST)$/;
/** Options (any command) whose value is a network destination. */
const DESTINATION_FLAGS = new Set(['--server', '--endpoint', '--endpoint-url', '--url', '--registry', '--index-url', '--extra-index-url', '--find-links', '--trusted-host', '--proxy', '--https-proxy', '--http-proxy', '--address', '--addr', '--api-url', '--kube-apiserver', '--host-url', '--base-url', '--repo-url', '--helm-repo']);
/**
 * Environment variables naming a configuration file that can run programs or change endpoints:
 * one inside the workspace is refused (the repository would decide what runs).
 */
export const CONFIG_FILE_ENV: Record<string, string> = {
  KUBECONFIG: 'a kubeconfig can run any program through an exec plugin (users[].user.exec) and point kubectl at any server',
  AWS_CONFIG_FILE: 'an AWS config file can run any program through credential_process and point the CLI at any endpoint',
  AWS_SHARED_CREDENTIALS_FILE: 'an AWS credentials file can run any program through credential_process',
  DOCKER_CONFIG: 'a Docker configuration names credential helpers (programs docker runs) and proxies',
  TF_CLI_CONFIG_FILE: 'a Terraform CLI configuration can replace providers with local programs (dev_overrides) and name credential helpers',
  TERRAFORM_CONFIG: 'a Terraform CLI configuration can replace providers with local programs (dev_overrides) and name credential helpers',
  CLOUDSDK_CONFIG: 'a gcloud configuration folder sets the account, proxies and endpoints gcloud uses',
};
/** Variables that move where programs read their configuration (.curlrc, .gitconfig, .kube/config…). */
const CONFIG_HOME_ENV = /^(HOME|XDG_CONFIG_HOME|CURLRC|GNUPGHOME|NETRC|GIT_CONFIG|NPM_CONFIG_USERCONFIG|PIP_CONFIG_FILE|HELM_CONFIG_HOME|HELM_PLUGINS|HELM_REPOSITORY_CONFIG|DOCKER_CERT_PATH)$/i;
/** Variables naming a program other programs run (editors, pagers, diff tools) or shell functions. */
const PROGRAM_ENV = /^(GIT_EDITOR|GIT_SEQUENCE_EDITOR|GIT_PAGER|GIT_EXTERNAL_DIFF|GIT_TEMPLATE_DIR|GIT_DIR|GIT_WORK_TREE|GIT_COMMON_DIR|EDITOR|VISUAL|PAGER|MANPAGER|SYSTEMD_PAGER|LESSOPEN|LESSCLOSE|BROWSER|KUBE_EDITOR|SUDO_ASKPASS|SUDO_EDITOR|BASH_FUNC_.*)$/;

/** `NAME=value` before a command, as a statement, or given to `env`. */
export function assignment(s: Session, name: string, value: ShellWord | undefined): void {
  if (PROXY_VARS.test(name)) {
    deny(s, `setting ${name} sends traffic through a proxy, which hides the real destination`);
  } else if (/^GIT_(DIR|COMMON_DIR)$/.test(name) && value && !value.dynamic && /(^|\/)\.git\/?$/.test(value.value)) {
    // the repository's own .git: nothing changes
  } else if (PROGRAM_ENV.test(name)) {
    hidden(s, `setting ${name}`, 'git, man and other tools run the editor, pager, diff program or function it names');
  } else if (CONFIG_HOME_ENV.test(name)) {
    deny(s, `setting ${name} makes programs read their configuration (.curlrc, .gitconfig, .kube/config, .docker/config.json, .netrc) from another place, which can change where they connect or which programs they run`);
  } else if (DANGEROUS_ENV.test(name)) {
    deny(s, `setting ${name} changes which code or endpoint a program uses`);
  } else if (name in CONFIG_FILE_ENV && value) {
    configFile(s, name, value, CONFIG_FILE_ENV[name], name === 'KUBECONFIG');
  } else if (name === 'PATH' && value) {
    pathVariable(s, value);
  }
  if (value) {
    scanWord(s, value);
    subscriptCommand(s, value);
  }
}

/**
 * A configuration file named by a variable or an option (`KUBECONFIG`, `--kubeconfig`): one in
 * the workspace is refused, since the repository would decide which programs run; the user's own
 * (outside the workspace) is explained.
 */
export function configFile(s: Session, what: string, value: Word, why: string, list = false): void {
  const parts = list && !value.dynamic ? value.value.split(':').filter((v) => v !== '').map((v) => lit(v)) : [value];
  for (const part of parts) {
    const w = expandPwd(s, part);
    if (/^(~|\$HOME\b|\$\{HOME\})/.test(w.value)) {
      s.facts.notes.add(`${what} ${w.value}: ${why}; it is outside the workspace, so make sure it is your own`);
      continue;
    }
    if (w.dynamic) {
      deny(s, `${what} ${w.raw} is computed at run time, so the policy cannot tell whether the repository provides it: ${why}`);
      continue;
    }
    const inside = resolveAll(s, w).abs.some((abs) => resolveInWorkspace(abs, s.ctx).ok);
    if (inside) {
      deny(s, `${what} ${w.value} is a file in the workspace: ${why}; use your own configuration outside the repository`);
    } else {
      s.facts.notes.add(`${what} ${w.value}: ${why}; it is outside the workspace, so make sure it is your own`);
    }
  }
}

/** PATH with a relative or workspace folder makes a command name run a program from the repository. */
function pathVariable(s: Session, value: Word): void {
  for (const raw of value.value.split(':')) {
    if (/^\$(\{PATH\}|PATH)$/.test(raw)) {
      continue;
    }
    const entry = expandPwd(s, { value: raw, raw, dynamic: /[$`]/.test(raw) });
    if (entry.dynamic) {
      if (/^(\$HOME\b|\$\{HOME\}|~)/.test(entry.value)) {
        continue;
      }
      deny(s, `PATH gets a folder computed at run time (${raw}), so the policy cannot tell which program a command name runs`);
      continue;
    }
    if (entry.value.startsWith('~')) {
      continue;
    }
    const abs = joinPath(s.scope.cwds[0], entry.value === '' ? '.' : entry.value);
    if (!entry.value.startsWith('/') || resolveInWorkspace(abs, s.ctx).ok) {
      deny(s, `PATH gets ${entry.value === '' ? 'the current folder' : entry.value}, a folder in the workspace, so a command name would run a program from the repository instead of the installed one; run the script by its path instead`);
    }
  }
}

/**
 * Text shaped like `a[$(cmd)]` in a literal: bash runs the substitution when the text is
 * evaluated as arithmetic (`$((x))`, `let`, `[[ x -eq 1 ]]`, `declare -i`), unseen by the parser.
 */
export function subscriptCommand(s: Session, w: Word): void {
  if (!w.dynamic && /[A-Za-z_][A-Za-z0-9_]*\[[^\]]*(\$\(|`)/.test(w.value)) {
    hidden(s, `'${w.value.slice(0, 60)}'`, 'a command substitution inside an array subscript runs when bash evaluates the text as arithmetic');
  }
}

/** Redirections: `> f` writes f, `< f` reads it; descriptor copies and here-documents do neither. */
export function redirects(s: Session, list: readonly ShellRedirect[]): void {
  for (const r of list) {
    const op = r.operator;
    if (r.heredoc !== undefined || op.startsWith('<<')) {
      continue;
    }
    const target = r.target;
    if (!target) {
      continue;
    }
    // `2>&1`, `>&2`, `<&3`, `>&-` duplicate or close descriptors; `>& file` (no number) writes
    // stdout and stderr to the file, like `&> file`
    if (/^[0-9]*[<>]&-?$/.test(op) && (op.endsWith('-') || /^(\d+-?|-)$/.test(target.value))) {
      continue;
    }
    devTcp(s, target);
    procEnviron(s, target);
    if (op.includes('>')) {
      writeTarget(s, target, `the redirection '${op} ${target.raw}'`);
    } else {
      readTarget(s, target);
    }
  }
}

/** Redirections as the shell model lists them: the file each writes or reads. */
export function redirectedFiles(s: Session, accesses: readonly { via: string; word?: Word; path: string; dynamic: boolean }[]): void {
  for (const a of accesses) {
    const target: Word = a.word ?? { value: a.path, raw: a.path, dynamic: a.dynamic };
    devTcp(s, target);
    procEnviron(s, target);
    if (a.via.includes('>')) {
      writeTarget(s, target, `the redirection '${a.via} ${target.raw}'`);
    } else {
      readTarget(s, target);
    }
  }
}

/** `/dev/tcp/host/port` opens a raw connection in bash: no client, nothing the policy can explain. */
export function devTcp(s: Session, w: Word): void {
  const m = /\/dev\/(tcp|udp)\/([^/\s]*)/.exec(w.value);
  if (m) {
    const r = normalizeHost(m[2]);
    if (r.ok) {
      s.facts.hosts.add(r.host);
    }
    deny(s, `${m[0]} opens a raw network connection from the shell, which the policy cannot explain; use a client such as curl with a URL`);
  }
}

/** `/proc/<pid>/environ` holds a process's environment: API keys and tokens. */
function procEnviron(s: Session, w: Word): void {
  if (/\/proc\/[^/\s'"]+\/(task\/[^/\s'"]+\/)?environ\b/.test(w.value)) {
    deny(s, `the command reads ${w.raw.length > 80 ? `${w.raw.slice(0, 80)}…` : w.raw}: a process's environment holds credentials such as API keys and tokens`);
  }
}

/** A word with `$NAME` / `${NAME}` replaced by values assigned literally earlier, or undefined. */
function knownValue(s: Session, w: Word): Word | undefined {
  let unknown = false;
  const value = w.value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (m, a: string | undefined, b: string | undefined) => {
    const v = s.scope.vars.get(a ?? b ?? '');
    if (v === undefined) {
      unknown = true;
      return m;
    }
    return v;
  });
  if (unknown || value === w.value) {
    return undefined;
  }
  return { value, raw: w.raw, dynamic: /[$`]/.test(value) };
}

/** Every URL in a word must be allowed; a URL whose host is computed cannot be checked. */
export function scanWord(s: Session, w: Word): void {
  procEnviron(s, w);
  for (const url of findUrls(w.value)) {
    if (url.scheme === 'ext' || url.scheme.startsWith('ext+')) {
      deny(s, `'${url.text}' uses git's ext transport, which runs a program`);
      continue;
    }
    addHost(s, url.result, url.text);
  }
  if (w.dynamic && /:\/\/|\/dev\/(tcp|udp)\//.test(w.value) && findUrls(w.value).length === 0) {
    deny(s, `the destination in ${w.raw} is computed at run time and cannot be checked`);
  }
  devTcp(s, w);
}

/** A destination: listed in permissions.network, or denied. */
export function addHost(s: Session, r: HostResult, where: string): void {
  if (!r.ok) {
    deny(s, `cannot determine the destination of ${where}: ${r.reason}`);
    return;
  }
  s.facts.hosts.add(r.host);
  if (!hostAllowed(r.host, r.ip, s.ctx.permissions.network)) {
    const list = s.ctx.permissions.network.length > 0 ? s.ctx.permissions.network.join(', ') : 'none';
    deny(s, r.ip ? `${r.host} is an IP address not listed in permissions.network (allowed: ${list}); IP literals must be listed exactly` : `${r.host} is not in permissions.network (allowed: ${list}); add it to aurora.yaml if the agent should reach it`);
  }
}

/** A word naming a host or URL (curl's argument, --server's value…). */
export function hostArg(s: Session, w: Word, what: string): void {
  if (w.value.includes('://')) {
    const urls = findUrls(w.value);
    const hostPart = w.value.slice(w.value.indexOf('://') + 3).split(/[/?#]/)[0];
    if (w.dynamic && /[$`]/.test(hostPart)) {
      deny(s, `the destination of ${what} (${w.raw}) is computed at run time and cannot be checked`);
      return;
    }
    for (const u of urls) {
      addHost(s, u.result, what);
    }
    return;
  }
  if (w.dynamic) {
    deny(s, `the destination of ${what} (${w.raw}) is computed at run time and cannot be checked`);
    return;
  }
  const hostPart = w.value.split(/[/?#]/)[0];
  addHost(s, normalizeHost(hostPart), `${what} '${w.value}'`);
}

/** Options any tool may have whose value is a destination (`--server=https://…`). */
export function destinationFlags(s: Session, args: readonly Word[]): void {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    const eq = v.indexOf('=');
    const flag = eq > 0 ? v.slice(0, eq) : v;
    if (!DESTINATION_FLAGS.has(flag)) {
      continue;
    }
    const value = eq > 0 ? { value: v.slice(eq + 1), raw: args[i].raw, dynamic: args[i].dynamic } : args[i + 1];
    if (value && value.value !== '') {
      hostArg(s, value, flag);
    }
  }
}

/** permissions.network for messages. */
export function networkList(s: Session): string {
  return s.ctx.permissions.network.length > 0 ? s.ctx.permissions.network.join(', ') : 'no hosts';
}

/** Resolve a path word for every folder the command may run in. */
export function resolveAll(s: Session, word: Word): { abs: string[]; problem?: string } {
  const w = expandPwd(s, word);
  if (w.dynamic) {
    return { abs: [], problem: `${w.raw} is computed at run time` };
  }
  const v = w.value;
  if (v.startsWith('~')) {
    return { abs: [], problem: `${v} is in the home folder, outside the workspace` };
  }
  const relative = !v.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(v);
  if (relative && s.scope.cwdUnknown) {
    return { abs: [], problem: `${v} is relative to a folder that cannot be determined (cd to a computed path)` };
  }
  return { abs: (relative ? s.scope.cwds : [s.scope.cwds[0]]).map((c) => joinPath(c, v)) };
}

/** `$PWD/x`, `${PWD}/x` and `$(pwd)/x` are known: the folder the command runs in. */
export function expandPwd(s: Session, w: Word): Word {
  if (!w.dynamic || s.scope.cwdUnknown || s.scope.cwds.length !== 1) {
    return w;
  }
  const m = /^(\$PWD|\$\{PWD\}|\$\(pwd\)|`pwd`)(.*)$/.exec(w.value);
  if (!m || /[$`]/.test(m[2])) {
    return w;
  }
  return { value: `${s.scope.cwds[0]}${m[2]}`, raw: w.raw, dynamic: false };
}

/** The command line itself downloaded or wrote this file earlier. */
export function madeHere(s: Session, file: string): boolean {
  const p = joinPath(s.scope.cwds[0], file);
  return s.scope.downloaded.has(p) || s.scope.written.has(p);
}

/** A fetcher saved this file: running it later in the command line is download-and-execute. */
export function downloaded(s: Session, file: string): void {
  s.scope.downloaded.add(joinPath(s.scope.cwds[0], file));
}

/** A path the command writes: inside the workspace, inside permissions.filesystem, not a secret. */
export function writeTarget(s: Session, w: Word, what: string): void {
  if (s.scope.inContainer > 0) {
    return;
  }
  if (!w.dynamic && /^\/dev\/(null|stdout|stderr|tty|fd\/\d+)$/.test(w.value)) {
    return;
  }
  if (!w.dynamic) {
    s.scope.written.add(joinPath(s.scope.cwds[0], w.value));
  }
  const r = resolveAll(s, w);
  if (r.problem) {
    deny(s, `${what} writes to ${r.problem}`);
    return;
  }
  for (const abs of r.abs) {
    const res = resolveInWorkspace(abs, s.ctx);
    if (!res.ok) {
      deny(s, `${what} writes outside the workspace: ${res.reason}`);
      continue;
    }
    s.facts.writes.add(res.path.real);
    for (const form of [res.path, ...res.alternates]) {
      const secret = secretReason(form.relative) ?? secretReason(form.realRelative);
      const prot = protectedReason(form.relative) ?? protectedReason(form.realRelative);
      if (secret || prot) {
        deny(s, `${what} writes to ${form.relative}: ${secret ?? prot}`);
        break;
      }
      const entries = s.ctx.permissions.filesystem;
      if (!permittedByFilesystem(form.relative, entries, s.ctx.caseInsensitive) || !permittedByFilesystem(form.realRelative, entries, s.ctx.caseInsensitive)) {
        deny(s, `${what} writes to /${form.relative}, outside permissions.filesystem (${entries.length > 0 ? entries.join(', ') : 'no writable paths'})`);
        break;
      }
    }
  }
}

/** A file the command reads and passes on (cat, cp, curl -T …): not a secret file. */
export function readTarget(s: Session, w: Word): void {
  if (s.scope.inContainer > 0) {
    return;
  }
  procEnviron(s, w);
  if (w.dynamic || w.value.startsWith('~')) {
    // `~/.ssh/id_rsa`, `$HOME/.aws/credentials`: the folder is not known here, but the names
    // are, and a secret name is refused wherever it lives (these were only asked before)
    const secret = secretReason(w.value.replace(/^~[^/]*/, ''));
    if (secret) {
      deny(s, `the command reads ${w.value}: ${secret}`);
      return;
    }
    if (!w.dynamic) {
      return;
    }
    // `F=.env; cat "$F"`: a name made of variables assigned literally in the same command line
    const known = knownValue(s, w);
    if (known && !known.dynamic) {
      readTarget(s, known);
      return;
    }
    // `cat "$(echo .env)"`: a secret name written inside the computed word
    for (const token of w.value.split(/[\s'"`$(){}|;&<>=,]+/)) {
      const why = token === '' ? undefined : (secretReason(token) ?? globSecretReason(token));
      if (why) {
        deny(s, `the command reads ${w.raw}, a name built from ${token}: ${why}`);
        return;
      }
    }
    return;
  }
  const glob = globSecretReason(w.value);
  if (glob) {
    deny(s, `the command reads ${w.value}: ${glob}`);
    return;
  }
  const r = resolveAll(s, w);
  for (const abs of r.abs) {
    const res = resolveInWorkspace(abs, s.ctx);
    const rel = res.ok ? res.path.relative : undefined;
    const secret = res.ok ? (secretReason(res.path.relative) ?? secretReason(res.path.realRelative)) : secretReason(abs.replace(/^\/+/, ''));
    if (secret) {
      deny(s, `the command reads ${rel ?? w.value}: ${secret}`);
    }
  }
}

/** `sh -c STRING`, `eval …`, `watch …`: a literal string is parsed; a computed one is denied. */
export function commandString(s: Session, parts: readonly Word[], depth: number, what: string): void {
  if (parts.length === 0) {
    return;
  }
  if (parts.some((w) => w.dynamic)) {
    hidden(s, what, `the command text ${parts.map((w) => w.raw).join(' ')} is built at run time`);
    return;
  }
  s.walk.script(parts.map((w) => w.value).join(' '), depth + 1);
}

/** A command run inside a container: its destinations count, its paths are the container's. */
export function inContainerCommand(s: Session, words: readonly Word[]): void {
  if (words.length === 0) {
    return;
  }
  s.scope.inContainer++;
  try {
    s.walk.words(words, 0, {});
  } finally {
    s.scope.inContainer--;
  }
}

/** `cd DIR`: the folders later relative paths resolve from. */
export function cd(s: Session, args: readonly Word[], replaces = false): void {
  const target = args.find((a) => !a.value.startsWith('-') || a.value === '-');
  if (!target || target.dynamic || target.value === '-' || target.value.startsWith('~')) {
    s.scope.cwdUnknown = true;
    return;
  }
  const next = new Set<string>();
  for (const c of s.scope.cwds) {
    next.add(joinPath(c, target.value));
  }
  // `cd X && …` at top level moves what follows; elsewhere (subshells, `;` after a cd that may
  // fail) keep the old folders too and check writes against all of them
  s.scope.cwds = replaces ? [...next] : [...new Set([...next, ...s.scope.cwds])];
}

import { parseShell } from '../../core/parsers/shell';
import type { ShellCommand, ShellScript, ShellWord } from '../../core/parsers/shell';
import type { Permissions } from '../types';
import { findUrls, hostAllowed, normalizeHost, scpLikeHost } from './hosts';
import type { HostResult } from './hosts';
import { joinPath, permittedByFilesystem, protectedReason, resolveInWorkspace, secretReason } from './paths';
import type { PathContext } from './paths';

/**
 * Static analysis of a shell command for the policy: every simple command (through pipes, lists,
 * subshells, substitutions, wrappers and literal `sh -c` strings) is checked for network
 * destinations, writes, download-and-execute and other ways of hiding what runs.
 */

/** What the command analysis needs to know. */
export interface CommandContext extends PathContext {
  permissions: Permissions;
  /** Absolute folder the command starts in. */
  cwd: string;
}

/** Facts found in a command. */
export interface CommandFacts {
  denials: string[];
  hosts: string[];
  writes: string[];
  destructive: string[];
}

/** A word of a command: parsed, or made up while unwrapping (`xargs` input, `find {}`). */
type Word = Pick<ShellWord, 'value' | 'dynamic' | 'raw'>;

const MAX_DEPTH = 4;
const MAX_LENGTH = 20_000;

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'fish', 'csh', 'tcsh', 'rbash']);
const SCRIPT_INTERPRETERS = /^(python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|deno|bun|php[0-9.]*|lua[0-9.]*|Rscript|osascript|pwsh|powershell|tclsh|awk|gawk|mawk|nawk)$/;
const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c', 'http', 'https', 'xh', 'nc', 'ncat', 'netcat', 'socat', 'lwp-request', 'GET', 'tftp', 'ftp']);
const SSH_LIKE = new Set(['ssh', 'scp', 'sftp', 'slogin', 'mosh', 'ssh-copy-id', 'autossh', 'sshpass', 'pssh', 'parallel-ssh', 'dbclient']);
const HOST_ARG_TOOLS = new Set(['ping', 'ping6', 'traceroute', 'traceroute6', 'tracepath', 'mtr', 'nslookup', 'host', 'whois', 'nmap', 'telnet', 'nc', 'ncat', 'netcat', 'dig', 'drill', 'hping3', 'arping', 'fping', 'ftp', 'tftp', 'lftp']);
const PROXY_VARS = /^(https?_proxy|all_proxy|ftp_proxy|socks_proxy|rsync_proxy|grpc_proxy|npm_config_(https_)?proxy|yarn_(https_)?proxy)$/i;
const DANGEROUS_ENV = /^(WGETRC|CURL_HOME|HOSTALIASES|LOCALDOMAIN|RES_OPTIONS|GIT_ASKPASS|SSH_ASKPASS|LD_PRELOAD|LD_LIBRARY_PATH|LD_AUDIT|DYLD_[A-Z_]+|BASH_ENV|ENV|PROMPT_COMMAND|GIT_SSH|GIT_SSH_COMMAND|GIT_PROXY_COMMAND|GIT_EXEC_PATH|GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|GLOBAL|SYSTEM|PARAMETERS)|PYTHONSTARTUP|NODE_OPTIONS|PERL5OPT|RUBYOPT|SSL_CERT_FILE|CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE|NODE_EXTRA_CA_CERTS|DOCKER_HOST|KUBERNETES_SERVICE_HOST)$/;
/** Options (any command) whose value is a network destination. */
const DESTINATION_FLAGS = new Set(['--server', '--endpoint', '--endpoint-url', '--url', '--registry', '--index-url', '--extra-index-url', '--find-links', '--trusted-host', '--proxy', '--https-proxy', '--http-proxy', '--address', '--addr', '--api-url', '--kube-apiserver', '--host-url', '--base-url', '--repo-url', '--helm-repo']);
/** Commands that print or copy a file's content (a secret file must not reach them). */
const DUMPERS = new Set(['cat', 'tac', 'head', 'tail', 'less', 'more', 'base64', 'base32', 'xxd', 'od', 'hexdump', 'strings', 'nl', 'cp', 'scp', 'rsync', 'gpg', 'openssl', 'zip', 'tar', 'grep', 'egrep', 'fgrep', 'rg', 'awk', 'sed', 'sort', 'uniq', 'cut', 'jq', 'yq', 'bat', 'vim', 'vi', 'nano', 'emacs', 'code', 'diff', 'cmp', 'column', 'fold', 'rev', 'paste', 'tr', 'dd', 'install', 'ln', 'mv', 'split', 'md5sum', 'sha256sum', 'source', '.']);

/** Short and long options that take a value, per command (unknown options are taken as flags). */
const VALUE_OPTS: Record<string, string> = {
  curl: '-o --output -H --header -d --data --data-raw --data-binary --data-ascii --data-urlencode -X --request -u --user -A --user-agent -e --referer -x --proxy --preproxy -U --proxy-user -T --upload-file -F --form --form-string -b --cookie -c --cookie-jar -K --config -w --write-out -m --max-time --connect-timeout --retry --retry-delay --retry-max-time --cacert --capath --cert -E --key --key-type --cert-type --ciphers --resolve --connect-to --interface -r --range -y --speed-time -Y --speed-limit -z --time-cond -C --continue-at --limit-rate --output-dir --url --unix-socket --abstract-unix-socket --socks4 --socks4a --socks5 --socks5-hostname --noproxy --max-filesize --max-redirs --dns-servers --local-port --trace --trace-ascii --stderr -D --dump-header --oauth2-bearer --aws-sigv4 --json --variable --expand-url --proto --proto-redir --retry-all-errors-x --hostpubmd5 --pubkey --tls-max --mail-from --mail-rcpt --url-query',
  wget: '-O --output-document -o --output-file -a --append-output -P --directory-prefix -e --execute -i --input-file -B --base -U --user-agent --header --post-data --post-file --body-data --body-file --method -t --tries -T --timeout -w --wait --user --password --http-user --http-password --ca-certificate --certificate --private-key --load-cookies --save-cookies -l --level -A --accept -R --reject -D --domains --exclude-domains -Q --quota --limit-rate --bind-address --referer',
  git: '-C -c --git-dir --work-tree --namespace --exec-path --config-env --super-prefix',
  'git-clone': '-o --origin -b --branch -u --upload-pack --reference --reference-if-able --separate-git-dir --depth --shallow-since --shallow-exclude -c --config -j --jobs --template --filter --bundle-uri --server-option',
  docker: '-H --host --config -c --context -l --log-level --tlscacert --tlscert --tlskey',
  'docker-run': '-e --env --env-file -v --volume --mount -p --publish --name -w --workdir --network --net --entrypoint -u --user -l --label --label-file --platform -m --memory --memory-swap --memory-reservation --cpus --cpu-shares -c --cpuset-cpus --restart -h --hostname --add-host --dns --dns-search --dns-option --device --cap-add --cap-drop --security-opt --ulimit --tmpfs --shm-size --gpus --ipc --pid --userns --uts --cidfile --health-cmd --health-interval --health-retries --health-timeout --health-start-period --log-driver --log-opt --pull --runtime --stop-signal --stop-timeout --link --expose --group-add --mac-address --ip --ip6 --network-alias --volumes-from --isolation --cgroupns --cgroup-parent --blkio-weight --kernel-memory --oom-score-adj --pids-limit --storage-opt --sysctl --attach -a --detach-keys --annotation --domainname --volume-driver --device-cgroup-rule --cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime --cpuset-mems --memory-swappiness',
  'docker-pull': '--platform',
  'docker-push': '',
  sudo: '-u --user -g --group -p --prompt -C --close-from -h --host -r --role -t --type -U --other-user -D --chdir -T --command-timeout',
  env: '-u --unset -C --chdir -S --split-string',
  timeout: '-s --signal -k --kill-after',
  nice: '-n --adjustment',
  ionice: '-c --class -n --classdata -t',
  stdbuf: '-i --input -o --output -e --error',
  time: '-f --format -o --output',
  xargs: '-I -L -n --max-args -P --max-procs -s --max-chars -d --delimiter -E -a --arg-file --process-slot-var',
  watch: '-n --interval -d --differences',
  exec: '-a',
  setsid: '',
  cp: '-S --suffix -t --target-directory --backup',
  mv: '-S --suffix -t --target-directory --backup',
  ln: '-S --suffix -t --target-directory --backup',
  install: '-m --mode -o --owner -g --group -S --suffix -t --target-directory -C --context',
  touch: '-d --date -t -r --reference',
  mkdir: '-m --mode --context',
  truncate: '-s --size -r --reference',
  chmod: '--reference',
  chown: '--reference --from',
  chgrp: '--reference',
  tee: '--output-error',
  rm: '',
  sed: '-e --expression -f --file -l --line-length -s',
  tar: '-f --file -C --directory -T --files-from -X --exclude-from --exclude -b --blocking-factor -H --format --transform --owner --group --mode --mtime -I --use-compress-program --newer -N --after-date',
  unzip: '-d -x -P',
  kubectl: '-s --server -n --namespace --context --cluster --user --kubeconfig -o --output -f --filename -l --selector -c --container --as --as-group --token --certificate-authority --client-certificate --client-key --request-timeout --field-selector --template -p --patch --type --replicas --image -i',
  helm: '--kube-apiserver --kube-context --kubeconfig -n --namespace --repo --version -f --values --set --set-string --set-file --username --password --ca-file --cert-file --key-file -o --output --timeout --post-renderer',
  pip: '-i --index-url --extra-index-url -f --find-links --trusted-host --proxy -r --requirement -c --constraint -t --target --prefix --root --cert --client-cert --cache-dir --src -e --editable --log --platform --python-version --implementation --abi --upgrade-strategy --progress-bar --timeout --retries --exists-action --global-option --config-settings',
  npm: '--registry --proxy --https-proxy --prefix -w --workspace --tag --access --otp --userconfig --cache --loglevel',
  aws: '--endpoint-url --region --profile --output --query --cli-input-json --cli-input-yaml --color --ca-bundle --cli-read-timeout --cli-connect-timeout',
  nc: '-p -s -w -i -q -x -X -O -T -I -V -M -m -e -c',
  ssh: '',
  rsync: '-e --rsh --rsync-path --exclude --include --exclude-from --include-from --files-from --filter -f --chmod --chown --backup-dir --suffix --partial-dir --temp-dir -T --compare-dest --copy-dest --link-dest --log-file --bwlimit --timeout --contimeout --port --password-file --max-size --min-size --info --debug --out-format --iconv --usermap --groupmap',
  find: '',
  terraform: '-chdir',
};

function valueSet(key: string): Set<string> {
  return new Set((VALUE_OPTS[key] ?? '').split(' ').filter((s) => s !== ''));
}

/** Options and positional words of a command. */
interface Parsed {
  opts: { name: string; value?: Word }[];
  positionals: Word[];
  /** Words after the first positional when parsing stopped there (wrappers). */
  rest: Word[];
}

/**
 * Split options from positional words: `--long=value`, `--long value` (when listed), short
 * clusters `-abc` with a value taken by the first listed letter (`-ofile` or `-o file`).
 */
function parseOptions(args: readonly Word[], withValue: Set<string>, stopAtPositional = false): Parsed {
  const out: Parsed = { opts: [], positionals: [], rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = a.value;
    if (v === '--' && !a.dynamic) {
      out.positionals.push(...args.slice(i + 1));
      if (stopAtPositional && out.positionals.length > 0) {
        out.rest = out.positionals.splice(1);
      }
      return out;
    }
    if (v.startsWith('--') && v.length > 2 && !a.dynamic) {
      const eq = v.indexOf('=');
      if (eq > 0) {
        out.opts.push({ name: v.slice(0, eq), value: { value: v.slice(eq + 1), raw: a.raw, dynamic: a.dynamic } });
      } else if (withValue.has(v) && i + 1 < args.length) {
        out.opts.push({ name: v, value: args[++i] });
      } else {
        out.opts.push({ name: v });
      }
      continue;
    }
    if (v.startsWith('-') && v.length > 1 && !a.dynamic && !/^-\d/.test(v)) {
      for (let j = 1; j < v.length; j++) {
        const flag = `-${v[j]}`;
        if (withValue.has(flag)) {
          const attached = v.slice(j + 1);
          if (attached !== '') {
            out.opts.push({ name: flag, value: { value: attached, raw: attached, dynamic: false } });
          } else if (i + 1 < args.length) {
            out.opts.push({ name: flag, value: args[++i] });
          } else {
            out.opts.push({ name: flag });
          }
          break;
        }
        out.opts.push({ name: flag });
      }
      continue;
    }
    out.positionals.push(a);
    if (stopAtPositional) {
      out.rest = args.slice(i + 1);
      return out;
    }
  }
  return out;
}

function has(p: Parsed, ...names: string[]): boolean {
  return p.opts.some((o) => names.includes(o.name));
}

function values(p: Parsed, ...names: string[]): Word[] {
  return p.opts.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as Word);
}

function basename(p: string): string {
  const s = p.replace(/\\/g, '/');
  return s.slice(s.lastIndexOf('/') + 1).replace(/\.exe$/i, '');
}

function lit(value: string): Word {
  return { value, raw: value, dynamic: false };
}

/** The parsed word behind a made-up one keeps its dynamic flag. */
const UNKNOWN: Word = { value: '$INPUT', raw: '$INPUT', dynamic: true };

/** Where a command sits in its script. */
interface Where {
  cmd?: ShellCommand;
  pipedFrom?: ShellCommand[];
  /** The command is followed by `&&`. */
  chained?: boolean;
}

/** Stateful walk over one command line. */
class Analyzer {
  readonly denials = new Set<string>();
  readonly hosts = new Set<string>();
  readonly writes = new Set<string>();
  readonly destructive = new Set<string>();
  /** Folders the following commands may run in (several after `cd` in subshells). */
  private cwds: string[];
  private cwdUnknown = false;
  /** Inside a container (docker exec/run, kubectl exec): paths are the container's, not ours. */
  private inContainer = 0;
  /** Whether the script being analysed can scope a cd (subshells, substitutions). */
  private scoped = false;
  /** Files a fetcher saved in this command line (running one is download-and-execute). */
  private readonly downloaded = new Set<string>();
  /** Files this command line writes (redirections, cp, tee…): running one later runs code the policy never saw as a command. */
  private readonly written = new Set<string>();

  constructor(private readonly ctx: CommandContext) {
    this.cwds = [ctx.cwd];
  }

  deny(reason: string): void {
    this.denials.add(reason);
  }

  script(text: string, depth: number): void {
    if (depth > MAX_DEPTH) {
      this.deny(`commands nested more than ${MAX_DEPTH} levels deep (sh -c inside sh -c …) cannot be checked`);
      return;
    }
    if (text.length > MAX_LENGTH) {
      this.deny(`the command is longer than ${MAX_LENGTH} characters; split it or put it in a script file`);
      return;
    }
    let s: ShellScript;
    try {
      s = parseShell(text);
    } catch (e) {
      this.deny(`the command could not be parsed (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    if (s.hasError) {
      const at = s.errorOffset ?? 0;
      this.deny(`the command has a shell syntax error near "${text.slice(at, at + 20).trim()}"`);
      return;
    }
    if (s.functions.length > 0) {
      this.deny(`the command defines a shell function (${s.functions.join(', ')}), which hides what later runs; run the commands directly`);
    }
    for (const a of s.assignments) {
      this.assignment(a.name, a.value);
    }
    // without subshells or substitutions a `cd X &&` moves every later command
    const outerScoped = this.scoped;
    this.scoped = outerScoped || depth > 0 || /[()`]/.test(text);
    const pipelines = new Map<number, ShellCommand[]>();
    for (const cmd of s.commands) {
      if (cmd.pipeLength > 1) {
        const list = pipelines.get(cmd.pipelineId) ?? [];
        list.push(cmd);
        pipelines.set(cmd.pipelineId, list);
      }
    }
    for (const cmd of s.commands) {
      for (const a of cmd.assignments) {
        this.assignment(a.name, a.value);
      }
      this.redirects(cmd);
      if (cmd.nameWord) {
        const before = (pipelines.get(cmd.pipelineId) ?? []).filter((m) => m.pipeIndex < cmd.pipeIndex);
        const chained = /^\s*&&/.test(text.slice(cmd.end));
        this.words([cmd.nameWord, ...cmd.args], depth, { cmd, pipedFrom: before, chained });
      }
    }
    this.scoped = outerScoped;
  }

  private assignment(name: string, value: ShellWord | undefined): void {
    if (PROXY_VARS.test(name)) {
      this.deny(`setting ${name} sends traffic through a proxy, which hides the real destination`);
    } else if (DANGEROUS_ENV.test(name)) {
      this.deny(`setting ${name} changes which code or endpoint a program uses`);
    }
    if (value) {
      this.scanWord(value);
    }
  }

  private redirects(cmd: ShellCommand): void {
    for (const r of cmd.redirects) {
      const op = r.operator;
      if (r.heredoc !== undefined || op.startsWith('<<')) {
        continue;
      }
      const target = r.target;
      if (!target) {
        continue;
      }
      if (/^[0-9]*[<>]&-?$/.test(op) || /^[<>]&$/.test(op) || op.endsWith('&') && /^\d+-?$/.test(target.value)) {
        continue;
      }
      this.devTcp(target);
      if (op.includes('>')) {
        this.writeTarget(target, `the redirection '${op} ${target.raw}'`);
      } else {
        this.readTarget(target);
      }
    }
  }

  /** `/dev/tcp/host/port` opens a connection in bash. */
  private devTcp(w: Word): void {
    const m = /\/dev\/(tcp|udp)\/([^/\s]*)/.exec(w.value);
    if (m) {
      this.addHost(normalizeHost(m[2]), `/dev/${m[1]}`);
    }
  }

  /** Every URL in a word must be allowed; a URL whose host is computed cannot be checked. */
  private scanWord(w: Word): void {
    for (const url of findUrls(w.value)) {
      if (url.scheme === 'ext' || url.scheme.startsWith('ext+')) {
        this.deny(`'${url.text}' uses git's ext transport, which runs a program`);
        continue;
      }
      this.addHost(url.result, url.text);
    }
    if (w.dynamic && /:\/\/|\/dev\/(tcp|udp)\//.test(w.value) && findUrls(w.value).length === 0) {
      this.deny(`the destination in ${w.raw} is computed at run time and cannot be checked`);
    }
    this.devTcp(w);
  }

  private addHost(r: HostResult, where: string): void {
    if (!r.ok) {
      this.deny(`cannot determine the destination of ${where}: ${r.reason}`);
      return;
    }
    this.hosts.add(r.host);
    if (!hostAllowed(r.host, r.ip, this.ctx.permissions.network)) {
      const list = this.ctx.permissions.network.length > 0 ? this.ctx.permissions.network.join(', ') : 'none';
      this.deny(r.ip ? `${r.host} is an IP address not listed in permissions.network (allowed: ${list}); IP literals must be listed exactly` : `${r.host} is not in permissions.network (allowed: ${list}); add it to aurora.yaml if the agent should reach it`);
    }
  }

  /** A word naming a host or URL (curl's argument, --server's value…). */
  private hostArg(w: Word, what: string): void {
    if (w.value.includes('://')) {
      const urls = findUrls(w.value);
      const hostPart = w.value.slice(w.value.indexOf('://') + 3).split(/[/?#]/)[0];
      if (w.dynamic && /[$`]/.test(hostPart)) {
        this.deny(`the destination of ${what} (${w.raw}) is computed at run time and cannot be checked`);
        return;
      }
      for (const u of urls) {
        this.addHost(u.result, what);
      }
      return;
    }
    if (w.dynamic) {
      this.deny(`the destination of ${what} (${w.raw}) is computed at run time and cannot be checked`);
      return;
    }
    const hostPart = w.value.split(/[/?#]/)[0];
    this.addHost(normalizeHost(hostPart), `${what} '${w.value}'`);
  }

  /** Resolve a path word for every folder the command may run in. */
  private resolveAll(word: Word): { abs: string[]; problem?: string } {
    const w = this.expandPwd(word);
    if (w.dynamic) {
      return { abs: [], problem: `${w.raw} is computed at run time` };
    }
    const v = w.value;
    if (v.startsWith('~')) {
      return { abs: [], problem: `${v} is in the home folder, outside the workspace` };
    }
    const relative = !v.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(v);
    if (relative && this.cwdUnknown) {
      return { abs: [], problem: `${v} is relative to a folder that cannot be determined (cd to a computed path)` };
    }
    return { abs: (relative ? this.cwds : [this.cwds[0]]).map((c) => joinPath(c, v)) };
  }

  /** `$PWD/x`, `${PWD}/x` and `$(pwd)/x` are known: the folder the command runs in. */
  private expandPwd(w: Word): Word {
    if (!w.dynamic || this.cwdUnknown || this.cwds.length !== 1) {
      return w;
    }
    const m = /^(\$PWD|\$\{PWD\}|\$\(pwd\)|`pwd`)(.*)$/.exec(w.value);
    if (!m || /[$`]/.test(m[2])) {
      return w;
    }
    return { value: `${this.cwds[0]}${m[2]}`, raw: w.raw, dynamic: false };
  }

  /** A path the command writes: inside the workspace, inside permissions.filesystem, not a secret. */
  /** The command line itself downloaded or wrote this file earlier. */
  private madeHere(file: string): boolean {
    const p = joinPath(this.cwds[0], file);
    return this.downloaded.has(p) || this.written.has(p);
  }

  writeTarget(w: Word, what: string): void {
    if (this.inContainer > 0) {
      return;
    }
    if (!w.dynamic && /^\/dev\/(null|stdout|stderr|tty|fd\/\d+)$/.test(w.value)) {
      return;
    }
    if (!w.dynamic) {
      this.written.add(joinPath(this.cwds[0], w.value));
    }
    const r = this.resolveAll(w);
    if (r.problem) {
      this.deny(`${what} writes to ${r.problem}`);
      return;
    }
    for (const abs of r.abs) {
      const res = resolveInWorkspace(abs, this.ctx);
      if (!res.ok) {
        this.deny(`${what} writes outside the workspace: ${res.reason}`);
        continue;
      }
      this.writes.add(res.path.real);
      for (const form of [res.path, ...res.alternates]) {
        const secret = secretReason(form.relative) ?? secretReason(form.realRelative);
        const prot = protectedReason(form.relative) ?? protectedReason(form.realRelative);
        if (secret || prot) {
          this.deny(`${what} writes to ${form.relative}: ${secret ?? prot}`);
          break;
        }
        const entries = this.ctx.permissions.filesystem;
        if (!permittedByFilesystem(form.relative, entries, this.ctx.caseInsensitive) || !permittedByFilesystem(form.realRelative, entries, this.ctx.caseInsensitive)) {
          this.deny(`${what} writes to /${form.relative}, outside permissions.filesystem (${entries.length > 0 ? entries.join(', ') : 'no writable paths'})`);
          break;
        }
      }
    }
  }

  /** A file the command reads and passes on (cat, cp, curl -T …): not a secret file. */
  private readTarget(w: Word): void {
    if (this.inContainer > 0) {
      return;
    }
    if (w.dynamic || w.value.startsWith('~')) {
      // `~/.ssh/id_rsa`, `$HOME/.aws/credentials`: the folder is not known here, but the names
      // are, and a secret name is refused wherever it lives (these were only asked before)
      const secret = secretReason(w.value.replace(/^~[^/]*/, ''));
      if (secret) {
        this.deny(`the command reads ${w.value}: ${secret}`);
      }
      return;
    }
    const r = this.resolveAll(w);
    for (const abs of r.abs) {
      const res = resolveInWorkspace(abs, this.ctx);
      const rel = res.ok ? res.path.relative : undefined;
      const secret = res.ok ? (secretReason(res.path.relative) ?? secretReason(res.path.realRelative)) : secretReason(abs.replace(/^\/+/, ''));
      if (secret) {
        this.deny(`the command reads ${rel ?? w.value}: ${secret}`);
      }
    }
  }

  private words(words: readonly Word[], depth: number, where: Where): void {
    if (words.length === 0) {
      return;
    }
    const [name, ...args] = words;
    for (const a of args) {
      this.scanWord(a);
    }
    this.destinationFlags(args);
    if (args.some((a) => /\b(drop\s+(table|database|schema|keyspace)|truncate\s+table)\b/i.test(a.value))) {
      this.destructive.add('the command drops or truncates database objects');
    }
    if (name.dynamic) {
      this.deny(`the program to run (${name.raw}) is computed at run time`);
      return;
    }
    const base = basename(name.value);
    const lower = base.toLowerCase();
    if (DUMPERS.has(lower)) {
      for (const a of args) {
        if (!a.value.startsWith('-')) {
          this.readTarget(a.value.startsWith('@') ? lit(a.value.slice(1)) : a);
        }
      }
    }
    if (this.madeHere(name.value) && name.value.includes('/')) {
      this.deny(`runs ${name.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
    }
    switch (lower) {
      case 'env':
        return this.env(args, depth, where);
      case 'sudo':
      case 'doas':
      case 'run0':
        return this.wrapper(args, valueSet('sudo'), depth, where);
      case 'timeout': {
        const p = parseOptions(args, valueSet('timeout'), true);
        return this.words(p.rest, depth, where);
      }
      case 'nice':
      case 'ionice':
      case 'stdbuf':
      case 'time':
      case 'nohup':
      case 'setsid':
      case 'unbuffer':
      case 'exec':
      case 'builtin':
      case 'chronic':
      case 'caffeinate':
        return this.wrapper(args, valueSet(lower), depth, where);
      case 'command': {
        if (args.some((a) => a.value === '-v' || a.value === '-V')) {
          return;
        }
        return this.wrapper(args, new Set(), depth, where);
      }
      case 'busybox':
      case 'toybox':
        return this.words(args, depth, where);
      case 'xargs':
        return this.xargs(args, depth, where);
      case 'watch': {
        const p = parseOptions(args, valueSet('watch'), true);
        const inner = [...p.positionals, ...p.rest];
        if (has(p, '-x', '--exec')) {
          return this.words(inner, depth, where);
        }
        return this.commandString(inner, depth, 'watch');
      }
      case 'find':
        return this.find(args, depth, where);
      case 'eval':
        return this.commandString(args, depth, 'eval');
      case 'trap':
        if (args.length > 0 && !args[0].value.startsWith('-')) {
          this.commandString([args[0]], depth, 'trap');
        }
        return;
      case 'alias':
      case 'unalias':
        this.deny('the command defines an alias, which hides what later runs; run the commands directly');
        return;
      case 'source':
      case '.':
        if (args.length === 0 || args[0].dynamic) {
          this.deny(`'${base}' runs code whose source is computed at run time (${args[0]?.raw ?? 'nothing'})`);
        }
        return;
      case 'su':
        return this.su(args, depth);
      case 'cd':
      case 'pushd':
        return this.cd(args, where.chained === true && !this.scoped && where.cmd?.pipeLength === 1);
      case 'curl':
        return this.curl(args);
      case 'wget':
      case 'wget2':
        return this.wget(args);
      case 'git':
        return this.git(args);
      case 'rsync':
        return this.rsync(args);
      case 'docker':
      case 'podman':
      case 'nerdctl':
        return this.docker(args);
      case 'kubectl':
      case 'oc':
        return this.kubectl(args);
      case 'helm':
        return this.helm(args);
      case 'pip':
      case 'pip3':
        return this.pip(args);
      case 'npm':
      case 'npx':
      case 'yarn':
      case 'pnpm':
        return this.npm(args);
      case 'aws':
        return this.aws(args);
      case 'gcloud':
      case 'az':
        return this.cloudCli(lower, args);
      case 'terraform':
      case 'tofu':
      case 'terragrunt':
        return this.terraform(args);
      case 'pulumi':
        if (args.some((a) => a.value === 'destroy')) {
          this.destructive.add('pulumi destroy');
        }
        return;
      case 'rm':
      case 'rmdir':
      case 'unlink':
      case 'shred':
        return this.remove(lower, args);
      case 'cp':
      case 'mv':
      case 'ln':
      case 'install':
        return this.copy(lower, args);
      case 'tee':
      case 'touch':
      case 'mkdir':
      case 'truncate':
        return this.allPositionalsWritten(lower, args);
      case 'chmod':
      case 'chown':
      case 'chgrp':
        return this.chmod(lower, args);
      case 'dd':
        return this.dd(args);
      case 'sed':
        return this.sed(args);
      case 'perl':
        if (args.some((a) => /^-[a-zA-Z]*i/.test(a.value))) {
          const p = parseOptions(args, new Set(['-e', '-E', '-M', '-I']));
          for (const f of p.positionals) {
            this.writeTarget(f, 'perl -i');
          }
        }
        return this.interpreter(lower, args, depth, where);
      case 'tar':
        return this.tar(args);
      case 'unzip':
        return this.unzip(args);
      case 'mkfs':
        this.destructive.add('mkfs formats a file system');
        return;
      case 'crontab':
        // installing a crontab plants a command that runs later, unseen by the user and the policy
        if (!args.every((a) => a.value === '-l' || a.value === '-u' || /^[a-z_][a-z0-9_-]*$/.test(a.value))) {
          this.deny('crontab installs commands that run later without confirmation; list them with crontab -l instead');
        }
        return;
      case 'openssl':
        if (args[0] && /^s_(client|time)$/.test(args[0].value)) {
          const dest = args.filter((_, i) => i > 0 && /^-(connect|proxy|host)$/.test(args[i - 1].value));
          if (dest.length === 0) {
            this.deny(`openssl ${args[0].value} without -connect reaches a default host the policy cannot check`);
          }
          for (const w of dest) {
            this.hostArg(w.dynamic ? w : { ...w, value: w.value.replace(/:\d+$/, '') }, `openssl ${args[0].value}`);
          }
        }
        break;
      default:
        break;
    }
    if (lower.startsWith('mkfs.')) {
      this.destructive.add('mkfs formats a file system');
      return;
    }
    if (SSH_LIKE.has(lower)) {
      this.deny(`${base} logs into or copies to servers by hand; Aurora follows immutable infrastructure: change the code (Terraform, manifests, images) and re-apply instead`);
      return;
    }
    if (HOST_ARG_TOOLS.has(lower)) {
      return this.hostTools(lower, args);
    }
    if (lower === 'socat') {
      return this.socat(args);
    }
    if (SHELLS.has(lower)) {
      return this.shell(base, args, depth, where);
    }
    if (SCRIPT_INTERPRETERS.test(lower)) {
      return this.interpreter(lower, args, depth, where);
    }
  }

  /** Options any tool may have whose value is a destination (`--server=https://…`). */
  private destinationFlags(args: readonly Word[]): void {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      const eq = v.indexOf('=');
      const flag = eq > 0 ? v.slice(0, eq) : v;
      if (!DESTINATION_FLAGS.has(flag)) {
        continue;
      }
      const value = eq > 0 ? { value: v.slice(eq + 1), raw: args[i].raw, dynamic: args[i].dynamic } : args[i + 1];
      if (value && value.value !== '') {
        this.hostArg(value, flag);
      }
    }
  }

  private wrapper(args: readonly Word[], withValue: Set<string>, depth: number, where: Where): void {
    const p = parseOptions(args, withValue, true);
    if (p.positionals.length === 0) {
      return;
    }
    this.words([...p.positionals, ...p.rest], depth, where);
  }

  private env(args: readonly Word[], depth: number, where: Where): void {
    const p = parseOptions(args, valueSet('env'), true);
    for (const s of values(p, '-S', '--split-string')) {
      this.commandString([s], depth, 'env -S');
      return;
    }
    for (const d of values(p, '-C', '--chdir')) {
      this.cd([d]);
    }
    const rest = [...p.positionals, ...p.rest];
    let i = 0;
    for (; i < rest.length; i++) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(rest[i].value);
      if (!m) {
        break;
      }
      const value = { ...rest[i], value: rest[i].value.slice(m[0].length), start: 0, end: 0 };
      this.assignment(m[1], value);
    }
    this.words(rest.slice(i), depth, where);
  }

  private xargs(args: readonly Word[], depth: number, where: Where): void {
    const p = parseOptions(args, valueSet('xargs'), true);
    const replace = values(p, '-I')[0]?.value ?? (p.opts.find((o) => o.name === '-i') ? '{}' : undefined);
    let inner = [...p.positionals, ...p.rest];
    if (inner.length === 0) {
      return;
    }
    if (replace) {
      inner = inner.map((w) => (w.value.includes(replace) ? { ...UNKNOWN, raw: w.raw } : w));
    } else {
      inner = [...inner, UNKNOWN];
    }
    this.words(inner, depth, where);
  }

  /** `sh -c STRING`, `eval …`, `watch …`: a literal string is parsed; a computed one is denied. */
  private commandString(parts: readonly Word[], depth: number, what: string): void {
    if (parts.length === 0) {
      return;
    }
    if (parts.some((w) => w.dynamic)) {
      this.deny(`${what} runs a command text built at run time (${parts.map((w) => w.raw).join(' ')}), which cannot be checked`);
      return;
    }
    this.script(parts.map((w) => w.value).join(' '), depth + 1);
  }

  private shell(base: string, args: readonly Word[], depth: number, where: Where): void {
    let i = 0;
    let commandMode = false;
    let stdinMode = false;
    for (; i < args.length; i++) {
      const v = args[i].value;
      if (args[i].dynamic) {
        break;
      }
      if (v === '--' || v === '-') {
        stdinMode = v === '-';
        i++;
        break;
      }
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v) || v === '--command') {
        commandMode = true;
        continue;
      }
      if (/^[-+][a-zA-Z]*s[a-zA-Z]*$/.test(v)) {
        stdinMode = true;
        continue;
      }
      if (/^[-+]o$/.test(v) || v === '--rcfile' || v === '--init-file') {
        i++;
        continue;
      }
      if (v.startsWith('-') || v.startsWith('+')) {
        continue;
      }
      break;
    }
    const rest = args.slice(i);
    if (commandMode) {
      if (rest.length === 0 || rest[0].dynamic) {
        this.deny(`${base} -c runs a command text built at run time (${rest[0]?.raw ?? 'nothing'}), which cannot be checked`);
        return;
      }
      this.script(rest[0].value, depth + 1);
      return;
    }
    if (rest.length > 0 && !stdinMode) {
      const script = rest[0];
      if (script.dynamic) {
        this.deny(`${base} runs a script whose source is computed at run time (${script.raw}), e.g. process substitution of a download`);
        return;
      }
      if (this.madeHere(script.value)) {
        this.deny(`${base} runs ${script.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
      }
      return;
    }
    this.stdinProgram(base, where, (text) => this.script(text, depth + 1));
  }

  /** A program read from standard input: a literal here-document is checked, anything else denied. */
  private stdinProgram(base: string, where: Where, check: (text: string) => void): void {
    const fetcher = (where.pipedFrom ?? []).find((m) => {
      const n = basename(m.name).toLowerCase();
      return FETCHERS.has(n) || isDecoder(m) || (SCRIPT_INTERPRETERS.test(n) && /urllib|requests|http|socket|fetch/.test(m.raw));
    });
    if (fetcher) {
      this.deny(`pipes the output of '${fetcher.raw.slice(0, 60)}' into ${base}: download-and-execute (or decode-and-execute) runs code nobody reviewed; save the script, review it, and run it from the repository`);
      return;
    }
    const cmd = where.cmd;
    const heredoc = cmd?.redirects.find((r) => r.heredoc !== undefined || r.operator === '<<<');
    if (heredoc && (where.pipedFrom ?? []).length === 0) {
      const text = heredoc.heredoc ?? heredoc.target?.value;
      const quoted = heredoc.heredoc === undefined ? !heredoc.target?.dynamic : true;
      if (text !== undefined && quoted) {
        check(text);
        return;
      }
    }
    this.deny(`${base} reads the program from standard input, which cannot be checked; put the commands in the command line or a script file`);
  }

  private interpreter(lower: string, args: readonly Word[], depth: number, where: Where): void {
    const codeFlags = /^(python|pypy)/.test(lower)
      ? ['-c']
      : /^(node|nodejs|deno|bun)$/.test(lower)
        ? ['-e', '--eval', '-p', '--print', 'eval']
        : /^(perl|ruby)/.test(lower)
          ? ['-e', '-E']
          : /^php/.test(lower)
            ? ['-r']
            : /^(pwsh|powershell)$/.test(lower)
              ? ['-c', '-command', '-Command', '-EncodedCommand', '-enc', '-e', '-ec']
              : /awk$/.test(lower)
                ? []
                : ['-e', '-c'];
    if (/awk$/.test(lower)) {
      // awk's program is its first operand: system() and pipes to "sh" run commands
      const prog = args.find((a) => !a.value.startsWith('-'));
      if (prog && /system\s*\(|\|\s*getline|\|&|print[^;]*\|\s*"/.test(prog.value)) {
        this.deny(`${lower} runs commands from inside its program (system(), pipes); run them directly`);
      }
      return;
    }
    if (/^(pwsh|powershell)$/.test(lower) && args.some((a) => /^-(e|ec|enc|encodedcommand)$/i.test(a.value))) {
      this.deny(`${lower} -EncodedCommand hides the script it runs`);
      return;
    }
    const pyModule = /^(python|pypy)/.test(lower) ? args.findIndex((a) => a.value === '-m') : -1;
    if (pyModule >= 0) {
      const mod = args[pyModule + 1]?.value;
      if (mod === 'pip') {
        this.pip(args.slice(pyModule + 2));
      }
      return;
    }
    const idx = args.findIndex((a) => codeFlags.includes(a.value) || (codeFlags.includes('-c') && /^-[A-Za-z]*c$/.test(a.value) && /^(python|pypy)/.test(lower)));
    if (idx >= 0) {
      const code = args[idx + 1];
      if (!code) {
        return;
      }
      if (code.dynamic) {
        this.deny(`${lower} runs code built at run time (${code.raw}), which cannot be checked`);
        return;
      }
      this.inlineCode(lower, code.value, depth);
      return;
    }
    const operand = args.find((a) => !a.value.startsWith('-') || a.value === '-');
    if (operand && operand.value !== '-') {
      if (operand.dynamic) {
        this.deny(`${lower} runs a script whose source is computed at run time (${operand.raw})`);
      } else if (this.madeHere(operand.value)) {
        this.deny(`${lower} runs ${operand.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
      }
      return;
    }
    if (where.cmd && where.cmd.pipeIndex === 0 && !where.cmd.redirects.some((r) => r.heredoc !== undefined || r.operator.startsWith('<'))) {
      // an interactive interpreter with no input: nothing hidden runs
      return;
    }
    this.stdinProgram(lower, where, (text) => this.inlineCode(lower, text, depth));
  }

  /** Inline code (-c / -e / a here-document): its URLs must be allowed; network use without one is denied. */
  private inlineCode(lang: string, code: string, depth: number): void {
    // code that starts processes: the command strings it passes are checked like command lines
    if (/subprocess|os\.system|os\.popen|child_process|\bexec(Sync|File)?\s*\(|\bspawn(Sync)?\s*\(|\bsystem\s*\(|\bpopen\s*\(|%x\{|`[^`]+`|\bqx[({/]|Start-Process|Invoke-Expression/.test(code)) {
      const literals = code.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g) ?? [];
      for (const lit of literals) {
        const inner = lit.slice(1, -1);
        if (/\s/.test(inner.trim()) && /^[A-Za-z./_-]/.test(inner.trim())) {
          this.script(inner, depth + 1);
        }
      }
    }
    const urls = findUrls(code);
    for (const u of urls) {
      this.addHost(u.result, `${lang} code`);
    }
    const network = /\b(urllib|urllib2|urllib3|requests|httpx|aiohttp|http\.client|httplib|socket|ftplib|telnetlib|paramiko|smtplib|LWP|HTTP::Tiny|IO::Socket|Net::|open-uri|net\/http|Net::HTTP|fetch\s*\(|require\(['"](https?|net|dgram|tls)['"]\)|from\s+['"](node:)?(https?|net)['"]|axios|XMLHttpRequest|fsockopen|curl_init|file_get_contents\s*\(\s*['"]https?|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient|DownloadString|DownloadFile|Start-BitsTransfer)/;
    if (network.test(code) && urls.length === 0) {
      this.deny(`${lang} code opens network connections to a destination that cannot be determined`);
    }
    if (/\b(exec|eval)\s*\(|\bIEX\b|Invoke-Expression|\bsystem\s*\(|subprocess|os\.system|child_process|popen/i.test(code) && (network.test(code) || /b64decode|base64|atob|decode\(/.test(code))) {
      this.deny(`${lang} code downloads or decodes code and runs it (download-and-execute)`);
    }
  }

  private su(args: readonly Word[], depth: number): void {
    const i = args.findIndex((a) => a.value === '-c' || a.value === '--command');
    if (i >= 0) {
      this.commandString(args.slice(i + 1, i + 2), depth, 'su -c');
    }
  }

  private cd(args: readonly Word[], replaces = false): void {
    const target = args.find((a) => !a.value.startsWith('-') || a.value === '-');
    if (!target || target.dynamic || target.value === '-' || target.value.startsWith('~')) {
      this.cwdUnknown = true;
      return;
    }
    const next = new Set<string>();
    for (const c of this.cwds) {
      next.add(joinPath(c, target.value));
    }
    // `cd X && …` at top level moves what follows; elsewhere (subshells, `;` after a cd that may
    // fail) keep the old folders too and check writes against all of them
    this.cwds = replaces ? [...next] : [...new Set([...next, ...this.cwds])];
  }

  private curl(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('curl'));
    let remoteName = false;
    const outputDir = values(p, '--output-dir')[0];
    for (const o of p.opts) {
      const v = o.value;
      switch (o.name) {
        case '-o':
        case '--output':
          if (v && v.value !== '-') {
            this.writeTarget(outputDir && !v.dynamic ? lit(`${outputDir.value}/${v.value}`) : v, `curl ${o.name}`);
            if (!v.dynamic) {
              this.downloaded.add(joinPath(this.cwds[0], v.value));
            }
          }
          break;
        case '-O':
        case '--remote-name':
        case '--remote-name-all':
          remoteName = true;
          break;
        case '-K':
        case '--config':
          this.deny('curl --config reads options (and destinations) from a file, which cannot be checked');
          break;
        case '-x':
        case '--proxy':
        case '--preproxy':
        case '--socks4':
        case '--socks4a':
        case '--socks5':
        case '--socks5-hostname':
          if (v) {
            this.hostArg(v, `curl ${o.name}`);
          }
          break;
        case '--resolve':
        case '--connect-to':
          this.deny(`curl ${o.name} overrides where host names resolve, so the real destination cannot be checked`);
          break;
        case '-T':
        case '--upload-file':
          if (v) {
            this.readTarget(v);
          }
          break;
        case '-d':
        case '--data':
        case '--data-binary':
        case '--data-ascii':
        case '--data-urlencode':
        case '-F':
        case '--form':
        case '--json':
          if (v) {
            const m = /(?:^|=)[@<](.+)$/.exec(v.value);
            if (m) {
              this.readTarget(lit(m[1]));
            }
          }
          break;
        case '--url':
          if (v) {
            this.hostArg(v, 'curl --url');
          }
          break;
        default:
          break;
      }
    }
    for (const pos of p.positionals) {
      this.hostArg(pos, 'curl');
      if (remoteName && !pos.dynamic) {
        const path = pos.value.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0];
        const name = path.slice(path.lastIndexOf('/') + 1) || 'index.html';
        const file = outputDir ? `${outputDir.value}/${name}` : name;
        this.writeTarget(lit(file), 'curl -O');
        this.downloaded.add(joinPath(this.cwds[0], file));
      }
    }
  }

  private wget(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('wget'));
    if (has(p, '-e', '--execute', '--config')) {
      this.deny('wget --execute/--config runs wgetrc commands (which can set a proxy or other destinations)');
    }
    const input = values(p, '-i', '--input-file')[0];
    if (input) {
      this.deny(`wget --input-file reads the URLs from ${input.value === '-' ? 'standard input' : input.value}, so the destinations cannot be checked`);
    }
    for (const f of values(p, '--post-file', '--body-file')) {
      this.readTarget(f);
    }
    for (const f of values(p, '-o', '--output-file', '-a', '--append-output')) {
      this.writeTarget(f, 'wget log');
    }
    const out = values(p, '-O', '--output-document')[0];
    const prefix = values(p, '-P', '--directory-prefix')[0];
    for (const pos of p.positionals) {
      this.hostArg(pos, 'wget');
    }
    if (out) {
      if (out.value !== '-') {
        this.writeTarget(out, 'wget -O');
        if (!out.dynamic) {
          this.downloaded.add(joinPath(this.cwds[0], out.value));
        }
      }
      return;
    }
    for (const pos of p.positionals) {
      if (pos.dynamic) {
        continue;
      }
      const path = pos.value.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0];
      const name = path.slice(path.lastIndexOf('/') + 1) || 'index.html';
      const file = prefix ? `${prefix.value}/${name}` : name;
      this.writeTarget(prefix?.dynamic ? prefix : lit(file), 'wget');
      this.downloaded.add(joinPath(this.cwds[0], file));
    }
  }

  private git(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('git'), true);
    for (const c of values(p, '-c')) {
      this.gitConfigKey(c.value.split('=')[0], 'git -c');
    }
    if (has(p, '--exec-path', '--config-env')) {
      this.deny('git --exec-path/--config-env changes which programs git runs');
    }
    const sub = p.positionals[0]?.value;
    const rest = p.rest;
    const subArgs = sub === 'clone' || sub === 'submodule' ? parseOptions(rest, valueSet('git-clone')) : parseOptions(rest, new Set(['-o', '--origin', '-b', '--branch', '--upload-pack', '--receive-pack', '--exec', '-c', '--config', '--depth', '-t', '--track', '-m']));
    for (const c of values(subArgs, '-c', '--config')) {
      this.gitConfigKey(c.value.split('=')[0], `git ${sub} --config`);
    }
    if (has(subArgs, '-u', '--upload-pack', '--receive-pack', '--exec')) {
      this.deny(`git ${sub} --upload-pack/--receive-pack runs a program on the remote side`);
    }
    const remoteWords = subArgs.positionals.filter((w) => {
      const v = w.value;
      return v.includes('://') || scpLikeHost(v) !== undefined || v.startsWith('ext::');
    });
    for (const w of remoteWords) {
      if (w.value.startsWith('ext::') || /^[a-z+]*ext::/.test(w.value)) {
        this.deny(`'${w.value}' uses git's ext transport, which runs a program`);
        continue;
      }
      if (!w.value.includes('://')) {
        const host = scpLikeHost(w.value) as string;
        this.addHost(normalizeHost(host), `git ${sub} ${w.value}`);
      }
    }
    if (sub === 'clone') {
      const [src, dest] = subArgs.positionals;
      const base = values(p, '-C').pop();
      if (src && !src.dynamic) {
        let name = dest ?? lit(src.value.replace(/\/+$/, '').replace(/\.git$/, '').split(/[/:]/).pop() ?? 'repo');
        if (base && !name.dynamic && !name.value.startsWith('/')) {
          // git -C DIR clone … clones relative to DIR
          name = base.dynamic ? base : lit(`${base.value}/${name.value}`);
        }
        this.writeTarget(name, 'git clone');
      } else if (src?.dynamic) {
        this.deny(`git clone of a repository computed at run time (${src.raw}) cannot be checked`);
      }
    }
    if (sub === 'config') {
      const key = subArgs.positionals[0]?.value;
      if (key) {
        this.gitConfigKey(key, 'git config');
      }
    }
    if (sub === 'push') {
      if (has(subArgs, '-f', '--force', '--force-with-lease', '--force-if-includes', '--mirror', '-d', '--delete', '--prune') || subArgs.positionals.some((w) => w.value.startsWith('+') || w.value.startsWith(':'))) {
        this.destructive.add('git push --force/--delete rewrites or deletes remote history');
      }
    }
    if (sub === 'reset' && has(subArgs, '--hard')) {
      this.destructive.add('git reset --hard discards local changes');
    }
    if (sub === 'clean' && subArgs.opts.some((o) => o.name === '-f' || o.name === '--force')) {
      this.destructive.add('git clean -f deletes untracked files');
    }
  }

  private gitConfigKey(key: string, what: string): void {
    const k = key.toLowerCase();
    if (/(^|\.)(proxy|sshcommand|gitproxy|fsmonitor|hookspath|askpass|editor|pager|uploadpack|receivepack|helper|insteadof|pushinsteadof)$/.test(k) || k.startsWith('protocol.') || k.startsWith('alias.') || k.startsWith('credential') || k === 'core.worktree' || /^filter\./.test(k) || /^diff\..*\.(textconv|command)$/.test(k)) {
      this.deny(`${what} ${key} changes where git connects or which programs it runs`);
    }
  }

  private rsync(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('rsync'));
    if (has(p, '-e', '--rsh', '--rsync-path')) {
      this.deny('rsync --rsh/--rsync-path runs a remote shell program');
    }
    let remote = false;
    for (const w of p.positionals) {
      if (w.value.startsWith('rsync://')) {
        remote = true;
        continue;
      }
      const m = /^(?:[^@/:]+@)?([^:/]+)::/.exec(w.value);
      if (m) {
        remote = true;
        this.addHost(normalizeHost(m[1]), `rsync ${w.value}`);
        continue;
      }
      if (scpLikeHost(w.value)) {
        this.deny('rsync to or from host:path copies files onto servers over SSH; Aurora follows immutable infrastructure: build and deploy artifacts instead');
        return;
      }
    }
    if (has(p, '--delete', '--delete-before', '--delete-after', '--delete-during', '--remove-source-files')) {
      this.destructive.add('rsync --delete removes files');
    }
    const dest = p.positionals[p.positionals.length - 1];
    if (dest && p.positionals.length > 1 && !remote) {
      this.writeTarget(dest, 'rsync');
    }
  }

  private docker(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('docker'), true);
    for (const h of values(p, '-H', '--host')) {
      if (/^ssh:\/\//.test(h.value)) {
        this.deny('docker -H ssh://… runs commands on a server over SSH; deploy through the pipeline instead');
      } else if (/^(unix|npipe|fd):\/\//.test(h.value)) {
        // local daemon
      } else {
        this.hostArg(h, 'docker -H');
      }
    }
    let sub: string | undefined = p.positionals[0]?.value;
    let rest = p.rest;
    if (sub === 'container' || sub === 'image' || sub === 'buildx' || sub === 'compose' || sub === 'system' || sub === 'volume' || sub === 'network') {
      const group = sub;
      const inner = rest[0]?.value;
      if (group === 'system' && inner === 'prune') {
        this.destructive.add('docker system prune deletes containers, images and volumes');
      }
      if (group === 'volume' && (inner === 'rm' || inner === 'prune')) {
        this.destructive.add('docker volume rm/prune deletes data');
      }
      if (group === 'image' && inner === 'prune' && rest.some((w) => w.value === '-a' || w.value === '--all')) {
        this.destructive.add('docker image prune -a deletes every unused image');
      }
      if (group === 'compose') {
        const down = rest.findIndex((w) => w.value === 'down');
        if (down >= 0 && rest.slice(down).some((w) => w.value === '-v' || w.value === '--volumes')) {
          this.destructive.add('docker compose down --volumes deletes volumes');
        }
        return;
      }
      if (group === 'buildx') {
        if (inner === 'build' && rest.some((w) => w.value === '--push')) {
          this.imageTags(rest);
        }
        return;
      }
      sub = inner === 'create' || inner === 'run' || inner === 'pull' || inner === 'push' ? inner : group === 'container' ? inner : undefined;
      rest = rest.slice(1);
    }
    switch (sub) {
      case 'pull':
      case 'push': {
        const q = parseOptions(rest, valueSet('docker-pull'));
        const image = q.positionals[0];
        if (image) {
          this.imageHost(image, true, `docker ${sub}`);
        }
        return;
      }
      case 'login':
      case 'logout': {
        const q = parseOptions(rest, new Set(['-u', '--username', '-p', '--password']));
        const server = q.positionals[0];
        if (server) {
          this.hostArg(server, `docker ${sub}`);
        } else {
          this.addHost(normalizeHost('docker.io'), `docker ${sub} (Docker Hub)`);
        }
        return;
      }
      case 'run':
      case 'create': {
        const q = parseOptions(rest, valueSet('docker-run'), true);
        if (has(q, '--privileged')) {
          this.deny(`docker ${sub} --privileged gives the container full control of the host`);
        }
        for (const o of q.opts) {
          if ((o.name === '--pid' || o.name === '--network' || o.name === '--net' || o.name === '--ipc' || o.name === '--userns' || o.name === '--uts') && o.value?.value === 'host') {
            this.deny(`docker ${sub} ${o.name}=host shares the host's namespaces with the container`);
          }
        }
        for (const v of values(q, '-v', '--volume')) {
          this.bindMount(v, v.value.split(':')[0], sub);
        }
        for (const m of values(q, '--mount')) {
          const src = /(?:^|,)(?:source|src)=([^,]+)/.exec(m.value);
          if (src && /(?:^|,)type=bind/.test(m.value)) {
            this.bindMount(m, src[1], sub);
          }
        }
        const image = q.positionals[0];
        if (image) {
          this.imageHost(image, false, `docker ${sub}`);
          this.inContainerCommand(q.rest);
        }
        return;
      }
      case 'build':
        if (rest.some((w) => w.value === '--push')) {
          this.imageTags(rest);
        }
        return;
      case 'rm':
        if (rest.some((w) => /^-[a-z]*f/.test(w.value) || w.value === '--force')) {
          this.destructive.add('docker rm -f stops and deletes containers');
        }
        return;
      case 'exec': {
        const q = parseOptions(rest, new Set(['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys']), true);
        this.inContainerCommand(q.rest);
        return;
      }
      default:
        return;
    }
  }

  /** A command run inside a container: its destinations count, its paths are the container's. */
  private inContainerCommand(words: readonly Word[]): void {
    if (words.length === 0) {
      return;
    }
    this.inContainer++;
    try {
      this.words(words, 0, {});
    } finally {
      this.inContainer--;
    }
  }

  private bindMount(word: Word, source: string, sub: string): void {
    const w = this.expandPwd({ ...word, value: source });
    source = w.value;
    if (w.dynamic) {
      this.deny(`docker ${sub} mounts a host path computed at run time (${w.raw})`);
      return;
    }
    if (!source.startsWith('/') && !source.startsWith('.') && !source.startsWith('~') && !/^[A-Za-z]:/.test(source)) {
      return; // a named volume
    }
    const r = this.resolveAll(lit(source));
    if (r.problem) {
      this.deny(`docker ${sub} mounts ${r.problem}`);
      return;
    }
    for (const abs of r.abs) {
      const res = resolveInWorkspace(abs, this.ctx);
      if (!res.ok) {
        this.deny(`docker ${sub} mounts the host path ${source}, outside the workspace, into the container`);
      }
    }
  }

  /** Tags of `docker build --push -t registry/x:1`. */
  private imageTags(args: readonly Word[]): void {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if ((v === '-t' || v === '--tag') && args[i + 1]) {
        this.imageHost(args[i + 1], true, 'docker build --push');
      } else if (v.startsWith('--tag=')) {
        this.imageHost(lit(v.slice(6)), true, 'docker build --push');
      }
    }
  }

  /** The registry of an image reference; Docker Hub is implicit for pull/push only. */
  private imageHost(image: Word, implicitHub: boolean, what: string): void {
    if (image.dynamic) {
      if (/^[^/$]*[.:][^/$]*\//.test(image.value)) {
        this.addHost(normalizeHost(image.value.split('/')[0]), what);
      } else {
        this.deny(`${what}: the image (${image.raw}) is computed at run time, so its registry cannot be checked`);
      }
      return;
    }
    const first = image.value.split('/')[0];
    if (image.value.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
      this.addHost(normalizeHost(first), `${what} ${image.value}`);
    } else if (implicitHub) {
      this.addHost(normalizeHost('docker.io'), `${what} ${image.value} (Docker Hub)`);
    }
  }

  private kubectl(args: readonly Word[]): void {
    const dash = args.findIndex((a) => a.value === '--' && !a.dynamic);
    if (dash >= 0) {
      // kubectl exec/run/debug … -- CMD: the command runs in the cluster
      this.inContainerCommand(args.slice(dash + 1));
      args = args.slice(0, dash);
    }
    const p = parseOptions(args, valueSet('kubectl'));
    for (const s of values(p, '-s', '--server')) {
      this.hostArg(s, 'kubectl --server');
    }
    const sub = p.positionals[0]?.value;
    if (sub === 'delete' || sub === 'drain') {
      this.destructive.add(`kubectl ${sub} removes workloads or evicts pods`);
    }
    if ((sub === 'replace' && has(p, '--force')) || (sub === 'apply' && has(p, '--prune'))) {
      this.destructive.add(`kubectl ${sub} ${sub === 'replace' ? '--force' : '--prune'} deletes resources`);
    }
    if (sub === 'scale' && values(p, '--replicas').some((v) => v.value === '0')) {
      this.destructive.add('kubectl scale --replicas=0 stops the workload');
    }
  }

  private helm(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('helm'));
    const sub = p.positionals[0]?.value;
    if (sub === 'uninstall' || sub === 'delete' || sub === 'del' || sub === 'un') {
      this.destructive.add('helm uninstall removes a release');
    }
    if (sub === 'repo' && p.positionals[1]?.value === 'add') {
      const url = p.positionals[3];
      if (url) {
        this.hostArg(url, 'helm repo add');
      }
    }
    for (const r of values(p, '--repo')) {
      this.hostArg(r, 'helm --repo');
    }
    if (has(p, '--post-renderer')) {
      this.deny('helm --post-renderer runs a program on the rendered manifests');
    }
  }

  private pip(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('pip'));
    for (const v of values(p, '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host')) {
      if (v.value.includes('://') || !v.value.startsWith('.') && !v.value.startsWith('/')) {
        this.hostArg(v, 'pip index');
      }
    }
  }

  private npm(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('npm'));
    for (const v of values(p, '--registry')) {
      this.hostArg(v, 'npm --registry');
    }
  }

  private aws(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('aws'));
    const [service, op] = p.positionals.map((w) => w.value);
    if (service === 'ssm' && op === 'start-session') {
      this.deny('aws ssm start-session opens a shell on a server; Aurora follows immutable infrastructure');
    }
    if ((service === 's3' && (op === 'rb' || (op === 'rm' && has(p, '--recursive')))) || (op !== undefined && (/^(delete|terminate|deregister|remove)-/.test(op) || op === 'rb'))) {
      this.destructive.add(`aws ${service} ${op} deletes cloud resources`);
    }
  }

  private cloudCli(tool: string, args: readonly Word[]): void {
    const words = args.filter((a) => !a.value.startsWith('-')).map((a) => a.value);
    if (words.includes('ssh') || (tool === 'gcloud' && words.includes('scp'))) {
      this.deny(`${tool} ssh logs into a server by hand; Aurora follows immutable infrastructure: change the code and re-apply`);
    }
    if (words.includes('delete')) {
      this.destructive.add(`${tool} … delete removes cloud resources`);
    }
  }

  private terraform(args: readonly Word[]): void {
    const words = args.map((a) => a.value);
    const sub = words.find((w) => !w.startsWith('-'));
    if (sub === 'destroy' || (words.includes('run-all') && words.includes('destroy'))) {
      this.destructive.add('terraform destroy deletes infrastructure');
    }
    if (sub === 'apply' && words.some((w) => /^-{1,2}(auto-approve|destroy)(=true)?$/.test(w))) {
      this.destructive.add('terraform apply -auto-approve/-destroy changes infrastructure without a plan review');
    }
    if (sub === 'state' && (words.includes('rm') || words.includes('push'))) {
      this.destructive.add('terraform state rm/push rewrites the state');
    }
    if (sub === 'login' || sub === 'logout') {
      const host = args.filter((a) => !a.value.startsWith('-'))[1];
      this.addHost(normalizeHost(host && !host.dynamic ? host.value : 'app.terraform.io'), `terraform ${sub}`);
    }
  }

  private remove(tool: string, args: readonly Word[]): void {
    if (this.inContainer > 0) {
      return;
    }
    const p = parseOptions(args, new Set());
    for (const w of p.positionals) {
      this.writeTarget(w, tool);
      if (!w.dynamic && /^(\/|\/\*|\.|\.\/?\*?|\*|~\/?)$/.test(w.value.trim())) {
        this.destructive.add(`${tool} ${w.value} deletes a whole tree`);
      }
    }
    if (tool === 'rm' && has(p, '-r', '-R', '--recursive')) {
      this.destructive.add('rm -r deletes directories recursively');
    }
  }

  private copy(tool: string, args: readonly Word[]): void {
    const p = parseOptions(args, valueSet(tool));
    const targetDir = values(p, '-t', '--target-directory')[0];
    if (tool === 'install' && has(p, '-d', '--directory')) {
      for (const w of p.positionals) {
        this.writeTarget(w, 'install -d');
      }
      return;
    }
    let sources = p.positionals;
    if (targetDir) {
      this.writeTarget(targetDir, tool);
    } else if (p.positionals.length >= 1) {
      const dest = p.positionals[p.positionals.length - 1];
      sources = p.positionals.slice(0, -1);
      if (tool === 'ln' && p.positionals.length === 1) {
        this.writeTarget(lit(basename(dest.value)), tool);
      } else {
        this.writeTarget(dest, tool);
      }
    }
    if (tool === 'ln') {
      // a link is a second name for its target: writing through it later writes the target,
      // so the target must be writable too (symlinks created during the session)
      const dest = targetDir ? targetDir.value : p.positionals.length >= 2 ? p.positionals[p.positionals.length - 1].value : '.';
      const linkDir = dest.includes('/') ? dest.slice(0, dest.lastIndexOf('/')) || '/' : '.';
      for (const s of sources.length > 0 ? sources : p.positionals) {
        const symbolic = has(p, '-s', '--symbolic') || args.some((a) => /^-[a-zA-Z]*s/.test(a.value));
        if (symbolic && !s.dynamic && !s.value.startsWith('/')) {
          // a relative symlink target is resolved from the link's folder, not from the cwd
          this.writeTarget(lit(`${linkDir}/${s.value}`), 'ln -s (link target)');
        } else {
          this.writeTarget(s, 'ln (link target)');
        }
      }
    }
    if (tool === 'mv') {
      for (const s of sources) {
        this.writeTarget(s, 'mv (source removed)');
      }
    }
  }

  private allPositionalsWritten(tool: string, args: readonly Word[]): void {
    const p = parseOptions(args, valueSet(tool));
    for (const w of p.positionals) {
      this.writeTarget(w, tool);
    }
  }

  private chmod(tool: string, args: readonly Word[]): void {
    // the mode (chmod +x, 755, u=rw) or owner comes first unless --reference gives it
    const modeLike = (v: string): boolean => /^[0-7]{3,4}$/.test(v) || /^[ugoa]*[-+=][rwxXstugo]*(,[ugoa]*[-+=][rwxXstugo]*)*$/.test(v);
    const rest = args.filter((a) => !(a.value.startsWith('-') && !modeLike(a.value)));
    const p = parseOptions(args.filter((a) => a.value.startsWith('--')), valueSet(tool));
    const targets = has(p, '--reference') ? rest : rest.slice(1);
    for (const w of targets) {
      this.writeTarget(w, tool);
    }
  }

  private dd(args: readonly Word[]): void {
    for (const a of args) {
      if (a.value.startsWith('of=')) {
        this.writeTarget({ ...a, value: a.value.slice(3) }, 'dd of=');
        if (/^of=\/dev\//.test(a.value)) {
          this.destructive.add('dd writes to a device');
        }
      } else if (a.value.startsWith('if=')) {
        this.readTarget({ ...a, value: a.value.slice(3) });
      }
    }
  }

  private sed(args: readonly Word[]): void {
    const inPlace = args.some((a) => !a.dynamic && (/^-[a-zA-Z]*i/.test(a.value) && !a.value.startsWith('--') || a.value.startsWith('--in-place')));
    const p = parseOptions(args, valueSet('sed'));
    const hasScriptOpt = has(p, '-e', '--expression', '-f', '--file');
    const files = hasScriptOpt ? p.positionals : p.positionals.slice(1);
    const scripts = hasScriptOpt ? values(p, '-e', '--expression') : p.positionals.slice(0, 1);
    for (const s of scripts) {
      // GNU sed's `e` command and `w file` run programs and write files
      if (/(^|[;}\n])\s*e\b|\/e\s*($|;)|\bw\s+\S/.test(s.value)) {
        this.deny("the sed script runs commands or writes files ('e' / 'w'); edit the files with write_file instead");
      }
    }
    if (inPlace) {
      for (const f of files) {
        this.writeTarget(f, 'sed -i');
      }
    }
  }

  private tar(args: readonly Word[]): void {
    const first = args[0]?.value ?? '';
    const bundled = /^[a-zA-Z]+$/.test(first) ? `-${first}` : '';
    const p = parseOptions(bundled ? [lit(bundled), ...args.slice(1)] : args, valueSet('tar'));
    const extract = has(p, '-x', '--extract', '--get');
    const create = has(p, '-c', '--create', '-r', '--append', '-u', '--update');
    if (has(p, '--to-command', '--use-compress-program', '-I', '--checkpoint-action', '--info-script', '-F', '--new-volume-script')) {
      this.deny('tar runs a program (--to-command / --use-compress-program / --checkpoint-action)');
    }
    if (extract) {
      const dir = values(p, '-C', '--directory')[0] ?? lit('.');
      this.writeTarget(dir, 'tar -x');
    }
    if (create) {
      for (const f of values(p, '-f', '--file')) {
        if (f.value !== '-') {
          this.writeTarget(f, 'tar -c');
        }
      }
    }
  }

  private unzip(args: readonly Word[]): void {
    const p = parseOptions(args, valueSet('unzip'));
    if (has(p, '-l', '-t', '-v', '-Z', '-p')) {
      return;
    }
    this.writeTarget(values(p, '-d')[0] ?? lit('.'), 'unzip');
  }

  private find(args: readonly Word[], depth: number, where: Where): void {
    let i = 0;
    const starts: Word[] = [];
    while (i < args.length && !/^[-(!]/.test(args[i].value)) {
      starts.push(args[i]);
      i++;
    }
    if (starts.length === 0) {
      starts.push(lit('.'));
    }
    for (; i < args.length; i++) {
      const v = args[i].value;
      if (v === '-delete') {
        for (const s of starts) {
          this.writeTarget(s, 'find -delete');
        }
        this.destructive.add('find -delete removes files');
      } else if (v === '-fprint' || v === '-fprint0' || v === '-fprintf' || v === '-fls') {
        if (args[i + 1]) {
          this.writeTarget(args[i + 1], `find ${v}`);
        }
      } else if (v === '-exec' || v === '-execdir' || v === '-ok' || v === '-okdir') {
        const inner: Word[] = [];
        let j = i + 1;
        for (; j < args.length; j++) {
          const w = args[j].value;
          if (w === ';' || w === '+') {
            break;
          }
          inner.push(args[j]);
        }
        i = j;
        // each found file lies under a start path: check the command as if run on them
        for (const s of starts) {
          this.words(
            inner.map((w) => (w.value.includes('{}') ? { value: w.value.split('{}').join(s.value), raw: w.raw, dynamic: s.dynamic } : w)),
            depth,
            where,
          );
        }
      }
    }
  }

  private hostTools(tool: string, args: readonly Word[]): void {
    const p = parseOptions(args, new Set(['-c', '-i', '-w', '-W', '-t', '-s', '-p', '-q', '-I', '-m', '-b', '-x', '-X', '-e', '-l', '-o', '-T', '-f', '-k', '-y', '-M', '-O', '-V', '-h', '-P', '-S', '-g', '-z', '-F', '-n', '-N', '-a']));
    if (tool === 'nc' || tool === 'ncat' || tool === 'netcat') {
      if (has(p, '-l', '--listen')) {
        return;
      }
      if (has(p, '-e', '-c', '--exec', '--sh-exec', '--lua-exec')) {
        this.deny(`${tool} -e/-c connects a shell to the network`);
      }
      for (const x of values(p, '-x')) {
        this.hostArg(x, `${tool} -x (proxy)`);
      }
    }
    let positionals = p.positionals;
    if (tool === 'dig' || tool === 'drill') {
      positionals = positionals.filter((w) => !/^(A|AAAA|MX|NS|TXT|CNAME|SOA|SRV|PTR|ANY|CAA|DS|DNSKEY|IN|CH|HS)$/i.test(w.value) && !w.value.startsWith('+'));
      for (const w of positionals) {
        this.hostArg(w.value.startsWith('@') ? { ...w, value: w.value.slice(1) } : w, tool);
      }
      return;
    }
    if (tool === 'nc' || tool === 'ncat' || tool === 'netcat' || tool === 'telnet' || tool === 'hping3') {
      if (positionals[0]) {
        this.hostArg(positionals[0], tool);
      }
      return;
    }
    if (tool === 'nslookup') {
      for (const w of positionals.filter((w) => !w.value.startsWith('-')).slice(0, 2)) {
        this.hostArg(w, tool);
      }
      return;
    }
    for (const w of positionals) {
      if (/^\d+$/.test(w.value)) {
        continue;
      }
      this.hostArg(w, tool);
    }
  }

  private socat(args: readonly Word[]): void {
    for (const a of args.filter((w) => !w.value.startsWith('-'))) {
      const v = a.value;
      if (/^(EXEC|SYSTEM):/i.test(v)) {
        this.deny('socat EXEC:/SYSTEM: connects a program to a socket');
        continue;
      }
      const m = /^(?:TCP[46]?|UDP[46]?|OPENSSL|SSL|TCP-CONNECT|UDP-SENDTO|SOCKS4A?|PROXY)[:-]([^:,]+)/i.exec(v);
      if (m && !/LISTEN/i.test(v)) {
        this.hostArg({ ...a, value: m[1] }, 'socat');
      }
    }
  }
}

/** A pipeline member that decodes data (base64 -d, xxd -r …), so a shell after it runs hidden code. */
function isDecoder(cmd: ShellCommand): boolean {
  const n = basename(cmd.name).toLowerCase();
  const flags = cmd.args.map((a) => a.value);
  if ((n === 'base64' || n === 'base32' || n === 'basenc') && flags.some((f) => f === '-d' || f === '--decode' || f === '-D')) {
    return true;
  }
  if (n === 'xxd' && flags.some((f) => f === '-r')) {
    return true;
  }
  if (n === 'openssl' && flags.some((f) => f === '-d' || f === 'base64' || f === 'enc')) {
    return true;
  }
  return ['uudecode', 'gunzip', 'zcat', 'gzip', 'bzcat', 'xzcat', 'unxz', 'zstdcat', 'rev', 'tr', 'printf', 'echo'].includes(n) && (n !== 'echo' && n !== 'printf' || flags.some((f) => /\\x[0-9a-f]{2}|\\[0-7]{3}/i.test(f)));
}

/** Analyse a command line: denial reasons, destinations, write targets and destructive effects. */
export function analyzeCommand(command: string, ctx: CommandContext): CommandFacts {
  const a = new Analyzer(ctx);
  a.script(command, 0);
  return { denials: [...a.denials], hosts: [...a.hosts], writes: [...a.writes], destructive: [...a.destructive] };
}

import { parseShell } from '../../core/parsers/shell';
import type { ShellCommand, ShellRedirect, ShellScript, ShellWord } from '../../core/parsers/shell';
import type { Permissions } from '../types';
import { findUrls, hostAllowed, normalizeHost, scpLikeHost } from './hosts';
import type { HostResult } from './hosts';
import { globSecretReason, joinPath, permittedByFilesystem, protectedReason, relativeTo, resolveInWorkspace, secretReason, toSlashes } from './paths';
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
  /** What the user should know before approving (a remote whose host the text does not show…). */
  notes: string[];
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

/**
 * Programs that run the command given in their arguments: options taking a value, operands before
 * the command (flock's lock file, taskset's mask…), and options whose value is a command text.
 */
interface WrapperSpec {
  values: string;
  skip?: number;
  commandText?: string[];
}
const WRAPPERS: Record<string, WrapperSpec> = {
  flock: { values: '-w --timeout -E --conflict-exit-code', skip: 1, commandText: ['-c', '--command'] },
  taskset: { values: '', skip: 1 },
  chrt: { values: '-T --sched-runtime -P --sched-period -D --sched-deadline', skip: 1 },
  chroot: { values: '--userspec --groups', skip: 1 },
  faketime: { values: '-m -f', skip: 1 },
  unshare: { values: '--propagation --setgroups -S --setuid -G --setgid -R --root -w --wd --map-user --map-group --map-users --map-groups --kill-child' },
  nsenter: { values: '-t --target -S --setuid -G --setgid' },
  runuser: { values: '-u --user -g --group -G --supp-group -s --shell -w --whitelist-environment', commandText: ['-c', '--command'] },
  setpriv: { values: '--reuid --regid --ruid --rgid --euid --egid --groups --inh-caps --ambient-caps --bounding-set --securebits --selinux-label --apparmor-profile --pdeathsig' },
  strace: { values: '-o -e -p -s -u -E -a -b -I -O -S -P -X --output --trace --signal --user --env' },
  ltrace: { values: '-o -e -p -s -u -a -n -l -x -L -E --output' },
  'xvfb-run': { values: '-n --server-num -f --auth-file -e --error-file -s --server-args -p --xauth-protocol' },
  fakeroot: { values: '-l --lib --faked -s -i -b' },
  numactl: { values: '-C --physcpubind -N --cpunodebind -m --membind -i --interleave -p --preferred' },
  prlimit: { values: '-p --pid -o --output' },
  cgexec: { values: '-g' },
  'dbus-run-session': { values: '--config-file --dbus-daemon' },
  'ssh-agent': { values: '-a -E -P -t' },
  catchsegv: { values: '' },
  valgrind: { values: '' },
  'systemd-inhibit': { values: '--what --who --why --mode' },
};
/** Programs that send another program's traffic through a proxy. */
const PROXIFIERS = new Set(['proxychains', 'proxychains4', 'proxychains-ng', 'torsocks', 'tsocks', 'torify', 'graftcp', 'proxify']);
/** Commands whose arguments are text, not a command to run (`echo sh -c x` prints). */
const TEXT_COMMANDS = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'logger', 'wall', 'notify-send', 'jq', 'yq', 'man', 'which', 'type', 'whatis', 'apropos', 'help']);
/**
 * Environment variables naming a configuration file that can run programs or change endpoints:
 * one inside the workspace is refused (the repository would decide what runs).
 */
const CONFIG_FILE_ENV: Record<string, string> = {
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
  sed: '-e --expression -f --file -l --line-length',
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
  readonly notes = new Set<string>();
  /** Literal values of variables assigned once in the command line (undefined: assigned otherwise). */
  private readonly vars = new Map<string, string | undefined>();
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

  /** Code the policy cannot read runs: a command text built at run time, awk's system(), sed's e… */
  private hidden(what: string, how: string): void {
    this.deny(`${what} runs a command the policy cannot inspect (${how}); write the command out directly so it can be checked`);
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
    // bash's /dev/tcp and /dev/udp open sockets (`exec 3<>/dev/tcp/h/p` does not even parse)
    for (const m of text.matchAll(/\/dev\/(tcp|udp)\/[^\s'"]*/g)) {
      this.devTcp(lit(m[0]));
    }
    if (/\$\{[^}]*@P\}/.test(text)) {
      this.hidden('${var@P}', 'prompt expansion runs the command substitutions inside the variable\'s value');
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
      // literal values let `F=.env; cat "$F"` be read as `cat .env` (reads only: a guess never widens a write)
      this.vars.set(a.name, this.vars.has(a.name) || !a.value || a.value.dynamic ? undefined : a.value.value);
    }
    for (const d of s.declarations) {
      const exportsFunction = d.keyword === 'export' ? d.options.some((o) => o.includes('f')) : (d.keyword === 'declare' || d.keyword === 'typeset') && d.options.some((o) => o.includes('f')) && d.options.some((o) => o.includes('x'));
      if (exportsFunction) {
        this.hidden(`${d.keyword} ${d.options.join(' ')}`, 'export -f hands a shell function to every bash the command starts, replacing the commands it names');
      }
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
    // a compound command's redirections are resolved where it starts (after an earlier `cd`)
    const compound = [...s.compoundRedirects].sort((a, b) => a.start - b.start);
    let nextCompound = 0;
    const compoundUpTo = (offset: number): void => {
      for (; nextCompound < compound.length && compound[nextCompound].start <= offset; nextCompound++) {
        this.redirects(compound[nextCompound].redirects);
      }
    };
    for (const cmd of s.commands) {
      compoundUpTo(cmd.start);
      for (const a of cmd.assignments) {
        this.assignment(a.name, a.value);
      }
      this.redirects(cmd.redirects);
      if (cmd.nameWord) {
        const before = (pipelines.get(cmd.pipelineId) ?? []).filter((m) => m.pipeIndex < cmd.pipeIndex);
        const chained = /^\s*&&/.test(text.slice(cmd.end));
        this.words([cmd.nameWord, ...cmd.args], depth, { cmd, pipedFrom: before, chained });
      }
    }
    compoundUpTo(Number.POSITIVE_INFINITY);
    this.scoped = outerScoped;
  }

  private assignment(name: string, value: ShellWord | undefined): void {
    if (PROXY_VARS.test(name)) {
      this.deny(`setting ${name} sends traffic through a proxy, which hides the real destination`);
    } else if (/^GIT_(DIR|COMMON_DIR)$/.test(name) && value && !value.dynamic && /(^|\/)\.git\/?$/.test(value.value)) {
      // the repository's own .git: nothing changes
    } else if (PROGRAM_ENV.test(name)) {
      this.hidden(`setting ${name}`, 'git, man and other tools run the editor, pager, diff program or function it names');
    } else if (CONFIG_HOME_ENV.test(name)) {
      this.deny(`setting ${name} makes programs read their configuration (.curlrc, .gitconfig, .kube/config, .docker/config.json, .netrc) from another place, which can change where they connect or which programs they run`);
    } else if (DANGEROUS_ENV.test(name)) {
      this.deny(`setting ${name} changes which code or endpoint a program uses`);
    } else if (name in CONFIG_FILE_ENV && value) {
      this.configFile(name, value, CONFIG_FILE_ENV[name], name === 'KUBECONFIG');
    } else if (name === 'PATH' && value) {
      this.pathVariable(value);
    }
    if (value) {
      this.scanWord(value);
      this.subscriptCommand(value);
    }
  }

  /**
   * A configuration file named by a variable or an option (`KUBECONFIG`, `--kubeconfig`): one in
   * the workspace is refused, since the repository would decide which programs run; the user's own
   * (outside the workspace) is explained.
   */
  private configFile(what: string, value: Word, why: string, list = false): void {
    const parts = list && !value.dynamic ? value.value.split(':').filter((v) => v !== '').map((v) => lit(v)) : [value];
    for (const part of parts) {
      const w = this.expandPwd(part);
      if (/^(~|\$HOME\b|\$\{HOME\})/.test(w.value)) {
        this.notes.add(`${what} ${w.value}: ${why}; it is outside the workspace, so make sure it is your own`);
        continue;
      }
      if (w.dynamic) {
        this.deny(`${what} ${w.raw} is computed at run time, so the policy cannot tell whether the repository provides it: ${why}`);
        continue;
      }
      const inside = this.resolveAll(w).abs.some((abs) => resolveInWorkspace(abs, this.ctx).ok);
      if (inside) {
        this.deny(`${what} ${w.value} is a file in the workspace: ${why}; use your own configuration outside the repository`);
      } else {
        this.notes.add(`${what} ${w.value}: ${why}; it is outside the workspace, so make sure it is your own`);
      }
    }
  }

  /** PATH with a relative or workspace folder makes a command name run a program from the repository. */
  private pathVariable(value: Word): void {
    for (const raw of value.value.split(':')) {
      if (/^\$(\{PATH\}|PATH)$/.test(raw)) {
        continue;
      }
      const entry = this.expandPwd({ value: raw, raw, dynamic: /[$`]/.test(raw) });
      if (entry.dynamic) {
        if (/^(\$HOME\b|\$\{HOME\}|~)/.test(entry.value)) {
          continue;
        }
        this.deny(`PATH gets a folder computed at run time (${raw}), so the policy cannot tell which program a command name runs`);
        continue;
      }
      if (entry.value.startsWith('~')) {
        continue;
      }
      const abs = joinPath(this.cwds[0], entry.value === '' ? '.' : entry.value);
      if (!entry.value.startsWith('/') || resolveInWorkspace(abs, this.ctx).ok) {
        this.deny(`PATH gets ${entry.value === '' ? 'the current folder' : entry.value}, a folder in the workspace, so a command name would run a program from the repository instead of the installed one; run the script by its path instead`);
      }
    }
  }

  /**
   * Text shaped like `a[$(cmd)]` in a literal: bash runs the substitution when the text is
   * evaluated as arithmetic (`$((x))`, `let`, `[[ x -eq 1 ]]`, `declare -i`), unseen by the parser.
   */
  private subscriptCommand(w: Word): void {
    if (!w.dynamic && /[A-Za-z_][A-Za-z0-9_]*\[[^\]]*(\$\(|`)/.test(w.value)) {
      this.hidden(`'${w.value.slice(0, 60)}'`, 'a command substitution inside an array subscript runs when bash evaluates the text as arithmetic');
    }
  }

  private redirects(list: readonly ShellRedirect[]): void {
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
      this.devTcp(target);
      this.procEnviron(target);
      if (op.includes('>')) {
        this.writeTarget(target, `the redirection '${op} ${target.raw}'`);
      } else {
        this.readTarget(target);
      }
    }
  }

  /** `/dev/tcp/host/port` opens a raw connection in bash: no client, nothing the policy can explain. */
  private devTcp(w: Word): void {
    const m = /\/dev\/(tcp|udp)\/([^/\s]*)/.exec(w.value);
    if (m) {
      const r = normalizeHost(m[2]);
      if (r.ok) {
        this.hosts.add(r.host);
      }
      this.deny(`${m[0]} opens a raw network connection from the shell, which the policy cannot explain; use a client such as curl with a URL`);
    }
  }

  /** `/proc/<pid>/environ` holds a process's environment: API keys and tokens. */
  private procEnviron(w: Word): void {
    if (/\/proc\/[^/\s'"]+\/(task\/[^/\s'"]+\/)?environ\b/.test(w.value)) {
      this.deny(`the command reads ${w.raw.length > 80 ? `${w.raw.slice(0, 80)}…` : w.raw}: a process's environment holds credentials such as API keys and tokens`);
    }
  }

  /** A word with `$NAME` / `${NAME}` replaced by values assigned literally earlier, or undefined. */
  private knownValue(w: Word): Word | undefined {
    let unknown = false;
    const value = w.value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (m, a: string | undefined, b: string | undefined) => {
      const v = this.vars.get(a ?? b ?? '');
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
  private scanWord(w: Word): void {
    this.procEnviron(w);
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
    this.procEnviron(w);
    if (w.dynamic || w.value.startsWith('~')) {
      // `~/.ssh/id_rsa`, `$HOME/.aws/credentials`: the folder is not known here, but the names
      // are, and a secret name is refused wherever it lives (these were only asked before)
      const secret = secretReason(w.value.replace(/^~[^/]*/, ''));
      if (secret) {
        this.deny(`the command reads ${w.value}: ${secret}`);
        return;
      }
      if (!w.dynamic) {
        return;
      }
      // `F=.env; cat "$F"`: a name made of variables assigned literally in the same command line
      const known = this.knownValue(w);
      if (known && !known.dynamic) {
        this.readTarget(known);
        return;
      }
      // `cat "$(echo .env)"`: a secret name written inside the computed word
      for (const token of w.value.split(/[\s'"`$(){}|;&<>=,]+/)) {
        const why = token === '' ? undefined : (secretReason(token) ?? globSecretReason(token));
        if (why) {
          this.deny(`the command reads ${w.raw}, a name built from ${token}: ${why}`);
          return;
        }
      }
      return;
    }
    const glob = globSecretReason(w.value);
    if (glob) {
      this.deny(`the command reads ${w.value}: ${glob}`);
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
      this.subscriptCommand(a);
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
      for (let i = 0; i < args.length; i++) {
        const a = args[i];
        // `--exclude .env`, `--exclude-dir .git` name what is skipped, not what is read
        if (!a.value.startsWith('-') && !(i > 0 && /^--(exclude|exclude-dir|ignore|ignore-dir)$/.test(args[i - 1].value))) {
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
        // `nice -10 cmd` is the old form of `nice -n 10 cmd`
        return this.wrapper(args[0] && /^-\d+$/.test(args[0].value) ? args.slice(1) : args, valueSet(lower), depth, where);
      case 'script':
        return this.scriptCommand(args, depth, where);
      case 'systemd-run':
      case 'at':
      case 'batch':
        this.deny(`${base} hands the command to a system service that runs it later or outside the agent's session, where neither the user nor the sandbox sees it; run the command directly`);
        return;
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
      case 'trap': {
        // `trap -- 'cmd' EXIT`; `trap -p` / `trap -l` list; `trap - EXIT` resets
        const action = args[0]?.value === '--' && !args[0].dynamic ? args[1] : args[0];
        if (action && !(action.value.startsWith('-') && !action.dynamic) && args.length >= (action === args[0] ? 2 : 3)) {
          this.commandString([action], depth, 'trap');
        }
        return;
      }
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
      case 'grep':
      case 'egrep':
      case 'fgrep':
      case 'rg':
        return this.grep(lower, args);
      case 'yq':
        return this.yq(args);
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
    const spec = WRAPPERS[lower];
    if (spec) {
      return this.wrapped(lower, args, spec, depth, where);
    }
    if (PROXIFIERS.has(lower)) {
      this.deny(`${base} sends the traffic of the command it runs through a proxy, which hides the real destination`);
      return this.wrapper(args, new Set(['-f', '-q']), depth, where);
    }
    if (!TEXT_COMMANDS.has(lower)) {
      this.embeddedCommand(args, depth, where);
    }
  }

  /** `flock FILE cmd`, `taskset MASK cmd`, `strace -f cmd`…: the command after options and operands. */
  private wrapped(tool: string, args: readonly Word[], spec: WrapperSpec, depth: number, where: Where): void {
    const text = spec.commandText ?? [];
    const p = parseOptions(args, new Set([...spec.values.split(' ').filter((v) => v !== ''), ...text]), true);
    for (const o of p.opts) {
      if (text.includes(o.name)) {
        return this.commandString(o.value ? [o.value] : [], depth, `${tool} ${o.name}`);
      }
    }
    if (tool === 'taskset' && has(p, '-p', '--pid')) {
      return;
    }
    const inner = [...p.positionals, ...p.rest].slice(spec.skip ?? 0);
    // flock FILE -c 'cmd' (the option follows the lock file)
    if (inner.length >= 1 && text.includes(inner[0].value) && !inner[0].dynamic) {
      return this.commandString(inner.slice(1, 2), depth, `${tool} ${inner[0].value}`);
    }
    if (inner[0]?.value === '--' && !inner[0].dynamic) {
      inner.shift();
    }
    this.words(inner, depth, where);
  }

  /** A program the policy does not know that runs `sh -c …` or `python -c …` given in its arguments. */
  private embeddedCommand(args: readonly Word[], depth: number, where: Where): void {
    for (let i = 0; i + 1 < args.length; i++) {
      const w = args[i];
      const next = args[i + 1];
      if (w.dynamic || next.dynamic) {
        continue;
      }
      const name = basename(w.value).toLowerCase();
      const shellCode = SHELLS.has(name) && (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(next.value) || next.value === '--command');
      const code = SCRIPT_INTERPRETERS.test(name) && /^(-c|-e|-E|-r|--eval|-p|--print)$/.test(next.value);
      if (shellCode || code) {
        this.words(args.slice(i), depth, where);
        return;
      }
    }
  }

  /** `script -c CMD [FILE]` runs CMD through a shell and records the session in FILE (./typescript). */
  private scriptCommand(args: readonly Word[], depth: number, where: Where): void {
    const p = parseOptions(args, new Set(['-c', '--command', '-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format', '-o', '--output-limit']));
    for (const f of values(p, '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing')) {
      this.writeTarget(f, 'script log');
    }
    this.writeTarget(p.positionals[0] ?? lit('typescript'), 'script (session record)');
    const command = values(p, '-c', '--command');
    if (command.length > 0) {
      this.commandString(command.slice(0, 1), depth, 'script -c');
      return;
    }
    this.stdinProgram('script', where, (text) => this.script(text, depth + 1));
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
    // `env - cmd` is `env -i cmd`
    let i = rest[0]?.value === '-' && !rest[0].dynamic ? 1 : 0;
    for (; i < rest.length; i++) {
      // env takes every NAME=VALUE before the command, whatever NAME is
      const eq = rest[i].value.indexOf('=');
      if (eq <= 0) {
        break;
      }
      const name = rest[i].value.slice(0, eq);
      const value = { ...rest[i], value: rest[i].value.slice(eq + 1), start: 0, end: 0 };
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        this.assignment(name, value);
      } else if (/^BASH_FUNC_/.test(name) || value.value.startsWith('()')) {
        this.hidden(`env ${name}=…`, 'BASH_FUNC_ variables define shell functions that replace commands in every bash it starts');
      }
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
    for (const f of values(p, '-a', '--arg-file')) {
      this.readTarget(f);
    }
    // `echo .env | xargs cat`, `find . -name .env | xargs base64`: the names come from the pipe
    if (DUMPERS.has(basename(inner[0].value).toLowerCase())) {
      for (const m of where.pipedFrom ?? []) {
        for (const token of m.raw.split(/[\s'"`$(){}|;&<>=,]+/)) {
          const why = token === '' || token.startsWith('-') ? undefined : (secretReason(token.replace(/^\.\//, '')) ?? globSecretReason(token.replace(/^\.\//, '')));
          if (why) {
            this.deny(`xargs ${inner[0].value} reads the files named by '${m.raw.slice(0, 60)}', which include ${token}: ${why}`);
          }
        }
      }
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
      this.hidden(what, `the command text ${parts.map((w) => w.raw).join(' ')} is built at run time`);
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
        // `sh -s -- -y` still reads the program from stdin: `--` only ends the shell's options
        stdinMode = stdinMode || v === '-';
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
        this.hidden(`${base} -c`, `the command text ${rest[0]?.raw ?? '(missing)'} is built at run time`);
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
      return this.awk(lower, args);
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
    // `node --eval=CODE`, `node -pe CODE`
    const attached = args.find((a) => !a.dynamic && /^--(eval|print)=/.test(a.value) && /^(node|nodejs|deno|bun)$/.test(lower));
    const idx = args.findIndex((a) => codeFlags.includes(a.value) || (codeFlags.includes('-c') && /^-[A-Za-z]*c$/.test(a.value) && /^(python|pypy)/.test(lower)) || (/^(node|nodejs|bun)$/.test(lower) && /^-[a-z]*[ep]$/.test(a.value)));
    if (attached || idx >= 0) {
      const code = attached ? { ...attached, value: attached.value.slice(attached.value.indexOf('=') + 1) } : args[idx + 1];
      if (!code) {
        return;
      }
      if (code.dynamic) {
        this.hidden(lower, `the code ${code.raw} is built at run time`);
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
    // file names in the code's string literals: `open('.env')`, `readFileSync('.env')`
    for (const literal of code.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g) ?? []) {
      const inner = literal.slice(1, -1).trim();
      const why = inner === '' || /\s/.test(inner) ? undefined : (secretReason(inner.replace(/^~[^/]*/, '')) ?? globSecretReason(inner));
      if (why) {
        this.deny(`the ${lang} code names ${inner}: ${why}`);
      }
    }
    const network = /\b(urllib|urllib2|urllib3|requests|httpx|aiohttp|http\.client|httplib|socket|ftplib|telnetlib|paramiko|smtplib|LWP|HTTP::Tiny|IO::Socket|Net::|open-uri|net\/http|Net::HTTP|fetch\s*\(|(require|import)\s*\(\s*['"](node:)?(https?|http2|net|dgram|tls|dns)['"]\s*\)|from\s+['"](node:)?(https?|http2|net|dgram|tls|dns)['"]|process\.binding|axios|XMLHttpRequest|WebSocket|fsockopen|curl_init|file_get_contents\s*\(\s*['"]https?|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|Net\.WebClient|DownloadString|DownloadFile|Start-BitsTransfer)/;
    if (network.test(code) && urls.length === 0) {
      this.deny(`${lang} code opens network connections to a destination that cannot be determined`);
    }
    if (/\b(exec|eval)\s*\(|\bIEX\b|Invoke-Expression|\bsystem\s*\(|subprocess|os\.system|child_process|popen/i.test(code) && (network.test(code) || /b64decode|base64|atob|decode\(/.test(code))) {
      this.deny(`${lang} code downloads or decodes code and runs it (download-and-execute)`);
    }
  }

  /** awk: its program runs commands (system(), pipes, getline) and writes files (print > "f"). */
  private awk(tool: string, args: readonly Word[]): void {
    const p = parseOptions(args, new Set(['-F', '-v', '-f', '-e', '-i', '-l', '-E', '--file', '--source', '--field-separator', '--assign', '--include', '--load', '--exec']));
    if (has(p, '-l', '--load')) {
      this.hidden(tool, 'it loads a compiled extension');
    }
    const programs = [...values(p, '-e', '--source'), ...(has(p, '-f', '--file', '-E', '--exec', '-e', '--source') ? [] : p.positionals.slice(0, 1))];
    for (const prog of programs) {
      if (prog.dynamic) {
        this.hidden(tool, `the program ${prog.raw} is built at run time`);
        continue;
      }
      const code = prog.value;
      if (/\bsystem\s*\(/.test(code)) {
        this.hidden(tool, 'its program calls system()');
      }
      if (/\|\s*getline|\|&/.test(code)) {
        this.hidden(tool, 'its program reads the output of a command ("cmd" | getline)');
      }
      if (/@load\b/.test(code)) {
        this.hidden(tool, 'its program loads a compiled extension (@load)');
      }
      for (const m of code.matchAll(/getline[^;{}\n<]*<\s*"([^"]*)"/g)) {
        this.readTarget(lit(m[1]));
      }
      for (const r of awkRedirections(code)) {
        if (r.op === '|') {
          this.hidden(tool, `its program prints into the command ${r.target === undefined ? 'named at run time' : `"${r.target}"`}`);
        } else if (r.target === undefined) {
          this.deny(`${tool} writes to a file its program names at run time (print ${r.op} …), which cannot be checked`);
        } else {
          this.writeTarget(lit(r.target), `${tool} print ${r.op}`);
        }
      }
    }
  }

  /** grep -r / rg over the workspace root reaches secret files; a search for credentials there is refused. */
  private grep(tool: string, args: readonly Word[]): void {
    const rg = tool === 'rg';
    const p = parseOptions(args, new Set(rg
      ? ['-e', '--regexp', '-f', '--file', '-g', '--glob', '--iglob', '-t', '--type', '-T', '--type-not', '-m', '--max-count', '-A', '-B', '-C', '-j', '--threads', '-M', '--max-columns', '--max-depth', '-E', '--encoding', '--pre', '--pre-glob', '-r', '--replace', '--sort', '--sortr', '--type-add', '--colors', '--color', '--path-separator']
      : ['-e', '--regexp', '-f', '--file', '-m', '--max-count', '-A', '-B', '-C', '-d', '--directories', '-D', '--devices', '--label', '--include', '--exclude', '--exclude-dir', '--exclude-from', '--binary-files', '--group-separator']));
    if (rg && has(p, '--pre')) {
      this.hidden('rg --pre', 'it runs a program on every file it searches');
    }
    for (const g of values(p, '--include', '-g', '--glob', '--iglob')) {
      const why = secretReason(g.value.replace(/^!/, '')) ?? globSecretReason(g.value.replace(/^!/, ''));
      if (why && !g.value.startsWith('!')) {
        this.deny(`${tool} ${g.value} searches secret files: ${why}`);
      }
    }
    const recursive = rg ? p.opts.filter((o) => o.name === '-u').length >= 2 || has(p, '--hidden', '-.') : has(p, '-r', '-R', '--recursive', '--dereference-recursive') || values(p, '-d', '--directories').some((v) => v.value === 'recurse');
    if (!recursive) {
      return;
    }
    const explicit = values(p, '-e', '--regexp', '-f', '--file');
    const pattern = explicit.length > 0 ? explicit : p.positionals.slice(0, 1);
    const starts = explicit.length > 0 ? p.positionals : p.positionals.slice(1);
    const root = toSlashes(this.ctx.workspaceRoot);
    const wide = (starts.length > 0 ? starts : [lit('.')]).filter((w) => {
      const r = this.resolveAll(w);
      return r.problem !== undefined || r.abs.some((abs) => relativeTo(abs, root, this.ctx.caseInsensitive) !== undefined);
    });
    if (wide.length === 0) {
      return;
    }
    const where = wide.map((w) => (w.value === '.' && this.cwds[0] === toSlashes(this.ctx.workspaceRoot) ? '. (the whole workspace)' : w.raw)).join(' ');
    if (pattern.some((w) => /pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|aws_(access|secret)|BEGIN [A-Z ]*PRIVATE/i.test(w.value))) {
      this.deny(`${tool} searches the whole workspace (${where}) for credentials, which reaches secret files such as .env, keys and Terraform state; search the folders you need instead (grep -rn … k8s)`);
    } else {
      this.notes.add(`${tool} reads every file under ${where}, including secret files such as .env; the sandbox hides them, and where it cannot, their contents would reach the model`);
    }
  }

  /** yq -i edits its files in place. */
  private yq(args: readonly Word[]): void {
    const p = parseOptions(args, new Set(['-o', '--output-format', '-p', '--input-format', '-I', '--indent', '--from-file', '--expression', '--arg', '--argjson']));
    if (!has(p, '-i', '--inplace', '--in-place')) {
      return;
    }
    let pos = p.positionals;
    if (/^(e|eval|ea|eval-all)$/.test(pos[0]?.value ?? '')) {
      pos = pos.slice(1);
    }
    const files = has(p, '--from-file', '--expression') ? pos : pos.slice(1);
    for (const f of files) {
      this.writeTarget(f, 'yq -i');
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
              // -F 'f=@.env;type=text/plain': the file name ends at the first ';'
              this.readTarget(lit(o.name === '-F' || o.name === '--form' ? m[1].split(';')[0] : m[1]));
            }
          }
          break;
        case '--unix-socket':
        case '--abstract-unix-socket':
          this.deny(`curl ${o.name} talks to a local service through a Unix socket (the Docker daemon's socket controls the whole machine); the policy cannot explain what the request does`);
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
    for (const d of values(p, '--git-dir', '--work-tree')) {
      if (!/(^|\/)\.git\/?$/.test(d.value) || d.dynamic) {
        this.deny(`git ${d.value === '' ? '--git-dir/--work-tree' : `with ${d.raw}`} uses another repository's configuration or work tree, which can run programs or write anywhere; run git in the workspace's repository`);
      }
    }
    const sub = p.positionals[0]?.value;
    const rest = p.rest;
    // a secret file's committed content: `git show HEAD:.env`, `git log -p -- .env` (the sandbox
    // hides the file, not git's objects)
    if (sub === 'show' || sub === 'log' || sub === 'diff' || sub === 'cat-file' || sub === 'blame' || sub === 'grep' || sub === 'archive') {
      for (const w of rest) {
        const pathPart = w.value.includes(':') ? w.value.slice(w.value.indexOf(':') + 1) : w.value;
        const why = pathPart === '' || pathPart.startsWith('-') ? undefined : secretReason(pathPart.replace(/^\.\//, ''));
        if (why) {
          this.deny(`git ${sub} ${w.raw} reads the committed content of a secret file (${why}); the sandbox hides the file but not git's history`);
        }
      }
    }
    const subArgs = sub === 'clone' || sub === 'submodule' ? parseOptions(rest, valueSet('git-clone')) : parseOptions(rest, new Set(['-o', '--origin', '-b', '--branch', '--upload-pack', '--receive-pack', '--exec', '-c', '--config', '--depth', '-t', '--track', '-m', '--remote', '--repo']));
    for (const c of values(subArgs, '-c', '--config')) {
      this.gitConfigKey(c.value.split('=')[0], `git ${sub} --config`);
    }
    // `-u` is --upload-pack only for clone and ls-remote (push: --set-upstream, fetch: --update-head-ok)
    const uploadPack = sub === 'clone' || sub === 'ls-remote' ? has(subArgs, '-u') : false;
    if (uploadPack || has(subArgs, '--upload-pack', '--receive-pack', '--exec')) {
      const which = has(subArgs, '--receive-pack') ? '--receive-pack' : has(subArgs, '--exec') ? '--exec' : '--upload-pack';
      this.deny(`git ${sub} ${which} runs a program of your choosing as the other side of the transfer`);
    }
    for (const w of this.gitRemotes(sub, subArgs)) {
      this.gitRemote(sub ?? 'git', w);
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
      }
    }
    if (sub === 'config') {
      // only setting a key matters: `git config --get remote.origin.url` reads
      const pos = subArgs.positionals.map((w) => w.value);
      const verb = ['set', 'get', 'list', 'unset', 'rename-section', 'remove-section', 'edit'].includes(pos[0] ?? '') ? pos.shift() : undefined;
      const setting = verb === 'set' || (verb === undefined && (pos.length >= 2 || has(subArgs, '--add', '--replace-all')) && !has(subArgs, '--get', '--get-all', '--get-regexp', '--unset', '--unset-all', '-l', '--list'));
      if (pos[0] && setting) {
        this.gitConfigKey(pos[0], 'git config');
      }
      if (verb === 'edit' || has(subArgs, '-e', '--edit')) {
        this.deny('git config --edit opens an editor the agent cannot use; set keys with git config KEY VALUE');
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

  /**
   * The words naming a repository to talk to. Only these can be a host: elsewhere `HEAD:k8s/a.yaml`
   * is a revision and path, and `main:main` a refspec.
   */
  private gitRemotes(sub: string | undefined, q: Parsed): Word[] {
    const pos = q.positionals;
    switch (sub) {
      case 'clone':
      case 'ls-remote':
        return pos.slice(0, 1);
      case 'fetch':
      case 'pull':
      case 'push':
        if (sub !== 'push' && has(q, '--all')) {
          this.notes.add(`git ${sub} --all contacts every configured remote; their addresses come from the repository's git configuration and cannot be read from the command; the sandbox still limits them to permissions.network (${this.networkList()})`);
        } else if (pos.length === 0 && !has(q, '--multiple')) {
          this.notes.add(`git ${sub} contacts the current branch's remote, whose address comes from the repository's git configuration and cannot be read from the command; the sandbox still limits it to permissions.network (${this.networkList()})`);
        }
        return has(q, '--multiple') ? pos : pos.slice(0, 1);
      case 'remote': {
        const verb = pos[0]?.value;
        if (verb === 'add') {
          return pos.slice(2, 3);
        }
        if (verb === 'set-url') {
          return pos.slice(2);
        }
        return [];
      }
      case 'submodule':
        return pos[0]?.value === 'add' ? pos.slice(1, 2) : [];
      case 'archive':
        return values(q, '--remote');
      case 'request-pull':
        return pos.slice(1, 2);
      default:
        return [];
    }
  }

  /** A repository argument: a URL, `host:path`, a local path, or the name of a configured remote. */
  private gitRemote(sub: string, w: Word): void {
    const v = w.value;
    if (v.startsWith('ext::') || /^[a-z+]*ext::/.test(v)) {
      this.deny(`'${v}' uses git's ext transport, which runs a program`);
      return;
    }
    if (w.dynamic) {
      this.deny(`git ${sub} talks to a repository computed at run time (${w.raw}), which cannot be checked`);
      return;
    }
    if (v.includes('://')) {
      return; // every URL in the arguments is checked by scanWord
    }
    const host = scpLikeHost(v);
    if (host !== undefined) {
      this.addHost(normalizeHost(host), `git ${sub} ${v}`);
      return;
    }
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) && sub !== 'clone' && sub !== 'submodule') {
      this.notes.add(`git ${sub} contacts the remote '${v}', whose address comes from the repository's git configuration and cannot be read from the command; the sandbox still limits it to permissions.network (${this.networkList()})`);
    }
  }

  private networkList(): string {
    return this.ctx.permissions.network.length > 0 ? this.ctx.permissions.network.join(', ') : 'no hosts';
  }

  private gitConfigKey(key: string, what: string): void {
    const k = key.toLowerCase();
    const runs = /(^|\.)(proxy|sshcommand|gitproxy|fsmonitor|hookspath|askpass|editor|pager|uploadpack|receivepack|helper|insteadof|pushinsteadof|external|textconv|command|cmd|program|driver|path|templatedir|alternaterefscommand|packobjectshook|difffilter|url|pushurl|smtpserver|variant|worktree)$/;
    if (runs.test(k) || /^(protocol|alias|pager|filter|include|includeif|credential|browser|man|url|sendemail|remote)\./.test(k) || k.startsWith('credential')) {
      this.deny(`${what} ${key} changes where git connects or which programs it runs; leave git's configuration as the repository has it`);
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
    for (const c of values(p, '--config')) {
      this.configFile('docker --config', c, CONFIG_FILE_ENV.DOCKER_CONFIG);
    }
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
    for (const k of values(p, '--kubeconfig')) {
      this.configFile('kubectl --kubeconfig', k, CONFIG_FILE_ENV.KUBECONFIG);
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
    for (const k of values(p, '--kubeconfig')) {
      this.configFile('helm --kubeconfig', k, CONFIG_FILE_ENV.KUBECONFIG);
    }
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
    let positionals = p.positionals;
    if (inPlace && !hasScriptOpt && positionals.length > 2 && positionals[0].value === '' && !positionals[0].dynamic) {
      positionals = positionals.slice(1); // BSD `sed -i '' SCRIPT FILE`
    }
    const files = hasScriptOpt ? positionals : positionals.slice(1);
    const scripts = hasScriptOpt ? values(p, '-e', '--expression') : positionals.slice(0, 1);
    if (!has(p, '--sandbox')) {
      for (const script of scripts) {
        if (script.dynamic) {
          this.hidden('sed', `the script ${script.raw} is built at run time and may use 'e'`);
          continue;
        }
        const fx = sedEffects(script.value);
        if (fx.exec) {
          this.hidden('sed', `its script runs commands ('e' command or 's///e' flag)`);
        }
        for (const f of fx.writes) {
          if (!/^\/dev\/(stdout|stderr)$/.test(f)) {
            this.writeTarget(lit(f), "sed 'w'");
          }
        }
        for (const f of fx.reads) {
          this.readTarget(lit(f));
        }
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
    // `-name .env -exec cat {} +`: the files handed to the command are secret ones (the same
    // test negated with `!`/`-not`, or followed by -prune, excludes them instead)
    const secretTests: string[] = [];
    for (let j = i; j + 1 < args.length; j++) {
      const negated = j > 0 && (args[j - 1].value === '!' || args[j - 1].value === '-not');
      if (/^-i?(name|path|wholename)$/.test(args[j].value) && !negated && args[j + 2]?.value !== '-prune') {
        const v = args[j + 1].value;
        const why = secretReason(v.replace(/^\.\//, '')) ?? globSecretReason(v.replace(/^\.\//, ''));
        if (why) {
          secretTests.push(`${args[j].value} ${v} (${why})`);
        }
      }
    }
    const runsOnFound = args.slice(i).some((a) => /^-(exec|execdir|ok|okdir)$/.test(a.value));
    if (secretTests.length > 0 && runsOnFound) {
      this.deny(`find hands secret files to a command: ${secretTests.join(', ')}`);
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
      if (has(p, '-U', '--unixsock')) {
        this.deny(`${tool} -U talks to a local service through a Unix socket (the Docker daemon's socket controls the whole machine); the policy cannot explain what it sends`);
        return;
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
      if (/^(UNIX|ABSTRACT)(-[A-Z]+)?:/i.test(v) && !/LISTEN|RECV/i.test(v)) {
        this.deny('socat UNIX-CONNECT: talks to a local service through a Unix socket (the Docker daemon\'s socket controls the whole machine); the policy cannot explain what it sends');
        continue;
      }
      const m = /^(?:TCP[46]?|UDP[46]?|OPENSSL|SSL|TCP-CONNECT|UDP-SENDTO|SOCKS4A?|PROXY)[:-]([^:,]+)/i.exec(v);
      if (m && !/LISTEN/i.test(v)) {
        this.hostArg({ ...a, value: m[1] }, 'socat');
      }
    }
  }
}

/**
 * Output redirections of awk's print statements: `print > "f"`, `printf … >> f`, `print | "cmd"`.
 * Comparisons inside parentheses (`print ($1 > 3)`) and inside strings are not redirections.
 */
export function awkRedirections(program: string): { op: '>' | '>>' | '|'; target?: string }[] {
  const strings: string[] = [];
  const code = program.replace(/"(?:[^"\\]|\\.)*"/g, (m) => {
    strings.push(m.slice(1, -1).replace(/\\(.)/g, '$1'));
    return `\uE000${strings.length - 1}\uE000`;
  });
  const out: { op: '>' | '>>' | '|'; target?: string }[] = [];
  for (const m of code.matchAll(/\bprintf?\b([^;{}\n]*)/g)) {
    let stmt = m[1];
    for (let prev = ''; prev !== stmt; ) {
      prev = stmt;
      stmt = stmt.replace(/\([^()]*\)/g, '');
    }
    const r = /(>>|>|\|&?)\s*(?:\uE000(\d+)\uE000)?/.exec(stmt);
    if (r) {
      out.push({ op: r[1].startsWith('|') ? '|' : (r[1] as '>' | '>>'), target: r[2] !== undefined ? strings[Number(r[2])] : undefined });
    }
  }
  return out;
}

/** What a sed script does besides editing the stream: runs commands, writes and reads files. */
export function sedEffects(script: string): { exec: boolean; writes: string[]; reads: string[] } {
  const fx = { exec: false, writes: [] as string[], reads: [] as string[] };
  const n = script.length;
  let i = 0;
  const blank = (): void => {
    while (i < n && (script[i] === ' ' || script[i] === '\t')) {
      i++;
    }
  };
  const toEnd = (stops: string): string => {
    const from = i;
    while (i < n && !stops.includes(script[i])) {
      i++;
    }
    return script.slice(from, i);
  };
  // a delimited part (regex or replacement) after its opening delimiter; i ends after the closing one
  const part = (delim: string): void => {
    while (i < n && script[i] !== delim) {
      i += script[i] === '\\' ? 2 : 1;
    }
    i++;
  };
  const address = (): void => {
    blank();
    if (/[0-9]/.test(script[i] ?? '')) {
      while (i < n && /[0-9~]/.test(script[i])) {
        i++;
      }
    } else if (script[i] === '$') {
      i++;
    } else if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[i + 1] : '/';
      i += script[i] === '\\' ? 2 : 1;
      part(delim);
      while (i < n && /[IM]/.test(script[i])) {
        i++;
      }
    }
  };
  while (i < n) {
    while (i < n && /[\s;]/.test(script[i])) {
      i++;
    }
    if (i >= n) {
      break;
    }
    address();
    blank();
    if (script[i] === ',') {
      i++;
      blank();
      if (script[i] === '+' || script[i] === '~') {
        i++;
        while (i < n && /[0-9]/.test(script[i])) {
          i++;
        }
      } else {
        address();
      }
    }
    blank();
    while (script[i] === '!') {
      i++;
      blank();
    }
    const c = script[i++];
    switch (c) {
      case '{':
      case '}':
      case '=':
      case 'd':
      case 'D':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
      case 'x':
      case 'z':
      case 'F':
        break;
      case 'l':
      case 'L':
      case 'q':
      case 'Q':
        blank();
        while (i < n && /[0-9]/.test(script[i])) {
          i++;
        }
        break;
      case '#':
        toEnd('\n');
        break;
      case ':':
      case 'b':
      case 't':
      case 'T':
      case 'v':
        toEnd(';\n}');
        break;
      case 'a':
      case 'i':
      case 'c':
        // GNU one-line text, or `a\` followed by text lines ending without a backslash
        for (let line = toEnd('\n'); /\\$/.test(line) && i < n; ) {
          i++;
          line = toEnd('\n');
        }
        break;
      case 'r':
      case 'R':
        fx.reads.push(toEnd('\n').trim());
        break;
      case 'w':
      case 'W':
        fx.writes.push(toEnd('\n').trim());
        break;
      case 'e':
        fx.exec = true;
        toEnd('\n');
        break;
      case 's': {
        const delim = script[i++];
        part(delim);
        part(delim);
        for (; i < n && /[gpiImMe0-9w]/.test(script[i]); i++) {
          if (script[i] === 'e') {
            fx.exec = true;
          } else if (script[i] === 'w') {
            i++;
            fx.writes.push(toEnd('\n').trim());
            break;
          }
        }
        break;
      }
      case 'y': {
        const delim = script[i++];
        part(delim);
        part(delim);
        break;
      }
      default:
        // not a sed command this reader knows: be safe and read the rest as GNU sed might
        if (/(^|[;}\n])\s*[0-9$]*e\b|\/[a-zA-Z0-9]*e[a-zA-Z0-9]*\s*($|;)/.test(script.slice(i - 1))) {
          fx.exec = true;
        }
        return fx;
    }
  }
  return fx;
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
  return { denials: [...a.denials], hosts: [...a.hosts], writes: [...a.writes], destructive: [...a.destructive], notes: [...a.notes] };
}

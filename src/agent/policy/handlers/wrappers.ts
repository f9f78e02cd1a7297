import { globSecretReason, secretReason } from '../paths';
import { assignment, cd, commandString, deny, hidden, readTarget, writeTarget } from '../session';
import type { Session } from '../session';
import { basename, has, lit, optionSet, parseOptions, UNKNOWN, values } from '../words';
import type { Word } from '../words';
import { DUMPERS } from './files';
import { stdinProgram } from './interpreters';
import type { HandlerTable, Invocation, PatternHandler } from './types';

/**
 * Wrappers: programs that run the command given in their arguments (sudo, env, timeout, nice,
 * nohup, xargs, watch, flock, strace, script -c, su -c, proxychains…). The inner command is walked
 * like any other; `env`'s assignments count as assignments; what xargs feeds is unknown (or, for
 * a dumper, read from the names piped in); proxifiers are refused.
 */

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

/** Options taking a value, for the wrappers with a fixed option list. */
const WRAPPER_OPTS: Record<string, Set<string>> = {
  sudo: optionSet('-u --user -g --group -p --prompt -C --close-from -h --host -r --role -t --type -U --other-user -D --chdir -T --command-timeout'),
  nice: optionSet('-n --adjustment'),
  ionice: optionSet('-c --class -n --classdata -t'),
  stdbuf: optionSet('-i --input -o --output -e --error'),
  time: optionSet('-f --format -o --output'),
  exec: optionSet('-a'),
};
const ENV_OPTS = optionSet('-u --unset -C --chdir -S --split-string');
const TIMEOUT_OPTS = optionSet('-s --signal -k --kill-after');
const XARGS_OPTS = optionSet('-I -L -n --max-args -P --max-procs -s --max-chars -d --delimiter -E -a --arg-file --process-slot-var');
const WATCH_OPTS = optionSet('-n --interval -d --differences');
const SCRIPT_OPTS = new Set(['-c', '--command', '-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format', '-o', '--output-limit']);

/** The command after a wrapper's options. */
function runAfterOptions(inv: Invocation, s: Session, args: readonly Word[], withValue: Set<string>): void {
  const p = parseOptions(args, withValue, true);
  if (p.positionals.length === 0) {
    return;
  }
  s.walk.words([...p.positionals, ...p.rest], inv.depth, inv.where);
}

/** sudo, doas, run0, ionice, stdbuf, time, nohup, setsid, unbuffer, exec, builtin, chronic, caffeinate. */
export function simpleWrapper(inv: Invocation, s: Session): void {
  const key = inv.tool === 'doas' || inv.tool === 'run0' ? 'sudo' : inv.tool;
  const withValue = WRAPPER_OPTS[key] ?? new Set();
  if (key === 'sudo') {
    const p = parseOptions(inv.args, withValue, true);
    if (p.positionals.length === 0 && has(p, '-s', '--shell', '-i', '--login')) {
      // `sudo -s` / `sudo -i` without a command start a shell that reads standard input
      shellOnStdin(inv, s, `${inv.base} ${p.opts.find((o) => /^(-s|--shell|-i|--login)$/.test(o.name))?.name ?? '-s'}`);
      return;
    }
  }
  runAfterOptions(inv, s, inv.args, withValue);
}

/** A shell started without a command: what it reads from standard input is its program. */
function shellOnStdin(inv: Invocation, s: Session, what: string): void {
  if (inv.where.stdin?.().kind === 'none') {
    return; // nothing feeds it: an interactive shell, nothing hidden runs
  }
  stdinProgram(s, what, inv.where, (t) => s.walk.script(t, inv.depth + 1));
}

export function nice(inv: Invocation, s: Session): void {
  const { args } = inv;
  // `nice -10 cmd` is the old form of `nice -n 10 cmd`
  runAfterOptions(inv, s, args[0] && /^-\d+$/.test(args[0].value) ? args.slice(1) : args, WRAPPER_OPTS.nice);
}

export function timeout(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, TIMEOUT_OPTS, true);
  s.walk.words(p.rest, inv.depth, inv.where);
}

/** `command -v x` looks a name up; `command x` runs it. */
export function command(inv: Invocation, s: Session): void {
  if (inv.args.some((a) => a.value === '-v' || a.value === '-V')) {
    return;
  }
  runAfterOptions(inv, s, inv.args, new Set());
}

/** busybox / toybox run the applet named by their first argument. */
export function multiCall(inv: Invocation, s: Session): void {
  s.walk.words(inv.args, inv.depth, inv.where);
}

export function env(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, ENV_OPTS, true);
  for (const text of values(p, '-S', '--split-string')) {
    commandString(s, [text], inv.depth, 'env -S');
    return;
  }
  for (const d of values(p, '-C', '--chdir')) {
    cd(s, [d]);
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
      assignment(s, name, value);
    } else if (/^BASH_FUNC_/.test(name) || value.value.startsWith('()')) {
      hidden(s, `env ${name}=…`, 'BASH_FUNC_ variables define shell functions that replace commands in every bash it starts');
    }
  }
  s.walk.words(rest.slice(i), inv.depth, inv.where);
}

export function xargs(inv: Invocation, s: Session): void {
  const { where } = inv;
  const p = parseOptions(inv.args, XARGS_OPTS, true);
  const replace = values(p, '-I')[0]?.value ?? (p.opts.find((o) => o.name === '-i') ? '{}' : undefined);
  let inner = [...p.positionals, ...p.rest];
  if (inner.length === 0) {
    return;
  }
  for (const f of values(p, '-a', '--arg-file')) {
    readTarget(s, f);
  }
  // `echo .env | xargs cat`, `find . -name .env | xargs base64`: the names come from the pipe
  if (DUMPERS.has(basename(inner[0].value).toLowerCase())) {
    const input = where.stdin?.();
    for (const m of input?.kind === 'pipe' ? input.from : []) {
      for (const token of m.source.raw.split(/[\s'"`$(){}|;&<>=,]+/)) {
        const why = token === '' || token.startsWith('-') ? undefined : (secretReason(token.replace(/^\.\//, '')) ?? globSecretReason(token.replace(/^\.\//, '')));
        if (why) {
          deny(s, `xargs ${inner[0].value} reads the files named by '${m.source.raw.slice(0, 60)}', which include ${token}: ${why}`);
        }
      }
    }
  }
  if (replace) {
    inner = inner.map((w) => (w.value.includes(replace) ? { ...UNKNOWN, raw: w.raw } : w));
  } else {
    inner = [...inner, UNKNOWN];
  }
  s.walk.words(inner, inv.depth, where);
}

/** `watch -x CMD…` runs words; `watch 'CMD'` runs a command text. */
export function watch(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, WATCH_OPTS, true);
  const inner = [...p.positionals, ...p.rest];
  if (has(p, '-x', '--exec')) {
    s.walk.words(inner, inv.depth, inv.where);
    return;
  }
  commandString(s, inner, inv.depth, 'watch');
}

/** `script -c CMD [FILE]` runs CMD through a shell and records the session in FILE (./typescript). */
export function script(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, SCRIPT_OPTS);
  for (const f of values(p, '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing')) {
    writeTarget(s, f, 'script log');
  }
  writeTarget(s, p.positionals[0] ?? lit('typescript'), 'script (session record)');
  const text = values(p, '-c', '--command');
  if (text.length > 0) {
    commandString(s, text.slice(0, 1), inv.depth, 'script -c');
    return;
  }
  stdinProgram(s, 'script', inv.where, (t) => s.walk.script(t, inv.depth + 1));
}

export function su(inv: Invocation, s: Session): void {
  const { args } = inv;
  const i = args.findIndex((a) => a.value === '-c' || a.value === '--command');
  if (i >= 0) {
    commandString(s, args.slice(i + 1, i + 2), inv.depth, 'su -c');
    return;
  }
  // `su`, `su - ops`: a login shell that reads its commands from standard input
  shellOnStdin(inv, s, 'su');
}

/** `flock FILE cmd`, `taskset MASK cmd`, `strace -f cmd`…: the command after options and operands. */
export function wrapped(inv: Invocation, s: Session): void {
  const { tool, args, depth, where } = inv;
  const spec = WRAPPERS[tool];
  const text = spec.commandText ?? [];
  const p = parseOptions(args, new Set([...spec.values.split(' ').filter((v) => v !== ''), ...text]), true);
  for (const o of p.opts) {
    if (text.includes(o.name)) {
      commandString(s, o.value ? [o.value] : [], depth, `${tool} ${o.name}`);
      return;
    }
  }
  if (tool === 'taskset' && has(p, '-p', '--pid')) {
    return;
  }
  const inner = [...p.positionals, ...p.rest].slice(spec.skip ?? 0);
  // flock FILE -c 'cmd' (the option follows the lock file)
  if (inner.length >= 1 && text.includes(inner[0].value) && !inner[0].dynamic) {
    commandString(s, inner.slice(1, 2), depth, `${tool} ${inner[0].value}`);
    return;
  }
  if (inner[0]?.value === '--' && !inner[0].dynamic) {
    inner.shift();
  }
  s.walk.words(inner, depth, where);
}

/** proxychains, torsocks…: refused (the real destination is hidden), and the inner command is still walked. */
export function proxifier(inv: Invocation, s: Session): void {
  deny(s, `${inv.base} sends the traffic of the command it runs through a proxy, which hides the real destination`);
  // proxychains -f FILE (the configuration); -q is quiet and takes no value
  runAfterOptions(inv, s, inv.args, new Set(['-f']));
}

export const WRAPPER_HANDLERS: HandlerTable = {
  env,
  sudo: simpleWrapper,
  doas: simpleWrapper,
  run0: simpleWrapper,
  timeout,
  nice,
  script,
  ionice: simpleWrapper,
  stdbuf: simpleWrapper,
  time: simpleWrapper,
  nohup: simpleWrapper,
  setsid: simpleWrapper,
  unbuffer: simpleWrapper,
  exec: simpleWrapper,
  builtin: simpleWrapper,
  chronic: simpleWrapper,
  caffeinate: simpleWrapper,
  command,
  busybox: multiCall,
  toybox: multiCall,
  xargs,
  watch,
  su,
};

export const WRAPPER_PATTERNS: readonly PatternHandler[] = [
  { what: `wrappers with operands or command options (${Object.keys(WRAPPERS).join(', ')})`, test: (tool) => Object.prototype.hasOwnProperty.call(WRAPPERS, tool), handle: wrapped },
  { what: `proxifiers (${[...PROXIFIERS].join(', ')})`, test: (tool) => PROXIFIERS.has(tool), handle: proxifier },
];

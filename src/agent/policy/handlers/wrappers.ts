import { globSecretReason, secretReason } from '../paths';
import { assignment, cd, commandString, deny, hidden, readTarget, writeTarget } from '../session';
import type { Session } from '../session';
import { basename, has, lit, optionSet, parseOptions, UNKNOWN, values } from '../words';
import type { Word } from '../words';
import { DUMPERS } from './files';
import { stdinProgram } from './interpreters';
import type { Wrapper } from '../../../core/shell';
import type { HandlerTable, Invocation, PatternHandler } from './types';

/**
 * Wrappers: programs that run the command given in their arguments. The shell model peels the
 * plain ones (sudo, doas, env, nice, timeout, nohup, stdbuf, flock, strace, npx, poetry run…: see
 * src/core/shell/commands.ts) before the walker picks a handler, and the walker applies
 * `wrapperChecks` to each wrapper it recorded (env's assignments and -C, watch's command text).
 * What stays here: a wrapper alone (`sudo -s` reads a shell from standard input, `env -S TEXT`),
 * wrappers running a command text (`flock L -c`, `runuser -c`, `script -c`, `su -c`), what xargs
 * feeds (unknown, or for a dumper the names piped in), and proxifiers (refused).
 */

/** Programs that send another program's traffic through a proxy. */
const PROXIFIERS = new Set(['proxychains', 'proxychains4', 'proxychains-ng', 'torsocks', 'tsocks', 'torify', 'graftcp', 'proxify']);

const SUDO_OPTS = optionSet('-u --user -g --group -p --prompt -C --close-from -h --host -r --role -t --type -U --other-user -D --chdir -T --command-timeout');
const ENV_OPTS = optionSet('-u --unset -C --chdir -S --split-string');
const XARGS_OPTS = optionSet('-I -L -n --max-args -P --max-procs -s --max-chars -d --delimiter -E -a --arg-file --process-slot-var');
const SCRIPT_OPTS = new Set(['-c', '--command', '-E', '--echo', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-T', '--log-timing', '-m', '--logging-format', '-o', '--output-limit']);

/**
 * sudo, doas or run0 with no command (the model peels them when one follows): `sudo -s` and
 * `sudo -i` start a shell that reads standard input.
 */
export function sudoAlone(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, SUDO_OPTS, true);
  if (p.positionals.length === 0 && has(p, '-s', '--shell', '-i', '--login')) {
    shellOnStdin(inv, s, `${inv.base} ${p.opts.find((o) => /^(-s|--shell|-i|--login)$/.test(o.name))?.name ?? '-s'}`);
  }
}

/** A shell started without a command: what it reads from standard input is its program. */
function shellOnStdin(inv: Invocation, s: Session, what: string): void {
  if (inv.where.stdin?.().kind === 'none') {
    return; // nothing feeds it: an interactive shell, nothing hidden runs
  }
  stdinProgram(s, what, inv.where, (t) => s.walk.script(t, inv.depth + 1));
}

/** A wrapper with nothing to run (`nice`, `timeout 5`, `command -v x`, `busybox`): the model peels it when a command follows. */
export function alone(): void {
  // nothing runs
}

/** `env` with no command to peel: `env -S TEXT` splits TEXT into a command. */
export function env(inv: Invocation, s: Session): void {
  const p = parseOptions(inv.args, ENV_OPTS, true);
  for (const text of values(p, '-S', '--split-string')) {
    commandString(s, [text, ...p.positionals, ...p.rest], inv.depth, 'env -S');
    return;
  }
}

/**
 * What a wrapper the shell model peeled means to the policy, checked before the command it runs:
 * env's assignments count as assignments (BASH_FUNC_ ones are refused), `env -C` moves the folder,
 * `env -S TEXT` and `watch TEXT` run a command text instead of the words after them. Returns
 * 'done' when the wrapper ran a command text (the words after it are not a command).
 */
export function wrapperChecks(s: Session, wrapper: Wrapper, rest: readonly Word[], depth: number): 'done' | undefined {
  const opts = wrapper.options;
  if (wrapper.name === 'env') {
    for (let i = 0; i < opts.length; i++) {
      const v = opts[i].value;
      if ((v === '-S' || v === '--split-string') && opts[i + 1]) {
        commandString(s, [opts[i + 1], ...rest], depth, 'env -S');
        return 'done';
      }
      if ((v === '-C' || v === '--chdir') && opts[i + 1]) {
        cd(s, [opts[i + 1]]);
        i++;
        continue;
      }
      if (ENV_OPTS.has(v)) {
        i++;
        continue;
      }
      const eq = v.indexOf('=');
      if (eq <= 0 || v.startsWith('-')) {
        continue;
      }
      const name = v.slice(0, eq);
      const value = { ...opts[i], value: v.slice(eq + 1), start: 0, end: 0 };
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        assignment(s, name, value);
      } else if (/^BASH_FUNC_/.test(name) || value.value.startsWith('()')) {
        hidden(s, `env ${name}=…`, 'BASH_FUNC_ variables define shell functions that replace commands in every bash it starts');
      }
    }
  }
  // `watch 'CMD'` runs CMD through `sh -c`; `watch -x CMD…` runs the words
  if (wrapper.name === 'watch' && !opts.some((o) => o.value === '-x' || o.value === '--exec')) {
    commandString(s, rest, depth, 'watch');
    return 'done';
  }
  return undefined;
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

/** `flock LOCK -c 'cmd'`, `runuser -u app -c 'cmd'`: the command text runs through a shell. */
export function commandTextWrapper(inv: Invocation, s: Session): void {
  const text = inv.args.findIndex((a) => !a.dynamic && (a.value === '-c' || a.value === '--command'));
  if (text >= 0) {
    commandString(s, inv.args.slice(text + 1, text + 2), inv.depth, `${inv.tool} ${inv.args[text].value}`);
  }
}

/** proxychains, torsocks…: refused (the real destination is hidden), and the inner command is still walked. */
export function proxifier(inv: Invocation, s: Session): void {
  deny(s, `${inv.base} sends the traffic of the command it runs through a proxy, which hides the real destination`);
  // proxychains -f FILE (the configuration); -q is quiet and takes no value
  const p = parseOptions(inv.args, new Set(['-f']), true);
  s.walk.words([...p.positionals, ...p.rest], inv.depth, inv.where);
}

export const WRAPPER_HANDLERS: HandlerTable = {
  env,
  sudo: sudoAlone,
  doas: sudoAlone,
  run0: sudoAlone,
  script,
  su,
  xargs,
  flock: commandTextWrapper,
  runuser: commandTextWrapper,
  // peeled by the shell model when they run a command; alone they run nothing
  ...Object.fromEntries(['timeout', 'nice', 'ionice', 'stdbuf', 'time', 'nohup', 'setsid', 'unbuffer', 'exec', 'builtin', 'chronic', 'caffeinate', 'command', 'busybox', 'toybox', 'watch', 'taskset', 'chrt', 'chroot', 'faketime', 'unshare', 'nsenter', 'setpriv', 'strace', 'ltrace', 'xvfb-run', 'fakeroot', 'numactl', 'prlimit', 'cgexec', 'dbus-run-session', 'ssh-agent', 'catchsegv', 'valgrind', 'systemd-inhibit', 'gosu', 'su-exec', 'dotenv', 'bunx'].map((n) => [n, alone])),
};

export const WRAPPER_PATTERNS: readonly PatternHandler[] = [{ what: `proxifiers (${[...PROXIFIERS].join(', ')})`, test: (tool) => PROXIFIERS.has(tool), handle: proxifier }];

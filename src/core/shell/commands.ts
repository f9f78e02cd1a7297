/**
 * Commands with their wrappers looked through: `sudo -u deploy env X=1 kubectl apply` is kubectl
 * with the wrappers sudo and env recorded. Literal scripts (`sh -c '…'`, `eval '…'`, `bash
 * <<'EOF'`) are parsed and their commands expanded in place. Pure: no Node built-ins.
 */
import { parseShell, stdoutRedirect } from '../parsers/shell';
import type { CompoundNode, ShellCommand, ShellRedirect, ShellScript, ShellWord } from '../parsers/shell';
import type { CommandRun, Unknown, Wrapper } from './types';

/** Shells: they run stdin, a script file, or the text after -c. */
export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'mksh', 'yash', 'fish', 'csh', 'tcsh', 'rbash', 'busybox-sh']);
/** Script interpreters (other than shells): they run stdin, a script file, or the text after -c/-e. */
export const INTERPRETERS = /^(python[0-9.]*|pypy[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|deno|bun|php[0-9.]*|lua[0-9.]*|pwsh|powershell|Rscript|tclsh)$/;
/** Options of interpreters whose value is the program text. */
const INLINE_SCRIPT_FLAGS: Readonly<Record<string, readonly string[]>> = {
  shell: ['-c'],
  python: ['-c'],
  perl: ['-e', '-E'],
  ruby: ['-e'],
  node: ['-e', '--eval', '-p', '--print'],
  php: ['-r'],
  pwsh: ['-c', '-Command', '-command'],
  other: ['-e', '-c'],
};

/** The base name of a program path (`/usr/bin/apt-get` → `apt-get`). */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** `pip3`, `pip3.12` → `pip`; other names unchanged. */
export function normaliseName(name: string): string {
  const base = baseName(name);
  return /^pip[0-9]*(\.[0-9]+)?$/.test(base) ? 'pip' : base;
}

// module constants: a regular expression literal inside the function is a new object per call
// (this runs for every command of every script)
const PYTHON = /^(python|pypy)/;
const PERL = /^perl/;
const RUBY = /^ruby/;
const NODE = /^(node|nodejs|deno|bun)$/;
const PHP = /^php/;

/** The family of an interpreter name, for its inline-script options. */
function interpreterFamily(name: string): keyof typeof INLINE_SCRIPT_FLAGS | undefined {
  if (SHELLS.has(name)) {
    return 'shell';
  }
  if (PYTHON.test(name)) {
    return 'python';
  }
  if (PERL.test(name)) {
    return 'perl';
  }
  if (RUBY.test(name)) {
    return 'ruby';
  }
  if (NODE.test(name)) {
    return 'node';
  }
  if (PHP.test(name)) {
    return 'php';
  }
  if (name === 'pwsh' || name === 'powershell') {
    return 'pwsh';
  }
  return INTERPRETERS.test(name) ? 'other' : undefined;
}

/** Whether a program name is a shell or script interpreter. */
export function isInterpreter(name: string): boolean {
  return interpreterFamily(name) !== undefined;
}

/** Wrappers that run the command given after their options; value-taking options; operands to skip. */
interface WrapperSpec {
  values: readonly string[];
  skip?: number;
  assignments?: boolean;
  /** Option giving the user the command runs as. */
  userFlags?: readonly string[];
  /** The first operand is the user (gosu, su-exec). */
  userOperand?: boolean;
  /** Runs as root unless told otherwise. */
  root?: boolean;
  /** Options whose value is a command text run by a shell (`flock -c`, `runuser -c`). */
  commandText?: readonly string[];
}
const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: { values: ['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U', '-D', '-T', '--user', '--group', '--close-from', '--host', '--prompt', '--role', '--type', '--other-user', '--chdir', '--command-timeout'], userFlags: ['-u', '--user'], root: true },
  doas: { values: ['-u', '-C'], userFlags: ['-u'], root: true },
  env: { values: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], assignments: true },
  nice: { values: ['-n', '--adjustment'] },
  ionice: { values: ['-c', '--class', '-n', '--classdata', '-p', '-P', '-u'] },
  nohup: { values: [] },
  time: { values: ['-f', '-o', '--format', '--output'] },
  command: { values: [] },
  builtin: { values: [] },
  exec: { values: ['-a'] },
  stdbuf: { values: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  timeout: { values: ['-s', '--signal', '-k', '--kill-after'], skip: 1 },
  gosu: { values: [], skip: 1, userOperand: true },
  'su-exec': { values: [], skip: 1, userOperand: true },
  setpriv: { values: ['--reuid', '--regid', '--ruid', '--rgid', '--euid', '--egid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits', '--selinux-label', '--apparmor-profile', '--pdeathsig'] },
  chroot: { values: ['--userspec', '--groups'], skip: 1 },
  flock: { values: ['-w', '--timeout', '-E', '--conflict-exit-code'], skip: 1, commandText: ['-c', '--command'] },
  taskset: { values: [], skip: 1 },
  'xvfb-run': { values: ['-n', '--server-num', '-f', '--auth-file', '-e', '--error-file', '-s', '--server-args', '-p'] },
  dotenv: { values: ['-e', '-c', '-v'] },
  npx: { values: ['-p', '--package', '-c', '--call'] },
  bunx: { values: [] },
  busybox: { values: [] },
  watch: { values: ['-n', '--interval', '-d'] },
  strace: { values: ['-o', '-e', '-p', '-s', '-u', '-E', '-a', '-b', '-I', '-O', '-S', '-P', '-X', '--output', '--trace', '--signal', '--user', '--env'] },
  unbuffer: { values: [] },
  caffeinate: { values: [] },
  fakeroot: { values: ['-l', '--lib', '--faked', '-s', '-i', '-b'] },
  run0: { values: ['-u', '--user', '-g', '--group', '-D', '--chdir', '--setenv', '--description', '--slice', '--property', '--nice'], userFlags: ['-u', '--user'], root: true },
  setsid: { values: [] },
  chronic: { values: [] },
  toybox: { values: [] },
  chrt: { values: ['-T', '--sched-runtime', '-P', '--sched-period', '-D', '--sched-deadline'], skip: 1 },
  faketime: { values: ['-m', '-f'], skip: 1 },
  unshare: { values: ['--propagation', '--setgroups', '-S', '--setuid', '-G', '--setgid', '-R', '--root', '-w', '--wd', '--map-user', '--map-group', '--map-users', '--map-groups', '--kill-child'] },
  nsenter: { values: ['-t', '--target', '-S', '--setuid', '-G', '--setgid'] },
  runuser: { values: ['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment'], userFlags: ['-u', '--user'], commandText: ['-c', '--command'] },
  ltrace: { values: ['-o', '-e', '-p', '-s', '-u', '-a', '-n', '-l', '-x', '-L', '-E', '--output'] },
  numactl: { values: ['-C', '--physcpubind', '-N', '--cpunodebind', '-m', '--membind', '-i', '--interleave', '-p', '--preferred'] },
  prlimit: { values: ['-p', '--pid', '-o', '--output'] },
  cgexec: { values: ['-g'] },
  'dbus-run-session': { values: ['--config-file', '--dbus-daemon'] },
  'ssh-agent': { values: ['-a', '-E', '-P', '-t'] },
  catchsegv: { values: [] },
  valgrind: { values: [] },
  'systemd-inhibit': { values: ['--what', '--who', '--why', '--mode'] },
};
/** Subcommands that run the command after them (`poetry run pytest`). */
const RUN_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  poetry: ['run'],
  uv: ['run'],
  pipenv: ['run'],
  pdm: ['run'],
  hatch: ['run'],
  bundle: ['exec'],
  pnpm: ['exec', 'dlx'],
  yarn: ['exec', 'dlx'],
  rye: ['run'],
};
/** xargs options that take a value. */
const XARGS_VALUES = ['-a', '--arg-file', '-d', '--delimiter', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var'];

/** How deep literal scripts are followed (`sh -c "bash -c '…'"`). */
export const MAX_DEPTH = 4;

/** A parsed command, its words mapped into the top script's text. */
interface Mapping {
  /** Maps an offset of the parsed text to the script text. */
  map: (offset: number) => number;
  depth: number;
  text: string;
  /** Wrappers of the command that held this literal script. */
  wrappers: Wrapper[];
  /** Pipeline identity prefix. */
  prefix: string;
  /** The holder's streams: a literal script's command reads and writes what its holder does unless it says otherwise. */
  streams?: Pick<CommandRun, 'stdin' | 'input' | 'stdout'>;
}

function mapWord(w: ShellWord, m: Mapping): ShellWord {
  if (m.depth === 0) {
    return w;
  }
  return { raw: w.raw, value: w.value, dynamic: w.dynamic, start: m.map(w.start), end: m.map(w.end) };
}

function mapRedirect(r: ShellRedirect, m: Mapping): ShellRedirect {
  if (m.depth === 0) {
    return r;
  }
  return { ...r, target: r.target ? mapWord(r.target, m) : undefined, start: m.map(r.start), end: m.map(r.end) };
}

/** A nested script's command with its offsets mapped into the script text (pipeline ids made negative so they never meet the top script's). */
function mapCommand(command: ShellCommand, m: Mapping): ShellCommand {
  return {
    ...command,
    nameWord: command.nameWord ? mapWord(command.nameWord, m) : undefined,
    args: command.args.map((a) => mapWord(a, m)),
    assignments: command.assignments.map((a) => ({ name: a.name, value: a.value ? mapWord(a.value, m) : undefined })),
    redirects: command.redirects.map((r) => mapRedirect(r, m)),
    pipelineId: -1 - (m.map(0) * 1024 + command.pipelineId),
    start: m.map(command.start),
    end: m.map(command.end),
  };
}

/** The mapping for a literal script held by `word` (exact when the word is the literal plus its quotes). */
function innerMapping(word: ShellWord, outer: Mapping, wrappers: Wrapper[], prefix: string, streams?: Mapping['streams']): Mapping {
  let shift = -1;
  if (word.raw === word.value) {
    shift = 0;
  } else if (word.raw.slice(1, -1) === word.value && /^['"]/.test(word.raw)) {
    shift = 1;
  }
  const start = word.start;
  const end = word.end;
  const map = (offset: number): number => {
    const local = shift < 0 ? -1 : Math.min(start + shift + offset, end);
    return outer.map(local < 0 ? (offset === 0 ? start : end) : local);
  };
  return { map, depth: outer.depth + 1, text: word.value, wrappers, prefix, streams };
}

function heredocMapping(redirect: ShellRedirect, outer: Mapping, wrappers: Wrapper[], prefix: string, streams?: Mapping['streams']): Mapping {
  const body = redirect.heredoc ?? '';
  const end = redirect.end;
  const start = end - body.length;
  const map = (offset: number): number => outer.map(Math.max(redirect.start, Math.min(start + offset, end)));
  return { map, depth: outer.depth + 1, text: body, wrappers, prefix, streams };
}

/** The top mapping of a script. */
export function topMapping(script: ShellScript): Mapping {
  return { map: (o) => o, depth: 0, text: script.text, wrappers: [], prefix: '' };
}

/** Collected output of the unwrapping of one script. */
export interface Unwrapped {
  commands: CommandRun[];
  unknowns: Unknown[];
  /** Redirections of compound commands (`{ …; } > f`, `if …; fi > f`), mapped into the script text. */
  compound: { redirect: ShellRedirect; node: CompoundNode; start: number; end: number }[];
}

/** The commands of a script, wrappers looked through, literal scripts expanded. */
export function unwrapScript(script: ShellScript, m: Mapping, out: Unwrapped): void {
  if (script.hasError) {
    const at = m.map(script.errorOffset ?? 0);
    out.unknowns.push({ kind: 'syntax-error', text: script.text.slice(script.errorOffset ?? 0, (script.errorOffset ?? 0) + 40), start: at, end: at });
  }
  for (const c of script.compoundRedirects) {
    for (const r of c.redirects) {
      out.compound.push({ redirect: mapRedirect(r, m), node: c.node, start: m.map(c.start), end: m.map(c.end) });
    }
  }
  const functions = new Set(script.functions);
  for (const command of script.commands) {
    unwrapCommand(command, script, m, out, functions);
  }
}

function stdinOf(input: ShellCommand['input']): CommandRun['stdin'] {
  if (!input) {
    return 'inherited';
  }
  if (input.kind === 'pipe') {
    return 'pipe';
  }
  const op = input.redirect.operator;
  return /<<<$/.test(op) ? 'herestring' : /<<-?$/.test(op) ? 'heredoc' : 'file';
}

function stdoutOf(command: ShellCommand, redirects: readonly ShellRedirect[]): CommandRun['stdout'] {
  if (redirects.some(stdoutRedirect)) {
    return 'file';
  }
  if (command.pipedOut) {
    return 'pipe';
  }
  return command.substitutionDepth > 0 ? 'substitution' : 'inherited';
}

function unwrapCommand(command: ShellCommand, script: ShellScript, m: Mapping, out: Unwrapped, functions: ReadonlySet<string>): void {
  const start = m.map(command.start);
  const end = m.map(command.end);
  const wrappers: Wrapper[] = [...m.wrappers];
  const assignments = command.assignments.map((a) => ({ name: a.name, value: a.value ? mapWord(a.value, m) : undefined }));
  const redirects = command.redirects;
  let words = command.nameWord ? [command.nameWord, ...command.args].map((w) => mapWord(w, m)) : [];
  if (words.length === 0) {
    return;
  }
  const source = m.depth === 0 ? command : mapCommand(command, m);
  const origin = { text: m.text, depth: m.depth };
  const pipeline = `${m.prefix}${command.pipelineId}`;
  let stdin = stdinOf(command.input);
  let input = command.input?.kind === 'redirect' ? { ...command.input, redirect: mapRedirect(command.input.redirect, m) } : command.input?.kind === 'pipe' ? { kind: 'pipe' as const, from: { start: m.map(command.input.from.start), end: m.map(command.input.from.end) } } : undefined;
  let stdout = stdoutOf(command, redirects);
  if (m.streams && stdin === 'inherited') {
    ({ stdin, input } = m.streams);
  }
  if (m.streams && stdout === 'inherited') {
    stdout = m.streams.stdout;
  }
  const streams: Mapping['streams'] = { stdin, input, stdout };
  const mappedRedirects = m.depth === 0 ? redirects : redirects.map((r) => mapRedirect(r, m));
  const emit = (nameWord: ShellWord, args: ShellWord[], scriptArgument?: ShellWord): CommandRun => {
    const dynamicName = nameWord.dynamic;
    const run: CommandRun = {
      name: dynamicName ? '' : normaliseName(nameWord.value),
      program: dynamicName ? '' : baseName(nameWord.value),
      nameWord,
      args,
      wrappers: [...wrappers],
      assignments,
      redirects: mappedRedirects,
      source,
      origin,
      pipeline,
      pipeIndex: command.pipeIndex,
      pipeLength: command.pipeLength,
      substitutionDepth: command.substitutionDepth,
      dynamicName,
      stdin,
      input,
      stdinFrom: [],
      stdout,
      runsStdin: false,
      scriptArgument,
      start,
      end,
    };
    run.runsStdin = runsStdin(run);
    run.scriptArgument = scriptArgument ?? scriptArgumentOf(run);
    out.commands.push(run);
    if (dynamicName) {
      out.unknowns.push({ kind: 'dynamic-command', text: nameWord.raw, command: run, start: nameWord.start, end: nameWord.end });
    } else if (functions.has(nameWord.value)) {
      out.unknowns.push({ kind: 'function', text: nameWord.value, command: run, start: nameWord.start, end: nameWord.end });
    }
    return run;
  };
  for (let guard = 0; guard < 12; guard++) {
    const head = words[0];
    if (head.dynamic) {
      emit(head, words.slice(1));
      return;
    }
    const name = baseName(head.value);
    const peeled = peelWrapper(words);
    if (peeled) {
      assignments.push(...peeled.assignments);
      if (peeled.rest.length === 0) {
        // a wrapper alone (`sudo -v`, `env`, `sudo -s`): it is the command
        emit(head, words.slice(1));
        return;
      }
      wrappers.push(peeled.wrapper);
      words = peeled.rest;
      continue;
    }
    const textFlags = WRAPPERS[name]?.commandText;
    const textAt = textFlags ? words.findIndex((w, k) => k > 0 && textFlags.includes(w.value)) : -1;
    if (textAt > 0 && words[textAt + 1]) {
      // `flock LOCK -c 'cmd'`, `runuser -u app -c 'cmd'`: a literal script
      const text = words[textAt + 1];
      const wrapper: Wrapper = { name: `${name} ${words[textAt].value}`, word: head, options: words.slice(1, textAt + 1) };
      literalScript(text, wrapper, m, wrappers, out, () => emit(head, words.slice(1), text), true, streams);
      return;
    }
    if (/^python[0-9]*(\.[0-9]+)?$/.test(name) && words[1]?.value === '-m' && words[2] && !words[2].dynamic) {
      wrappers.push({ name: 'python -m', word: head, options: [words[1]] });
      words = words.slice(2);
      continue;
    }
    if (name === 'su' && words.some((w) => w.value === '-c' || w.value === '--command')) {
      const at = words.findIndex((w) => w.value === '-c' || w.value === '--command');
      const text = words[at + 1];
      const user = words.slice(1).find((w, k) => k + 1 !== at && k + 1 !== at + 1 && !w.value.startsWith('-'))?.value ?? 'root';
      const wrapper: Wrapper = { name: 'su -c', word: head, options: words.slice(1, at + 1), user };
      if (text) {
        literalScript(text, wrapper, m, wrappers, out, () => emit(head, words.slice(1), text), true, streams);
        return;
      }
    }
    if (name === 'xargs') {
      let i = 1;
      while (i < words.length && words[i].value.startsWith('-')) {
        i += XARGS_VALUES.includes(words[i].value) ? 2 : 1;
      }
      if (i < words.length) {
        wrappers.push({ name: 'xargs', word: head, options: words.slice(1, i) });
        out.unknowns.push({ kind: 'xargs-input', text: words.slice(i).map((w) => w.raw).join(' '), start, end });
        words = words.slice(i);
        continue;
      }
    }
    if (name === 'find') {
      emit(head, words.slice(1));
      for (let i = 1; i < words.length; i++) {
        if (/^-(exec|execdir|ok|okdir)$/.test(words[i].value)) {
          let j = i + 1;
          while (j < words.length && words[j].value !== ';' && words[j].value !== '+') {
            j++;
          }
          const inner = words.slice(i + 1, j);
          if (inner.length > 0) {
            const wrapper: Wrapper = { name: 'find -exec', word: head, options: [words[i]] };
            const saved = wrappers.length;
            wrappers.push(wrapper);
            emit(inner[0], inner.slice(1));
            wrappers.length = saved;
          }
          i = j;
        }
      }
      return;
    }
    if (name === 'eval') {
      const args = words.slice(1);
      const wrapper: Wrapper = { name: 'eval', word: head, options: [] };
      if (args.length === 0) {
        emit(head, args);
        return;
      }
      if (args.some((a) => a.dynamic)) {
        const run = emit(head, args, args[0]);
        out.unknowns.push({ kind: 'eval', text: args.map((a) => a.raw).join(' '), command: run, start: args[0].start, end: args[args.length - 1].end });
        return;
      }
      const joined: ShellWord = args.length === 1 ? args[0] : { raw: args.map((a) => a.value).join(' '), value: args.map((a) => a.value).join(' '), dynamic: false, start: args[0].start, end: args[args.length - 1].end };
      literalScript(joined, wrapper, m, wrappers, out, () => emit(head, args, args[0]), true, streams);
      return;
    }
    const family = interpreterFamily(name);
    if (family === 'shell') {
      const c = inlineScript(words, INLINE_SCRIPT_FLAGS.shell);
      if (c) {
        const wrapper: Wrapper = { name: `${name} -c`, word: head, options: words.slice(1, c.index) };
        literalScript(c.word, wrapper, m, wrappers, out, () => emit(head, words.slice(1), c.word), true, streams);
        return;
      }
      // `bash <<'EOF' … EOF` and `bash <<< 'cmd'`: the shell runs the literal
      const fileArg = words.slice(1).find((w) => !w.value.startsWith('-') && !w.value.startsWith('+'));
      const doc = fileArg ? undefined : [...redirects].reverse().find((r) => r.operator === '<<' || r.operator === '<<-' || r.operator === '<<<');
      if (doc && (doc.heredoc !== undefined || (doc.target && !doc.target.dynamic))) {
        const run = emit(head, words.slice(1));
        if (doc.heredoc !== undefined) {
          const wrapper: Wrapper = { name: 'heredoc', word: head, options: [] };
          if (m.depth + 1 > MAX_DEPTH) {
            out.unknowns.push({ kind: 'too-deep', text: doc.heredoc.slice(0, 40), command: run, start, end });
            return;
          }
          if (/[$`]/.test(doc.heredoc)) {
            // an unquoted delimiter expands the body before the shell reads it: read as written, but not known
            out.unknowns.push({ kind: 'dynamic-script', text: doc.heredoc.slice(0, 40), command: run, start: m.map(doc.start), end: m.map(doc.end) });
          }
          unwrapScript(parseShell(doc.heredoc), heredocMapping(doc, m, [...wrappers, wrapper], `${m.prefix}${command.pipelineId}h/`, { stdin: 'inherited', input: undefined, stdout }), out);
        } else if (doc.target) {
          const wrapper: Wrapper = { name: 'herestring', word: head, options: [] };
          literalScript(mapWord(doc.target, m), wrapper, m, wrappers, out, () => run, false, { stdin: 'inherited', input: undefined, stdout });
        }
        return;
      }
    }
    emit(head, words.slice(1));
    return;
  }
  emit(words[0], words.slice(1));
}

/**
 * The wrapper at the head of `words` (one of the WRAPPERS table, or a run subcommand such as
 * `poetry run`), with the words of the command it runs (none for a wrapper alone: `sudo -v`,
 * `env`) and the assignments it makes (`env X=1`). Undefined when the head is no such wrapper, or
 * runs a command text (`flock L -c 'cmd'`: a literal script, see unwrapCommand).
 */
export function peelWrapper(words: readonly ShellWord[]): { wrapper: Wrapper; rest: ShellWord[]; assignments: { name: string; value: ShellWord }[] } | undefined {
  const head = words[0];
  if (!head || head.dynamic) {
    return undefined;
  }
  const name = baseName(head.value);
  const spec = WRAPPERS[name];
  if (spec && !(name === 'command' && words[1] && /^-[vV]$/.test(words[1].value)) && !(spec.commandText && words.some((w) => spec.commandText?.includes(w.value)))) {
    const options: ShellWord[] = [];
    const assignments: { name: string; value: ShellWord }[] = [];
    let user: string | undefined = spec.root ? 'root' : undefined;
    let i = 1;
    let skip = spec.skip ?? 0;
    while (i < words.length) {
      const v = words[i].value;
      if (v === '--') {
        options.push(words[i]);
        i++;
        break;
      }
      if (spec.assignments && v === '-' && !words[i].dynamic) {
        // `env - cmd` is `env -i cmd`
        options.push(words[i]);
        i++;
      } else if (v.startsWith('-') && v.length > 1 && !words[i].dynamic) {
        options.push(words[i]);
        const takes = spec.values.includes(v);
        if (takes && words[i + 1]) {
          if (spec.userFlags?.includes(v)) {
            user = words[i + 1].value;
          }
          options.push(words[i + 1]);
          i += 2;
        } else {
          const eq = spec.userFlags?.find((f) => f.startsWith('--') && v.startsWith(f + '='));
          if (eq) {
            user = v.slice(eq.length + 1);
          } else if (spec.userFlags?.some((f) => f.length === 2 && v.startsWith(f) && v.length > 2)) {
            user = v.slice(2);
          }
          i++;
        }
      } else if (spec.assignments && /^[^=\s-][^=]*=/.test(v)) {
        // env takes every NAME=VALUE before the command, whatever NAME is (`BASH_FUNC_f%%=…`)
        options.push(words[i]);
        const eq = v.indexOf('=');
        assignments.push({ name: v.slice(0, eq), value: { ...words[i], value: v.slice(eq + 1) } });
        i++;
      } else if (skip > 0) {
        if (spec.userOperand && user === undefined) {
          user = v;
        }
        options.push(words[i]);
        skip--;
        i++;
      } else {
        break;
      }
    }
    return { wrapper: { name, word: head, options, user }, rest: words.slice(i), assignments };
  }
  const runSub = RUN_SUBCOMMANDS[name];
  if (runSub && words[1] && runSub.includes(words[1].value) && words[2] && !words[2].value.startsWith('-')) {
    return { wrapper: { name: `${name} ${words[1].value}`, word: head, options: [words[1]] }, rest: words.slice(2), assignments: [] };
  }
  return undefined;
}

/**
 * A command given as words with its wrappers peeled (see peelWrapper), outermost first: what the
 * policy's walker hands to its handlers. The forms with their own meaning (`sh -c`, `eval`,
 * `xargs`, `find -exec`, `su -c`, `python -m`, a wrapper running a command text) are left to the caller.
 */
export function unwrapWords(words: readonly ShellWord[]): { wrappers: Wrapper[]; words: ShellWord[] } {
  const wrappers: Wrapper[] = [];
  let rest = [...words];
  for (let guard = 0; guard < 12; guard++) {
    const peeled = peelWrapper(rest);
    if (!peeled || peeled.rest.length === 0) {
      break;
    }
    wrappers.push(peeled.wrapper);
    rest = peeled.rest;
  }
  return { wrappers, words: rest };
}

/** The word after an inline-script option (`-c`, `-e`) in a cluster or alone. */
function inlineScript(words: readonly ShellWord[], flags: readonly string[]): { word: ShellWord; index: number } | undefined {
  for (let i = 1; i < words.length; i++) {
    const v = words[i].value;
    if (words[i].dynamic || !v.startsWith('-') || v === '-' || v === '--') {
      if (v === '-o' || v === '+o') {
        i++;
        continue;
      }
      return undefined;
    }
    if (flags.includes(v) || (flags.includes('-c') && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(v) && !v.startsWith('--'))) {
      return words[i + 1] ? { word: words[i + 1], index: i } : undefined;
    }
    if (v === '-o' || v === '-O') {
      i++;
    }
  }
  return undefined;
}

/** Parse and expand a literal script held by `word`; computed text is an Unknown (the holder is emitted then). */
function literalScript(word: ShellWord, wrapper: Wrapper, m: Mapping, wrappers: Wrapper[], out: Unwrapped, emitHolder: () => CommandRun, holderOnDynamic = true, streams?: Mapping['streams']): void {
  if (word.dynamic) {
    // `sh -c "kubectl apply -f $DIR"`: the text is partly computed, so it is an Unknown, but the
    // commands it names are read as written; a substitution as the script (`"$(curl …)"`, `"$X"`)
    // leaves nothing to read
    const readable = !/\$\(|`/.test(word.value) && /^\s*[A-Za-z_./]/.test(word.value);
    const run = holderOnDynamic && !readable ? emitHolder() : undefined;
    out.unknowns.push({ kind: wrapper.name === 'eval' ? 'eval' : 'dynamic-script', text: word.raw, command: run, start: word.start, end: word.end });
    if (!readable || m.depth + 1 > MAX_DEPTH) {
      return;
    }
  } else if (m.depth + 1 > MAX_DEPTH) {
    const run = emitHolder();
    out.unknowns.push({ kind: 'too-deep', text: word.raw, command: run, start: word.start, end: word.end });
    return;
  }
  const inner = parseShell(word.value);
  unwrapScript(inner, innerMapping(word, m, [...wrappers, wrapper], `${m.prefix}${word.start}/`, streams), out);
}

/** Whether a command runs a script from its standard input. */
function runsStdin(run: CommandRun): boolean {
  const family = interpreterFamily(run.name);
  if (!family || run.dynamicName) {
    return false;
  }
  const args = run.args;
  let i = 0;
  for (; i < args.length; i++) {
    const v = args[i].value;
    if (args[i].dynamic) {
      return false;
    }
    if (v === '-' || v === '--') {
      // `bash -s --` / `bash -` / `python -`: stdin, the rest are its arguments
      return v === '-' || family === 'shell' || !args[i + 1] || args[i + 1].value === '-';
    }
    if (family === 'shell' && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(v)) {
      return true;
    }
    if (INLINE_SCRIPT_FLAGS[family].includes(v) || (family === 'shell' && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) || (family === 'python' && v === '-m')) {
      return false;
    }
    if (v.startsWith('-') || (family === 'shell' && v.startsWith('+'))) {
      if (/^[-+][oO]$/.test(v) || (family === 'python' && (v === '-W' || v === '-X'))) {
        i++;
      }
      continue;
    }
    return false;
  }
  return true;
}

/** The argument a command runs as a script: `-c X`, `-e X`, the script file operand, `source X`. */
function scriptArgumentOf(run: CommandRun): ShellWord | undefined {
  if (run.name === 'source' || run.name === '.') {
    return run.args[0];
  }
  const family = interpreterFamily(run.name);
  if (!family || run.dynamicName) {
    return undefined;
  }
  const words = [run.nameWord, ...run.args];
  const inline = inlineScript(words, INLINE_SCRIPT_FLAGS[family]);
  if (inline) {
    return inline.word;
  }
  for (let i = 0; i < run.args.length; i++) {
    const v = run.args[i].value;
    if (v === '--') {
      return run.args[i + 1];
    }
    if (/^[-+][oO]$/.test(v) || (family === 'python' && (v === '-W' || v === '-X'))) {
      i++;
      continue;
    }
    if (family === 'python' && v === '-m') {
      return undefined;
    }
    if (v.startsWith('-') && v !== '-') {
      if (family === 'shell' && /^-[a-zA-Z]*s[a-zA-Z]*$/.test(v)) {
        return undefined;
      }
      continue;
    }
    return v === '-' ? undefined : run.args[i];
  }
  return undefined;
}

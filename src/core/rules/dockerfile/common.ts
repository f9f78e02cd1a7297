/**
 * Helpers shared by the Dockerfile rules (not a rule): commands of RUN instructions with
 * wrappers such as `sudo` or `env` looked through, the package managers' command lines, RUN
 * mounts, and ranges. Every rule that reasons about commands goes through the parsed shell
 * script, never through regular expressions over the raw command text.
 */
import type { DockerfileModel, EmbeddedShell, Instruction, Stage } from '../../parsers/dockerfile';
import type { ShellCommand, ShellWord } from '../../parsers/shell';
import type { Range } from '../../types';
import { perObject } from '../../memo';
import type { PropertyInstruction, Run } from 'dockerfile-ast';

/** A command with wrappers (`sudo`, `env`, `nice`…) and `python -m` looked through. */
export interface Cmd {
  /** Normalised program name: base name, `pip3`/`pip3.12` → `pip`. */
  name: string;
  /** The word naming the program (for ranges); the wrapper's word when the name came from `-m`. */
  nameWord: ShellWord;
  /** Arguments after the program name. */
  args: ShellWord[];
  /** The parsed command this view was made from. */
  source: ShellCommand;
}

/** A command of a RUN instruction together with where it lives. */
export interface RunCommand {
  instruction: Instruction;
  stage: Stage;
  shell: EmbeddedShell;
  cmd: Cmd;
}

/** Wrappers that run the command given as their first positional argument; value-taking flags. */
const WRAPPERS: Readonly<Record<string, { valueFlags: readonly string[]; skipPositionals: number; assignments?: boolean }>> = {
  sudo: { valueFlags: ['-u', '-g', '-C', '-h', '-p', '-r', '-t', '-U', '-D', '--user', '--group', '--close-from', '--host', '--prompt', '--role', '--type', '--other-user', '--chdir'], skipPositionals: 0 },
  env: { valueFlags: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], skipPositionals: 0, assignments: true },
  nice: { valueFlags: ['-n', '--adjustment'], skipPositionals: 0 },
  nohup: { valueFlags: [], skipPositionals: 0 },
  time: { valueFlags: ['-f', '-o', '--format', '--output'], skipPositionals: 0 },
  command: { valueFlags: [], skipPositionals: 0 },
  exec: { valueFlags: ['-a'], skipPositionals: 0 },
  stdbuf: { valueFlags: ['-i', '-o', '-e'], skipPositionals: 0 },
  timeout: { valueFlags: ['-s', '--signal', '-k', '--kill-after'], skipPositionals: 1 },
  gosu: { valueFlags: [], skipPositionals: 1 },
  'su-exec': { valueFlags: [], skipPositionals: 1 },
};

/** The base name of a program path (`/usr/bin/apt-get` → `apt-get`). */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function normaliseName(name: string): string {
  const base = baseName(name);
  if (/^pip[0-9]*(\.[0-9]+)?$/.test(base)) {
    return 'pip';
  }
  return base;
}

/** Look through wrappers and `python -m pip`; undefined for commands with no static name. */
export const normalize: (command: ShellCommand) => Cmd | undefined = perObject(computeNormalized);

function computeNormalized(command: ShellCommand): Cmd | undefined {
  if (!command.nameWord || command.nameWord.dynamic) {
    return undefined;
  }
  let nameWord = command.nameWord;
  let name = normaliseName(nameWord.value);
  let args = command.args;
  for (let depth = 0; depth < 4; depth++) {
    const wrapper = WRAPPERS[name];
    if (wrapper) {
      let i = 0;
      let positionals = wrapper.skipPositionals;
      while (i < args.length) {
        const v = args[i].value;
        if (v === '--') {
          i++;
          break;
        }
        if (v.startsWith('-') && v.length > 1) {
          i += wrapper.valueFlags.includes(v) ? 2 : 1;
        } else if (wrapper.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(v)) {
          i++;
        } else if (positionals > 0) {
          positionals--;
          i++;
        } else {
          break;
        }
      }
      const next = args[i];
      if (!next || next.dynamic) {
        return undefined;
      }
      nameWord = next;
      name = normaliseName(next.value);
      args = args.slice(i + 1);
      continue;
    }
    if (/^python[0-9]*(\.[0-9]+)?$/.test(name) && args[0]?.value === '-m' && args[1] && !args[1].dynamic) {
      name = normaliseName(args[1].value);
      nameWord = args[1];
      args = args.slice(2);
    }
    break;
  }
  return { name, nameWord, args, source: command };
}

/** A RUN instruction's parsed script with its stage. */
export interface RunShell {
  instruction: Instruction;
  stage: Stage;
  shell: EmbeddedShell;
}

/** The parsed scripts of every RUN instruction (shell form and script heredocs). */
export function runShells(model: DockerfileModel): RunShell[] {
  const cached = shellsCache.get(model);
  if (cached) {
    return cached;
  }
  const out: RunShell[] = [];
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'RUN') {
        continue;
      }
      const shell = model.shellOf(instruction);
      if (shell) {
        out.push({ instruction, stage, shell });
      }
    }
  }
  shellsCache.set(model, out);
  return out;
}

// every rule of the pack walks the same RUN commands: compute them once per parsed file
const shellsCache = new WeakMap<DockerfileModel, RunShell[]>();
const commandsCache = new WeakMap<DockerfileModel, RunCommand[]>();

/** Every command of every RUN instruction (shell form and script heredocs), wrappers looked through. */
export function runCommands(model: DockerfileModel): RunCommand[] {
  const cached = commandsCache.get(model);
  if (cached) {
    return cached;
  }
  const out: RunCommand[] = [];
  for (const { instruction, stage, shell } of runShells(model)) {
    for (const command of shell.script.commands) {
      const cmd = normalize(command);
      if (cmd) {
        out.push({ instruction, stage, shell, cmd });
      }
    }
  }
  commandsCache.set(model, out);
  return out;
}

/** Group RUN commands by instruction, in order. */
export function byInstruction(commands: readonly RunCommand[]): Map<Instruction, RunCommand[]> {
  const map = new Map<Instruction, RunCommand[]>();
  for (const c of commands) {
    const list = map.get(c.instruction);
    if (list) {
      list.push(c);
    } else {
      map.set(c.instruction, [c]);
    }
  }
  return map;
}

/**
 * The word of the first flag among `names` in `args` (same matching as `hasFlag`: long flags
 * exactly or as `--flag=…`, a single-letter flag also inside a cluster such as `-fsSLk`).
 */
export function findFlag(args: readonly ShellWord[], ...names: string[]): ShellWord | undefined {
  for (const arg of args) {
    if (arg.dynamic) {
      continue;
    }
    const v = arg.value;
    if (v === '--') {
      return undefined;
    }
    for (const name of names) {
      if (name.startsWith('--')) {
        if (v === name || v.startsWith(name + '=')) {
          return arg;
        }
      } else if (name.length === 2 && name[0] === '-') {
        if (v === name || (/^-[A-Za-z0-9]+$/.test(v) && v.includes(name[1]))) {
          return arg;
        }
      } else if (v === name) {
        return arg;
      }
    }
  }
  return undefined;
}

/** A positional argument with its index in `args`. */
export interface Positional {
  word: ShellWord;
  index: number;
}

/**
 * The positional (non-flag) arguments of a command, skipping the values of flags listed in
 * `valueFlags` (given as `-o value` or `--option value`; `--option=value` is one word).
 */
export function positionals(args: readonly ShellWord[], valueFlags: readonly string[]): Positional[] {
  const out: Positional[] = [];
  let afterDashDash = false;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (!afterDashDash && v === '--') {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && v.startsWith('-') && v.length > 1) {
      if (valueFlags.includes(v)) {
        i++;
      }
      continue;
    }
    out.push({ word: args[i], index: i });
  }
  return out;
}

/** Flags of apt-get/apt that take a separate value. */
export const APT_VALUE_FLAGS = ['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles'];
/** Flags of apk that take a separate value. */
export const APK_VALUE_FLAGS = ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--timeout', '--cache-max-age', '--progress-fd'];
/** Flags of `pip install` that take a separate value. */
export const PIP_VALUE_FLAGS = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--src', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi',
  '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert',
  '--client-cert', '--global-option', '--install-option', '-C', '--config-settings', '--only-binary', '--no-binary', '--report',
  '--python', '--keyring-provider', '--root-user-action', '--use-feature', '--use-deprecated', '--group',
];
/** Flags of npm that take a separate value. */
export const NPM_VALUE_FLAGS = ['--registry', '--prefix', '--loglevel', '--cache', '--userconfig', '--globalconfig', '--tag', '--omit', '--include', '--workspace', '-w', '--install-strategy', '--location'];
/** Flags of `gem install` that take a separate value. */
export const GEM_VALUE_FLAGS = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file', '--build-root', '--document'];

/** The subcommand of a command (its first positional argument) when it is a literal. */
export function subcommandOf(cmd: Cmd, valueFlags: readonly string[]): Positional | undefined {
  const first = positionals(cmd.args, valueFlags)[0];
  return first && !first.word.dynamic ? first : undefined;
}

/** `apt-get install …` / `apt install …`: the subcommand word and the package arguments. */
export interface PackageInstall {
  manager: 'apt' | 'apk' | 'pip' | 'npm' | 'gem' | 'yum';
  sub: Positional;
  packages: Positional[];
}

/** The install subcommand of a package manager command, when it is one. */
export const packageInstall: (cmd: Cmd) => PackageInstall | undefined = perObject(computeInstall);

function computeInstall(cmd: Cmd): PackageInstall | undefined {
  switch (cmd.name) {
    case 'apt-get':
    case 'apt': {
      const sub = subcommandOf(cmd, APT_VALUE_FLAGS);
      if (sub?.word.value === 'install') {
        return { manager: 'apt', sub, packages: positionals(cmd.args, APT_VALUE_FLAGS).filter((p) => p.index > sub.index) };
      }
      return undefined;
    }
    case 'apk': {
      const sub = subcommandOf(cmd, APK_VALUE_FLAGS);
      if (sub?.word.value === 'add') {
        return { manager: 'apk', sub, packages: positionals(cmd.args, APK_VALUE_FLAGS).filter((p) => p.index > sub.index) };
      }
      return undefined;
    }
    case 'pip': {
      const sub = subcommandOf(cmd, PIP_VALUE_FLAGS);
      if (sub?.word.value === 'install') {
        return { manager: 'pip', sub, packages: positionals(cmd.args, PIP_VALUE_FLAGS).filter((p) => p.index > sub.index) };
      }
      return undefined;
    }
    case 'npm': {
      const sub = subcommandOf(cmd, NPM_VALUE_FLAGS);
      if (sub && ['install', 'i', 'add', 'in', 'isntall'].includes(sub.word.value)) {
        return { manager: 'npm', sub, packages: positionals(cmd.args, NPM_VALUE_FLAGS).filter((p) => p.index > sub.index) };
      }
      return undefined;
    }
    case 'gem': {
      const sub = subcommandOf(cmd, GEM_VALUE_FLAGS);
      if (sub?.word.value === 'install') {
        return { manager: 'gem', sub, packages: positionals(cmd.args, GEM_VALUE_FLAGS).filter((p) => p.index > sub.index) };
      }
      return undefined;
    }
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf': {
      const sub = subcommandOf(cmd, ['-c', '--config', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude']);
      if (sub?.word.value === 'install') {
        return { manager: 'yum', sub, packages: [] };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Range of a shell word in the Dockerfile. */
export function wordRange(model: DockerfileModel, shell: EmbeddedShell, word: { start: number; end: number }): Range {
  return model.shellRange(shell, word.start, word.end);
}

/** A RUN `--mount` option set, as `{type, target, …}` (type defaults to bind). */
export function runMounts(instruction: Instruction): Record<string, string>[] {
  if (instruction.getKeyword() !== 'RUN') {
    return [];
  }
  const out: Record<string, string>[] = [];
  for (const flag of (instruction as Run).getFlags()) {
    if (flag.getName() !== 'mount') {
      continue;
    }
    const options: Record<string, string> = { type: 'bind' };
    for (const option of flag.getOptions()) {
      const name = option.getName();
      const value = option.getValue() ?? '';
      options[name === 'dst' || name === 'destination' ? 'target' : name] = value;
    }
    out.push(options);
  }
  return out;
}

/** Whether a RUN has a cache (or tmpfs) mount on `path` or on a folder above it. */
export function hasCacheMount(instruction: Instruction, ...paths: string[]): boolean {
  return runMounts(instruction).some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') {
      return false;
    }
    const target = (m.target ?? '').replace(/\/+$/, '');
    return target !== '' && paths.some((p) => p === target || p.startsWith(target + '/'));
  });
}

/** The values set by ENV and ARG (with a default) in the stage chain of `stage`, before `line`. */
export function envValue(model: DockerfileModel, stage: Stage, name: string, line: number): string | undefined {
  for (const s of model.stageChain(stage)) {
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const instruction = s.instructions[i];
      if (s === stage && instruction.getRange().start.line >= line) {
        continue;
      }
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') {
        continue;
      }
      const props = (instruction as PropertyInstruction).getProperties();
      for (let j = props.length - 1; j >= 0; j--) {
        if (props[j].getName() === name && props[j].getValue() !== null) {
          return props[j].getValue() ?? undefined;
        }
      }
    }
  }
  return undefined;
}

/** Non-flag arguments of COPY/ADD (sources then destination), flags removed. */
export function copyArgs(instruction: Instruction): { value: string; range: Range }[] {
  const json = instruction.getRawArgumentsContent()?.trim().startsWith('[');
  const args = instruction
    .getArguments()
    .filter((a) => !a.getValue().startsWith('--'))
    .map((a) => ({ value: a.getValue(), range: a.getRange() }));
  if (json) {
    // exec form: ["src", "dest"] — read the strings back
    try {
      const raw = instruction.getRawArgumentsContent() ?? '';
      const start = raw.indexOf('[');
      const parsed: unknown = JSON.parse(raw.slice(start).replace(/\\\r?\n/g, ''));
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) {
        const whole = instruction.getArgumentsRange() ?? instruction.getRange();
        return (parsed as string[]).map((value) => ({ value, range: whole }));
      }
    } catch {
      return args;
    }
  }
  return args;
}

/** Whether a COPY/ADD source names the whole build context (`.`, `./`, `./.`). */
export function isWholeContext(source: string): boolean {
  return /^\.(\/\.?)?\/*$/.test(source);
}

/** Whether a COPY/ADD copies from another stage or image (`--from=…`) rather than the context. */
export function fromFlag(instruction: Instruction): boolean {
  const flags = (instruction as unknown as { getFlags?: () => { getName(): string }[] }).getFlags?.() ?? [];
  return flags.some((f) => f.getName().toLowerCase() === 'from');
}

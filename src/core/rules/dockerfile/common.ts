/**
 * Helpers shared by the Dockerfile rules (not a rule): the commands of RUN instructions as the
 * shell model (src/core/shell) sees them, package installs, RUN mounts, and ranges. Every rule
 * that reasons about commands asks the shell model, never regular expressions over the raw
 * command text, and classifies nothing on its own.
 */
import type { DockerfileModel, EmbeddedShell, Instruction, Stage } from '../../parsers/dockerfile';
import type { ShellCommand, ShellScript, ShellWord } from '../../parsers/shell';
import { findOption, installOf, operands, shellEffects, VALUE_FLAGS } from '../../shell';
import type { CommandRun, PackageInstall as ModelInstall, PackageManager } from '../../shell';
import type { Range } from '../../types';
import { perObject, KeptOn } from '../../memo';
import type { PropertyInstruction, Run } from 'dockerfile-ast';

/** A command of a RUN script as the shell model sees it (wrappers and `python -m` looked through). */
export interface Cmd {
  /** Normalised program name: base name, `pip3`/`pip3.12` → `pip`. */
  name: string;
  /** The word naming the program (for ranges); the module word for `python -m pip`. */
  nameWord: ShellWord;
  /** Arguments after the program name. */
  args: ShellWord[];
  /** The parsed command this view was made from (offsets in the RUN script, also for `sh -c '…'` contents). */
  source: ShellCommand;
  /** The shell model's view of the command (wrappers, stdin, redirections…). */
  run: CommandRun;
}

/** A command of a RUN instruction together with where it lives. */
export interface RunCommand {
  instruction: Instruction;
  stage: Stage;
  shell: EmbeddedShell;
  cmd: Cmd;
}

/** The rules' view of one command the model found (made once per script, by scriptCommands). */
function cmdOf(run: CommandRun): Cmd {
  return { name: run.name, nameWord: run.nameWord, args: run.args, source: run.source, run };
}

/** The commands a RUN script runs, as the shell model sees them (commands with a computed name left out; kept with the script). */
export const scriptCommands: (script: ShellScript) => Cmd[] = perObject((script) => shellEffects(script).commands.filter((r) => !r.dynamicName).map(cmdOf));

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
const shellsCache = new KeptOn<DockerfileModel, RunShell[]>();
const commandsCache = new KeptOn<DockerfileModel, RunCommand[]>();

/** Every command of every RUN instruction (shell form and script heredocs), wrappers looked through. */
export function runCommands(model: DockerfileModel): RunCommand[] {
  const cached = commandsCache.get(model);
  if (cached) {
    return cached;
  }
  const out: RunCommand[] = [];
  for (const { instruction, stage, shell } of runShells(model)) {
    for (const cmd of scriptCommands(shell.script)) {
      out.push({ instruction, stage, shell, cmd });
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
 * The word of the first flag among `names` in `args` (long flags exactly or as `--flag=…`, a
 * single-letter flag also inside a cluster such as `-fsSLk`): the shell model's findOption.
 */
export const findFlag = findOption;

/** A positional argument with its index in `args`. */
export interface Positional {
  word: ShellWord;
  index: number;
}

/**
 * The positional (non-flag) arguments of a command, skipping the values of flags listed in
 * `valueFlags` (given as `-o value` or `--option value`; `--option=value` is one word).
 */
export const positionals: (args: readonly ShellWord[], valueFlags: readonly string[]) => Positional[] = operands;

/** Flags of apt-get/apt that take a separate value. */
export const APT_VALUE_FLAGS = VALUE_FLAGS.apt;
/** Flags of apk that take a separate value. */
export const APK_VALUE_FLAGS = VALUE_FLAGS.apk;
/** Flags of `pip install` that take a separate value. */
export const PIP_VALUE_FLAGS = VALUE_FLAGS.pip;
/** Flags of npm that take a separate value. */
export const NPM_VALUE_FLAGS = VALUE_FLAGS.npm;
/** Flags of `gem install` that take a separate value. */
export const GEM_VALUE_FLAGS = VALUE_FLAGS.gem;

/** The subcommand of a command (its first positional argument) when it is a literal. */
export function subcommandOf(cmd: Cmd, valueFlags: readonly string[]): Positional | undefined {
  const first = positionals(cmd.args, valueFlags)[0];
  return first && !first.word.dynamic ? first : undefined;
}

/** A package install as the rules read it: the manager family, the subcommand and the package arguments. */
export interface PackageInstall {
  manager: PackageManager;
  sub: Positional;
  packages: Positional[];
  /** The shell model's install. */
  install: ModelInstall;
}

/** The install subcommand of a package manager command, when it is one (the shell model's answer). */
export const packageInstall: (cmd: Cmd) => PackageInstall | undefined = perObject((cmd) => {
  const install = installOf(cmd.run);
  if (!install) {
    return undefined;
  }
  return {
    manager: install.manager,
    sub: { word: install.subcommand, index: install.subcommandIndex },
    packages: install.packages.map((p) => ({ word: p.word, index: p.index })),
    install,
  };
});

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

/** Stage names that mark a development, debug or test image rather than the one that ships. */
const DEV_STAGE = /^(dev|devel|develop|development|dev[-_]?envs?|debug|test|tests|testing|local|tilt)$/i;
/** File names that do the same: Dockerfile.dev, Dockerfile.tilt, debug.Dockerfile, Dockerfile.ui.tilt… */
const DEV_FILE = /(^|[._-])(dev|devel|development|debug|tilt|test|local)([._-]|$)/i;

/** Why the final image looks like one for development, or undefined. */
export function developmentImage(path: string, stageName: string | undefined): string | undefined {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (stageName && DEV_STAGE.test(stageName)) {
    return `the final stage '${stageName}'`;
  }
  return DEV_FILE.test(base.replace(/dockerfile|containerfile/gi, '')) ? `'${base}'` : undefined;
}

/**
 * For rules about what ships (layer size, pinned bases, file modes): in a development image (see
 * developmentImage) a few MB more, a locally built `latest` base or a shared writable cache do not
 * reach production, so their findings are said at info there.
 */
export function developmentSeverity(path: string, model: DockerfileModel): { severity?: 'info' } {
  return developmentImage(path, model.finalStage?.name) ? { severity: 'info' } : {};
}

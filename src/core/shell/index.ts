/**
 * The shell model: what a shell script does, computed once per distinct script and asked by
 * every consumer — the Dockerfile RUN rules, the GitHub Actions `run:` rules, the GitLab CI
 * `script:` rules and the agent policy — so they cannot disagree about the same line.
 *
 * From the tree-sitter-bash parse (parseShell) it lists the commands that run (wrappers such as
 * sudo/doas/env/nice/timeout/nohup/xargs/find -exec looked through and recorded, literal
 * `sh -c`/`eval`/here-document scripts expanded), the files written and read (redirections with
 * the node they belong to, and tools' own outputs), downloads run by an interpreter, hosts
 * contacted, package installs, and what could not be known (computed command names, eval of
 * variables, computed paths) as Unknown entries rather than guesses.
 *
 * Pure: no Node built-ins, no vscode. Requires the bash grammar to be loaded (like parseShell).
 */
import { parseShell } from '../parsers/shell';
import type { ShellScript, ShellWord } from '../parsers/shell';
export { findOption, operands } from '../parsers/shell';
import { perObject } from '../memo';
import { topMapping, unwrapScript } from './commands';
import type { Unwrapped } from './commands';
import { findDownloads } from './downloads';
import { fileAccesses } from './files';
import { hostsOf } from './hosts';
import { installOf } from './installs';
import type { CommandRun, ScriptEffects } from './types';

export type * from './types';
export { baseName, normaliseName, isInterpreter, peelWrapper, unwrapWords, SHELLS, INTERPRETERS } from './commands';
export { DOWNLOADERS, writesStdout } from './downloads';
export { installOf, VALUE_FLAGS } from './installs';
export { urlHost } from './hosts';

/**
 * What a script does. Accepts the script text or an already parsed script (from parseShell,
 * e.g. a Dockerfile RUN's or a workflow step's); the answer is kept with the parsed script, which
 * parseShell keeps per distinct text, so every consumer asking about the same text shares it.
 */
export function shellEffects(input: string | ShellScript): ScriptEffects {
  return effectsOf(typeof input === 'string' ? parseShell(input) : input);
}

const effectsOf: (script: ShellScript) => ScriptEffects = perObject(computeEffects);

function computeEffects(script: ShellScript): ScriptEffects {
  const unwrapped: Unwrapped = { commands: [], unknowns: [], compound: [] };
  unwrapScript(script, topMapping(script), unwrapped);
  const commands = unwrapped.commands.sort((a, b) => a.start - b.start || a.origin.depth - b.origin.depth);
  for (const run of commands) {
    if (run.input?.kind === 'pipe') {
      const { start, end } = run.input.from;
      // literal scripts inside the members write into the pipe too (`sh -c 'curl …' | bash`)
      run.stdinFrom = commands.filter((c) => c !== run && c.start >= start && c.end <= end && c.origin.depth >= run.origin.depth);
    }
  }
  const { writes, reads, unknowns: pathUnknowns } = fileAccesses(unwrapped.compound, commands);
  const { hosts, unknowns: hostUnknowns } = hostsOf(commands);
  const installs = commands.map(installOf).filter((i) => i !== undefined);
  const downloads = findDownloads(script, commands, writes);
  return { script, commands, writes, reads, downloads, hosts, installs, unknowns: [...unwrapped.unknowns, ...pathUnknowns, ...hostUnknowns].sort((a, b) => a.start - b.start) };
}

/**
 * The commands run by one parsed simple command of a script (itself after unwrapping, or the
 * commands of its literal `sh -c` script). Empty for commands of another script.
 */
export function runsOf(effects: ScriptEffects, command: ShellScript['commands'][number]): CommandRun[] {
  return runsBySource(effects).get(command) ?? [];
}

const runsBySource = perObject((effects: ScriptEffects): Map<object, CommandRun[]> => {
  const map = new Map<object, CommandRun[]>();
  for (const run of effects.commands) {
    // commands of a nested literal belong to the top-level command whose range holds them
    const key = run.origin.depth === 0 ? run.source : effects.script.commands.find((c) => c.start <= run.start && run.end <= c.end && c.substitutionDepth === 0) ?? run.source;
    const list = map.get(key);
    if (list) {
      list.push(run);
    } else {
      map.set(key, [run]);
    }
  }
  return map;
});

/** The value of an option: `--opt=v`, `--opt v`, `-o v`, `-ov` (short options given alone). */
export function optionValue(args: readonly ShellWord[], ...names: string[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') {
      return undefined;
    }
    for (const name of names) {
      if (v === name) {
        return args[i + 1];
      }
      if (name.startsWith('--') && v.startsWith(name + '=')) {
        return { ...args[i], value: v.slice(name.length + 1) };
      }
      if (name.length === 2 && !name.startsWith('--') && v.startsWith(name) && v.length > 2 && !v.startsWith('--')) {
        return { ...args[i], value: v.slice(2) };
      }
    }
  }
  return undefined;
}

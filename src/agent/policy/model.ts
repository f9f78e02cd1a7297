import type { ShellCommand, ShellRedirect } from '../../core/parsers/shell';
import { runsOf } from '../../core/shell';
import type { CommandRun, FileAccess, ScriptEffects } from '../../core/shell';
import { deny, writeTarget } from './session';
import type { Session } from './session';

/**
 * What the shared shell model (src/core/shell) tells the policy's walk on top of its handlers
 * (the walker already takes each command with its wrappers peeled by the model, see command.ts):
 * files written by tools the handlers do not read (`sort -o`, `zip`, `split`, `curl -D`…),
 * redirections with the node they belong to, standard input through pipes and compound commands,
 * and downloads run by an interpreter in any form the model knows. The handlers keep the reasons
 * they give; the model adds what they would have missed, so the rules and the policy agree.
 */

/** Writes the model finds that no handler records. */
const MODEL_WRITES = new Set(['sort -o', 'zip', 'split', 'git archive -o', 'curl -D', 'curl -c']);

/** After the handlers walked `cmd`: the writes of it only the model sees. */
export function modelCommand(s: Session, effects: ScriptEffects, cmd: ShellCommand): void {
  for (const w of effects.writes) {
    if (w.command?.source !== cmd || w.command.origin.depth !== 0 || !MODEL_WRITES.has(w.via)) {
      continue;
    }
    writeTarget(s, w.word ? { ...w.word, value: w.path } : { value: w.path, raw: w.path, dynamic: w.dynamic }, w.via);
  }
}

/** After the whole script: a download the model sees run, when no handler refused anything. */
export function modelDownloads(s: Session, effects: ScriptEffects): void {
  // the handlers' reasons are more precise: the model only speaks when they found nothing to refuse
  if (s.facts.denials.size > 0) {
    return;
  }
  for (const d of effects.downloads) {
    if (d.form === 'pipe' && d.interpreter.stdin !== 'pipe') {
      // `curl … | sh <<'EOF'`: the here-document, not the pipe, is sh's input (the model still
      // lists a pipe download here; its own stdin field says otherwise)
      continue;
    }
    const what = d.form === 'write-then-run' ? `runs ${d.file ?? 'a file'}, which '${d.downloader.source.raw.slice(0, 60)}' downloaded` : `runs what '${d.downloader.source.raw.slice(0, 60)}' downloads (${d.form})`;
    deny(s, `${d.interpreter.program || d.interpreter.name} ${what}: download-and-execute runs code nobody reviewed; save the script, review it, and run it from the repository`);
  }
}

/** A redirection operator (as opposed to a tool's own file option such as `sort -o`). */
const REDIRECTION = /^(\d*|&)(<|>|>>|>\||<>|>&|<&|&>|&>>)$/;

/**
 * The files the redirections of one command (`cmd`), or of one compound command (`compound`),
 * write and read, as the model lists them, in text order. Undefined when the model has no run for
 * the command (a statement of assignments only, `> file` alone): the caller reads the parse.
 */
export function modelRedirections(effects: ScriptEffects, of: { cmd: ShellCommand } | { compound: readonly ShellRedirect[] }): FileAccess[] | undefined {
  let mine: (a: FileAccess) => boolean;
  if ('cmd' in of) {
    if (runsOf(effects, of.cmd).every((r) => r.origin.depth !== 0)) {
      return undefined;
    }
    mine = (a) => a.command?.source === of.cmd && a.command.origin.depth === 0;
  } else {
    const starts = new Set(of.compound.map((r) => r.start));
    mine = (a) => a.command === undefined && starts.has(a.start);
  }
  const out = new Map<number, FileAccess>();
  for (const a of [...effects.writes, ...effects.reads]) {
    // `<>` is listed as a write and a read: the write is the one that matters
    if (REDIRECTION.test(a.via) && mine(a) && !out.has(a.start)) {
      out.set(a.start, a);
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/** Where a command reads its standard input from, as the shell model says (see CommandRun.stdin). */
export type Stdin =
  /** Nothing in the command line feeds it (the terminal, or whatever the agent's shell gives it). */
  | { kind: 'none' }
  /** A pipe into it or into a group, subshell or compound command around it: the commands writing into it (wrappers looked through). */
  | { kind: 'pipe'; from: CommandRun[] }
  /** An input redirection of it or of a compound command around it: `< file`, a here-document, a here-string, `<&3`. */
  | { kind: 'redirect'; redirect: ShellRedirect };

/** The standard input of one simple command of the script the model was computed for. */
export function modelStdin(effects: ScriptEffects, cmd: ShellCommand): Stdin {
  const run = runsOf(effects, cmd).find((r) => r.origin.depth === 0);
  const input = run ? run.input : cmd.input;
  if (!input) {
    return { kind: 'none' };
  }
  if (input.kind === 'redirect') {
    return { kind: 'redirect', redirect: input.redirect };
  }
  return { kind: 'pipe', from: run ? run.stdinFrom : effects.commands.filter((c) => c.start >= input.from.start && c.end <= input.from.end) };
}

import { parseShell } from '../../core/parsers/shell';
import type { ShellCommand, ShellScript } from '../../core/parsers/shell';
import { handlerFor, traitsOf } from './handlers';
import { assignment, deny, redirectedFiles, destinationFlags, devTcp, hidden, madeHere, newSession, readTarget, redirects, scanWord, subscriptCommand } from './session';
import type { CommandContext, Session, Where } from './session';
import { DUMPERS } from './handlers/files';
import { wrapperChecks } from './handlers/wrappers';
import { shellEffects, unwrapWords } from '../../core/shell';
import type { ScriptEffects } from '../../core/shell';
import { modelCommand, modelDownloads, modelRedirections, modelStdin } from './model';
import { basename, lit } from './words';
import type { Word } from './words';

export type { CommandContext } from './session';

/**
 * Static analysis of a shell command for the policy: every simple command (through pipes, lists,
 * subshells, substitutions, wrappers and literal `sh -c` strings) is checked for network
 * destinations, writes, download-and-execute and other ways of hiding what runs. This file walks
 * the command line; what each program does is in the handler table (handlers/index.ts).
 */

/** Facts found in a command. */
export interface CommandFacts {
  denials: string[];
  hosts: string[];
  writes: string[];
  destructive: string[];
  /** What the user should know before approving (a remote whose host the text does not show…). */
  notes: string[];
  /** Why it reaches the network, per command (from the handler table's traits; hosts found count too). */
  networked: string[];
  /** Why it runs the repository's code, per command (build tools, package scripts, workspace scripts, Terraform plan/apply…). */
  runsRepositoryCode: string[];
  /** The wrappers the shell model looked through (`sudo`, `env`, `bash -c`, `xargs`…): the command runs another command. */
  wrapped: string[];
}

const MAX_DEPTH = 4;
const MAX_LENGTH = 20_000;

/** Walk a command line given as text. */
function script(s: Session, text: string, depth: number): void {
  if (depth > MAX_DEPTH) {
    deny(s, `commands nested more than ${MAX_DEPTH} levels deep (sh -c inside sh -c …) cannot be checked`);
    return;
  }
  if (text.length > MAX_LENGTH) {
    deny(s, `the command is longer than ${MAX_LENGTH} characters; split it or put it in a script file`);
    return;
  }
  // bash's /dev/tcp and /dev/udp open sockets (`exec 3<>/dev/tcp/h/p` does not even parse)
  for (const m of text.matchAll(/\/dev\/(tcp|udp)\/[^\s'"]*/g)) {
    devTcp(s, lit(m[0]));
  }
  if (/\$\{[^}]*@P\}/.test(text)) {
    hidden(s, '${var@P}', 'prompt expansion runs the command substitutions inside the variable\'s value');
  }
  let parsed: ShellScript;
  try {
    parsed = parseShell(text);
  } catch (e) {
    deny(s, `the command could not be parsed (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
  if (parsed.hasError) {
    const at = parsed.errorOffset ?? 0;
    deny(s, `the command has a shell syntax error near "${text.slice(at, at + 20).trim()}"`);
    return;
  }
  if (parsed.functions.length > 0) {
    deny(s, `the command defines a shell function (${parsed.functions.join(', ')}), which hides what later runs; run the commands directly`);
  }
  for (const a of parsed.assignments) {
    assignment(s, a.name, a.value);
    // literal values let `F=.env; cat "$F"` be read as `cat .env` (reads only: a guess never widens a write)
    s.scope.vars.set(a.name, s.scope.vars.has(a.name) || !a.value || a.value.dynamic ? undefined : a.value.value);
  }
  for (const d of parsed.declarations) {
    const exportsFunction = d.keyword === 'export' ? d.options.some((o) => o.includes('f')) : (d.keyword === 'declare' || d.keyword === 'typeset') && d.options.some((o) => o.includes('f')) && d.options.some((o) => o.includes('x'));
    if (exportsFunction) {
      hidden(s, `${d.keyword} ${d.options.join(' ')}`, 'export -f hands a shell function to every bash the command starts, replacing the commands it names');
    }
  }
  // without subshells or substitutions a `cd X &&` moves every later command
  const outerScoped = s.scope.scoped;
  s.scope.scoped = outerScoped || depth > 0 || /[()`]/.test(text);
  const model: ScriptEffects = shellEffects(parsed);
  const stdinFor = (cmd: ShellCommand) => () => modelStdin(model, cmd);
  // a compound command's redirections are resolved where it starts (after an earlier `cd`)
  const compound = [...parsed.compoundRedirects].sort((a, b) => a.start - b.start);
  let nextCompound = 0;
  const compoundUpTo = (offset: number): void => {
    for (; nextCompound < compound.length && compound[nextCompound].start <= offset; nextCompound++) {
      const list = compound[nextCompound].redirects;
      const files = modelRedirections(model, { compound: list });
      if (files) {
        redirectedFiles(s, files);
      } else {
        redirects(s, list);
      }
    }
  };
  for (const run of model.commands) {
    for (const w of run.wrappers) {
      s.facts.wrapped.add(w.name);
    }
  }
  for (const cmd of parsed.commands) {
    compoundUpTo(cmd.start);
    for (const a of cmd.assignments) {
      assignment(s, a.name, a.value);
    }
    const files = modelRedirections(model, { cmd });
    if (files) {
      redirectedFiles(s, files);
    } else {
      redirects(s, cmd.redirects);
    }
    if (cmd.nameWord) {
      const chained = /^\s*&&/.test(text.slice(cmd.end));
      const where: Where = { cmd, stdin: stdinFor(cmd), chained };
      words(s, [cmd.nameWord, ...cmd.args], depth, where);
      modelCommand(s, model, cmd);
    }
  }
  compoundUpTo(Number.POSITIVE_INFINITY);
  modelDownloads(s, model);
  s.scope.scoped = outerScoped;
}

/**
 * Walk one simple command given as words: the checks every word gets (wrappers' options
 * included), then the shell model peels the wrappers (sudo, env, nice, timeout, npx, poetry run…),
 * each recorded wrapper gets its checks, and the command it runs goes to its handler.
 */
function words(s: Session, list: readonly Word[], depth: number, where: Where): void {
  if (list.length === 0) {
    return;
  }
  for (const a of list.slice(1)) {
    scanWord(s, a);
    subscriptCommand(s, a);
  }
  destinationFlags(s, list.slice(1));
  if (list.slice(1).some((a) => /\b(drop\s+(table|database|schema|keyspace)|truncate\s+table)\b/i.test(a.value))) {
    s.facts.destructive.add('the command drops or truncates database objects');
  }
  // the model's unwrapping, on the walker's words (their index stands in for the offsets)
  const peeled = unwrapWords(list.map((w, i) => ({ raw: w.raw, value: w.value, dynamic: w.dynamic, start: i, end: i })));
  const from = peeled.words[0]?.start ?? list.length;
  for (const w of peeled.wrappers) {
    s.facts.wrapped.add(w.name);
    const program = basename(w.word.value).toLowerCase();
    recordTraits(s, program, w.options);
    if (wrapperChecks(s, w, list.slice(from), depth) === 'done') {
      return;
    }
  }
  const [name, ...args] = list.slice(from);
  if (!name) {
    return;
  }
  if (name.dynamic) {
    deny(s, `the program to run (${name.raw}) is computed at run time`);
    return;
  }
  const base = basename(name.value);
  const tool = base.toLowerCase();
  if (DUMPERS.has(tool)) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      // `--exclude .env`, `--exclude-dir .git` name what is skipped, not what is read
      if (!a.value.startsWith('-') && !(i > 0 && /^--(exclude|exclude-dir|ignore|ignore-dir)$/.test(args[i - 1].value))) {
        readTarget(s, a.value.startsWith('@') ? lit(a.value.slice(1)) : a);
      }
    }
  }
  if (madeHere(s, name.value) && name.value.includes('/')) {
    deny(s, `runs ${name.value}, which the same command downloaded or wrote (download-and-execute: its contents are never checked)`);
  }
  if (name.value.includes('/') && !name.value.startsWith('/') && s.scope.inContainer === 0) {
    s.facts.repositoryCode.add(`${name.value} is a program of the workspace`);
  }
  recordTraits(s, tool, args);
  handlerFor(tool)?.handle({ base, tool, args, depth, where }, s);
}

/** What the handler table says the program does beyond files and hosts (not for commands run inside a container). */
function recordTraits(s: Session, tool: string, args: readonly Word[]): void {
  if (s.scope.inContainer > 0) {
    return;
  }
  const traits = traitsOf(handlerFor(tool), tool, args);
  if (traits.networked !== undefined) {
    s.facts.networked.add(traits.networked);
  }
  if (traits.repositoryCode !== undefined) {
    s.facts.repositoryCode.add(traits.repositoryCode);
  }
}

/** A session whose walker is this module's. */
export function commandSession(ctx: CommandContext): Session {
  const s: Session = newSession(ctx, {
    words: (list, depth, where) => words(s, list, depth, where),
    script: (text, depth) => script(s, text, depth),
  });
  return s;
}

/** The facts of a session, as lists. */
export function factsOf(s: Session): CommandFacts {
  const f = s.facts;
  return { denials: [...f.denials], hosts: [...f.hosts], writes: [...f.writes], destructive: [...f.destructive], notes: [...f.notes], networked: [...f.networked], runsRepositoryCode: [...f.repositoryCode], wrapped: [...f.wrapped] };
}

/** Analyse a command line: denial reasons, destinations, write targets and destructive effects. */
export function analyzeCommand(command: string, ctx: CommandContext): CommandFacts {
  const s = commandSession(ctx);
  script(s, command, 0);
  return factsOf(s);
}

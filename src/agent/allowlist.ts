import type { Decision } from './types';

/**
 * "Allow `<prefix>` for this session": the user may let later commands that start with the exact
 * words of one they confirmed run without a card, for the rest of the chat session. It is a
 * shortcut for the confirmation only: the policy still decides about every command, and the
 * shortcut is offered (and honoured) only for plain local read-only commands. What a command does
 * is the policy's answer, not a list kept here: never for a command the policy denies, one that
 * writes files, contacts hosts or otherwise reaches the network (clusters, registries, cloud APIs,
 * git's remote commands), is destructive, runs the repository's code or a program (build tools,
 * package scripts, interpreters, workspace scripts, terraform plan/apply) or runs another command
 * through a wrapper (sudo, env, xargs, sh -c); and never for a command line with shell syntax
 * (quotes, variables, substitutions, pipes, redirections), a path outside the workspace or `..`.
 */

/** What the policy said about the command that the allow-list needs. */
export type AllowFacts = Pick<Decision, 'decision' | 'hosts' | 'paths' | 'destructive' | 'networked' | 'runsRepositoryCode' | 'wrapped'>;

/** Characters a plain command line may hold: words separated by single spaces, nothing the shell interprets. */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_.,:=@%+/-]*( [A-Za-z0-9_.,:=@%+/-]+)*$/;

/**
 * Programs never allowed for a session although they neither reach the network nor run code: they
 * change the system outside the files the policy sees (processes, services, schedules, modes),
 * edit or rewrite files through their own language (sed, awk, editors), open other programs, or
 * print the environment (its secrets).
 */
const NEVER = new Set([
  'env', 'printenv', 'set', 'export', 'eval', 'exec', 'source', 'command', 'builtin', 'find', 'parallel', 'script',
  'kill', 'pkill', 'killall', 'systemctl', 'service', 'crontab', 'at', 'chmod', 'chown', 'ln', 'mv', 'cp', 'rm', 'rmdir', 'mkdir', 'touch', 'tee', 'dd', 'truncate', 'install',
  'sed', 'awk', 'vim', 'vi', 'nano', 'emacs', 'open', 'xdg-open', 'code',
]);

/** git subcommands that only read the local repository. */
const GIT_READ = new Set(['status', 'log', 'diff', 'show', 'blame', 'ls-files', 'rev-parse', 'describe', 'shortlog', 'grep']);

/**
 * The prefix a command can be allowed by for the session, or undefined when it cannot be: the
 * program (`ls`, `cat`), or for git the program and its read-only subcommand (`git log`).
 */
export function sessionPrefix(command: string, decision: AllowFacts): string | undefined {
  if (decision.decision !== 'ask' || decision.hosts.length > 0 || decision.paths.length > 0 || decision.destructive === true || decision.networked === true || decision.runsRepositoryCode === true || decision.wrapped === true) {
    return undefined;
  }
  const words = plainWords(command);
  if (!words) {
    return undefined;
  }
  const [program, next] = words;
  if (NEVER.has(program) || program.includes('/')) {
    return undefined;
  }
  if (program === 'git' && (next === undefined || !GIT_READ.has(next))) {
    return undefined;
  }
  // git's subcommand is part of what is allowed; any other program is allowed with any arguments
  return program === 'git' ? `${program} ${next}` : program;
}

/**
 * The allowed prefix that lets this command run without a card, if any: the command must be one a
 * prefix could be offered for, and start with the prefix's exact words.
 */
export function allowedBy(command: string, decision: AllowFacts, allowed: Iterable<string>): string | undefined {
  if (sessionPrefix(command, decision) === undefined) {
    return undefined;
  }
  const words = plainWords(command) ?? [];
  for (const prefix of allowed) {
    const want = prefix.split(' ');
    if (want.length <= words.length && want.every((w, i) => words[i] === w)) {
      return prefix;
    }
  }
  return undefined;
}

/** The words of a plain command line (no shell syntax, no path out of the workspace), or undefined. */
function plainWords(command: string): string[] | undefined {
  const text = command.trim();
  if (!PLAIN.test(text)) {
    return undefined;
  }
  const words = text.split(' ');
  if (words.some((w) => w.split('/').includes('..') || /(^|[=,:])\/|^-[A-Za-z]+\//.test(w))) {
    return undefined;
  }
  return words;
}

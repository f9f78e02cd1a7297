import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { ShellCommand, ShellWord } from '../../parsers/shell';
import { findFlag, normalize, positionals, runShells, wordRange } from './common';
import type { Cmd } from './common';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'mksh']);
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node|php)$/;
const DOWNLOADERS = new Set(['curl', 'wget']);

/** The message for a downloaded script executed directly. */
export function message(downloader: string, shell: string, form: 'pipe' | 'substitution'): string {
  const what = form === 'pipe' ? `'${downloader} … | ${shell}'` : `'${shell}' with the output of '${downloader}' as its script`;
  return `${what} runs a script from the network without checking it: download it to a file, verify its checksum or signature, then run it`;
}

/** Whether a command executes the script it reads from stdin. */
function runsStdin(cmd: Cmd): boolean {
  if (SHELLS.has(cmd.name)) {
    // `sh -c '…'` runs its argument, not stdin; a script file argument is run instead of stdin
    if (findFlag(cmd.args, '-c')) {
      return false;
    }
    const files = positionals(cmd.args, ['-o', '+o', '-O', '+O']);
    return files.length === 0 || files[0].word.value === '-' || !!findFlag(cmd.args, '-s');
  }
  if (INTERPRETERS.test(cmd.name)) {
    if (findFlag(cmd.args, '-c', '-e', '-m', '-r')) {
      return false;
    }
    const files = positionals(cmd.args, []);
    return files.length === 0 || files[0].word.value === '-';
  }
  return false;
}

/** Whether a command runs the text of its arguments as a script (`bash -c "$(curl …)"`, `sh <(curl …)`). */
function runsArgument(cmd: Cmd): boolean {
  return SHELLS.has(cmd.name) || INTERPRETERS.test(cmd.name);
}

/** The argument holding the script: the one after -c (or -e), or a process substitution as the script file. */
function scriptArgument(cmd: Cmd): ShellWord | undefined {
  const flag = findFlag(cmd.args, '-c', '-e');
  if (flag) {
    return cmd.args[cmd.args.indexOf(flag) + 1];
  }
  const first = positionals(cmd.args, ['-o', '+o', '-O', '+O'])[0]?.word;
  return first && first.raw.startsWith('<(') ? first : undefined;
}

/** Network scripts must not be piped straight into a shell. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/curl-pipe-shell',
  meta: {
    title: 'Downloaded script piped into a shell',
    description: 'curl | sh executes whatever the server (or anyone on the path) returns at build time, including a truncated script; nothing records what ran.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const { shell } of runShells(ctx.model)) {
      const commands = shell.script.commands;
      const views = new Map<ShellCommand, Cmd | undefined>(commands.map((c) => [c, normalize(c)]));
      const reported = new Set<ShellCommand>();
      for (const command of commands) {
        const runner = views.get(command);
        if (!runner || reported.has(command)) {
          continue;
        }
        let source: ShellCommand | undefined;
        let form: 'pipe' | 'substitution' = 'pipe';
        if (command.pipeIndex > 0 && runsStdin(runner)) {
          source = commands.find((c) => c.pipelineId === command.pipelineId && c.pipeIndex < command.pipeIndex && DOWNLOADERS.has(views.get(c)?.name ?? ''));
        }
        if (!source && runsArgument(runner)) {
          // the script itself comes from a downloader: sh -c "$(curl …)" or bash <(curl …)
          const script = scriptArgument(runner);
          source = script
            ? commands.find((c) => c.substitutionDepth > command.substitutionDepth && c.start >= script.start && c.end <= script.end && DOWNLOADERS.has(views.get(c)?.name ?? ''))
            : undefined;
          form = 'substitution';
        }
        if (!source) {
          continue;
        }
        reported.add(command);
        const start = Math.min(source.start, command.start);
        const end = Math.max(source.end, command.end);
        ctx.report({ range: wordRange(ctx.model, shell, { start, end }), message: message(views.get(source)?.name ?? 'curl', runner.name, form) });
      }
    }
  },
};

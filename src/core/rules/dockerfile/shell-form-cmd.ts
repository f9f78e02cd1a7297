import type { Rule } from '../../rule';
import type { DockerfileModel, Instruction } from '../../parsers/dockerfile';
import type { ShellScript } from '../../parsers/shell';
import type { Fix } from '../../types';

/** The message for a shell-form CMD or ENTRYPOINT. */
export function message(keyword: string, execForm: string | undefined): string {
  const how = execForm ? `write it in exec form: ${keyword} ${execForm}` : `use exec form, e.g. ${keyword} ["sh", "-c", "exec …"] or a start script`;
  return `${keyword} in shell form runs under /bin/sh -c, which may keep SIGTERM from reaching the process (slow, unclean shutdown): ${how}`;
}

/** Characters that make a word mean something different without a shell (globs, tilde, braces). */
function needsShell(raw: string): boolean {
  const unquoted = raw.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '');
  return /[*?[\]{}~]/.test(unquoted);
}

/** The exec-form array equivalent to a script, when the script is one plain command. */
export function execFormOf(script: ShellScript): string[] | undefined {
  if (script.hasError || script.commands.length !== 1 || script.assignments.length > 0 || script.functions.length > 0) {
    return undefined;
  }
  const command = script.commands[0];
  const text = script.text;
  if (text.slice(0, command.start).trim() !== '' || text.slice(command.end).trim() !== '') {
    return undefined;
  }
  if (!command.nameWord || command.redirects.length > 0 || command.assignments.length > 0 || command.pipeLength > 1) {
    return undefined;
  }
  let words = [command.nameWord, ...command.args];
  if (words.some((w) => w.dynamic || needsShell(w.raw))) {
    return undefined;
  }
  if (command.name === 'exec') {
    words = words.slice(1);
    if (words.length === 0 || words[0].value.startsWith('-')) {
      return undefined;
    }
  }
  return words.map((w) => w.value);
}

function stageHas(model: DockerfileModel, instruction: Instruction, keyword: string): boolean {
  const stage = model.stageOf(instruction);
  if (!stage) {
    return false;
  }
  return model.stageChain(stage).some((s) => s.instructions.some((i) => i !== instruction && i.getKeyword() === keyword));
}

/** CMD and ENTRYPOINT should use the exec (JSON) form. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/shell-form-cmd',
  meta: {
    title: 'CMD or ENTRYPOINT in shell form',
    description: 'In shell form the container runs /bin/sh -c "<command>": the shell is PID 1 and usually does not forward SIGTERM, so docker stop waits for the timeout and kills the process; ENTRYPOINT in shell form also ignores CMD and run arguments.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3025' }],
  },
  check(ctx) {
    for (const instruction of ctx.model.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') {
        continue;
      }
      const shell = ctx.model.shellOf(instruction);
      const args = instruction.getArgumentsRange();
      if (!shell || !args) {
        continue;
      }
      const script = shell.script;
      const only = script.commands.length === 1 ? script.commands[0] : undefined;
      // `CMD exec app --port $PORT` needs the shell for the expansion and still hands PID 1 to the app
      if (only && only.name === 'exec' && only.args.some((a) => a.dynamic) && script.text.slice(only.end).trim() === '') {
        continue;
      }
      const exec = execFormOf(script);
      const json = exec ? `[${exec.map((w) => JSON.stringify(w)).join(', ')}]` : undefined;
      let fix: Fix | undefined;
      if (json) {
        // exec-form ENTRYPOINT receives CMD as arguments, exec-form CMD is passed to an ENTRYPOINT:
        // only a lone CMD or ENTRYPOINT converts without changing what runs
        const safe = !stageHas(ctx.model, instruction, keyword === 'CMD' ? 'ENTRYPOINT' : 'CMD');
        const range = ctx.index.range(ctx.index.offsetAt(args.start), ctx.index.offsetAt(instruction.getRange().end));
        fix = { title: `Convert ${keyword} to exec form`, safe, edits: [{ range, newText: json }] };
      }
      ctx.report({ range: args, message: message(keyword, json), fix });
    }
  },
};

import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { Fix } from '../../types';
import { APT_VALUE_FLAGS, byInstruction, hasCacheMount, positionals, runCommands, subcommandOf, wordRange, developmentSeverity } from './common';
import type { RunCommand } from './common';

/** The message for apt-get update whose package lists stay in the layer. */
export function message(command: string): string {
  return `'${command} update' leaves the package lists in this layer (tens of MB): end the same RUN with rm -rf /var/lib/apt/lists/*`;
}

function removesLists(c: RunCommand): boolean {
  const name = c.cmd.name;
  if (name === 'rm') {
    return positionals(c.cmd.args, []).some((p) => /^\/var\/lib\/apt\/lists(\/|$)/.test(p.word.value));
  }
  if (name === 'find') {
    return c.cmd.args.some((a) => /^\/var\/lib\/apt\/lists\/?$/.test(a.value)) && c.cmd.args.some((a) => a.value === '-delete' || a.value === '-exec');
  }
  return false;
}

/** apt-get update must be paired with removing /var/lib/apt/lists in the same layer. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-lists-not-removed',
  meta: {
    title: 'apt lists not removed after apt-get update',
    description: 'The package lists downloaded by apt-get update are only needed to install; left in a layer of the final image they cost space and go stale. Removing them in a later RUN does not shrink the earlier layer.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3009' }],
  },
  check(ctx) {
    for (const [instruction, commands] of byInstruction(runCommands(ctx.model))) {
      const { stage, shell } = commands[0];
      if (!ctx.model.inFinalImage(stage) || hasCacheMount(instruction, '/var/lib/apt/lists')) {
        continue;
      }
      const update = commands.find((c) => (c.cmd.name === 'apt-get' || c.cmd.name === 'apt') && subcommandOf(c.cmd, APT_VALUE_FLAGS)?.word.value === 'update');
      if (!update || commands.some(removesLists)) {
        continue;
      }
      const sub = subcommandOf(update.cmd, APT_VALUE_FLAGS);
      ctx.report({
        range: wordRange(ctx.model, shell, { start: update.cmd.nameWord.start, end: sub ? sub.word.end : update.cmd.nameWord.end }),
        message: message(update.cmd.name),
        fix: appendFix(ctx.model, commands),
        ...developmentSeverity(ctx.path, ctx.model),
      });
    }
  },
};

/** Append `&& rm -rf /var/lib/apt/lists/*` after the last command, in the RUN's own style. */
function appendFix(model: DockerfileModel, commands: readonly RunCommand[]): Fix | undefined {
  const { shell } = commands[0];
  const script = shell.script;
  if (script.hasError) {
    return undefined;
  }
  const text = script.text;
  const end = text.trimEnd().length;
  const lastEnd = Math.max(...script.commands.map((c) => c.end));
  // only when the script ends with a command (not `;`, `&`, a comment or a compound keyword)
  if (lastEnd !== end) {
    return undefined;
  }
  const newlineAt = text.lastIndexOf('\n', end);
  let insert = ' && rm -rf /var/lib/apt/lists/*';
  if (newlineAt > 0 && /\\\r?$/.test(text.slice(0, newlineAt))) {
    // multi-line RUN: continue on a new line with the indentation of the last one
    const lastLine = text.slice(newlineAt + 1, end);
    const indent = /^[ \t]*/.exec(lastLine)?.[0] ?? '';
    const eol = text[newlineAt - 1] === '\r' ? '\r\n' : '\n';
    insert = ` \\${eol}${indent}&& rm -rf /var/lib/apt/lists/*`;
  }
  const at = model.shellRange(shell, end, end);
  return { title: 'Remove the apt lists in the same RUN', safe: false, edits: [{ range: at, newText: insert }] };
}

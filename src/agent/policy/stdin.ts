import type { Node } from 'web-tree-sitter';
import type { ShellCommand, ShellRedirect, ShellScript } from '../../core/parsers/shell';
import { parserFor } from '../../core/parsers/treeSitter';

/**
 * Where each command of a script reads its standard input from. `ShellScript` records pipelines
 * only between simple commands, and compound commands' redirections apart from the commands inside
 * them, so `curl … | { bash; }`, `(curl …) | bash` and `{ python3; } < file` lost their input;
 * this reads the syntax tree once for the script and climbs from each command to the nearest
 * input redirection (its own, then each enclosing compound's) or pipe.
 */

export type Stdin =
  /** Nothing in the command line feeds it (the terminal, or whatever the agent's shell gives it). */
  | { kind: 'none' }
  /** A pipe: the commands writing into it, with the commands of their substitutions. */
  | { kind: 'pipe'; from: ShellCommand[] }
  /** An input redirection: `< file`, a here-document, a here-string, `<&3`. */
  | { kind: 'redirect'; redirect: ShellRedirect };

/** An input redirection for standard input (`< f`, `0< f`, `<< EOF`, `<<< text`, `<&3`); `<&-` closes it. */
function inputRedirect(redirects: readonly ShellRedirect[]): ShellRedirect | undefined {
  let found: ShellRedirect | undefined;
  for (const r of redirects) {
    if (/^0?</.test(r.operator) && !/^0?<>/.test(r.operator)) {
      found = r;
    }
  }
  if (found && (/^0?<&-$/.test(found.operator) || (/^0?<&$/.test(found.operator) && found.target?.value === '-'))) {
    return undefined;
  }
  return found;
}

/** The standard input of every named command of `script` (parsed from `script.text`). */
export function stdinOf(script: ShellScript): Map<ShellCommand, Stdin> {
  const out = new Map<ShellCommand, Stdin>();
  const compound = new Map<string, ShellRedirect>();
  for (const c of script.compoundRedirects) {
    const r = inputRedirect(c.redirects);
    if (r) {
      compound.set(`${c.start}:${c.end}`, r);
    }
  }
  const tree = parserFor('bash').parse(script.text);
  if (!tree) {
    return out;
  }
  try {
    for (const cmd of script.commands) {
      if (cmd.nameWord) {
        out.set(cmd, stdinOfCommand(cmd, tree.rootNode, script, compound));
      }
    }
  } finally {
    tree.delete();
  }
  return out;
}

function stdinOfCommand(cmd: ShellCommand, root: Node, script: ShellScript, compound: Map<string, ShellRedirect>): Stdin {
  const own = inputRedirect(cmd.redirects);
  if (own) {
    return { kind: 'redirect', redirect: own };
  }
  let n: Node | null = root.descendantForIndex(cmd.nameWord?.start ?? cmd.start);
  while (n && n.type !== 'command') {
    n = n.parent;
  }
  while (n && n.parent) {
    if (n.type !== 'command') {
      const r = compound.get(`${n.startIndex}:${n.endIndex}`);
      if (r) {
        return { kind: 'redirect', redirect: r };
      }
    }
    const p: Node = n.parent;
    if (p.type === 'pipeline') {
      const members = p.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
      const idx = members.findIndex((m) => m.id === n?.id);
      if (idx > 0) {
        const from = members[0].startIndex;
        const to = members[idx - 1].endIndex;
        return { kind: 'pipe', from: script.commands.filter((c) => c.start >= from && c.end <= to) };
      }
    }
    n = p;
  }
  return { kind: 'none' };
}

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import type { TextEdit } from '../../types';
import { commandsOf, workflowsOf } from './workflow';

/** The environment file that replaces each deprecated command. */
const REPLACEMENT: Record<string, string> = {
  'set-output': 'GITHUB_OUTPUT',
  'save-state': 'GITHUB_STATE',
  'set-env': 'GITHUB_ENV',
  'add-path': 'GITHUB_PATH',
};

/** The message for a disabled or deprecated workflow command. */
export function message(command: string): string {
  return `'::${command}' is deprecated (set-env and add-path are disabled): write to "$${REPLACEMENT[command]}" instead`;
}

/** Deprecated stdout workflow commands must be replaced by environment files. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/deprecated-workflow-command',
  meta: {
    title: 'Deprecated workflow command',
    description: '`::set-output`, `::save-state`, `::set-env` and `::add-path` printed to stdout are deprecated (the last two disabled) because any log line could inject them. Environment files ($GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV, $GITHUB_PATH) replace them.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: true,
    equivalents: [{ tool: 'actionlint', id: 'deprecated-commands' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const run = step.run();
          if (!run?.script) {
            continue;
          }
          // the step's own commands (the rewrite edits their words, which a literal `sh -c '…'` may not map exactly)
          for (const command of commandsOf(step).filter((c) => c.origin.depth === 0)) {
            const name = command.name;
            if (name !== 'echo' && name !== 'printf') {
              continue;
            }
            for (const arg of command.args) {
              const m = /^::(set-output|save-state|set-env|add-path)( |::)/.exec(arg.value);
              if (!m) {
                continue;
              }
              const kind = m[1];
              const edits = rewrite(kind, run.value.slice(arg.start, arg.end), command.args.length, command.redirects.length, name);
              const fixable = edits && (run.node.type === 'BLOCK_LITERAL' || run.node.type === 'BLOCK_FOLDED' || run.node.type === 'PLAIN');
              ctx.report({
                range: run.range(arg.start, arg.end),
                message: message(kind),
                fix: fixable
                  ? {
                      title: `Write to $${REPLACEMENT[kind]} instead`,
                      safe: !/%0A|%25|%0D/i.test(arg.value),
                      edits: [
                        { range: run.range(arg.start, arg.end), newText: edits.word },
                        { range: run.range(command.end, command.end), newText: ` >> "$${REPLACEMENT[kind]}"` },
                      ] satisfies TextEdit[],
                    }
                  : undefined,
              });
            }
          }
        }
      }
    }
  },
};

/** The replacement word for `echo "::set-output name=x::v"`, keeping the quotes as written. */
function rewrite(kind: string, raw: string, argCount: number, redirects: number, command: string): { word: string } | undefined {
  if (argCount !== 1 || redirects > 0 || command !== 'echo') {
    return undefined;
  }
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : '';
  if (quote && raw[raw.length - 1] !== quote) {
    return undefined;
  }
  const body = quote ? raw.slice(1, -1) : raw;
  if (kind === 'add-path') {
    const m = /^::add-path::(.*)$/s.exec(body);
    return m ? { word: `${quote}${m[1]}${quote}` } : undefined;
  }
  const m = new RegExp(`^::${kind} name=([^:]+)::(.*)$`, 's').exec(body);
  if (!m) {
    return undefined;
  }
  return { word: `${quote}${m[1]}=${m[2]}${quote}` };
}

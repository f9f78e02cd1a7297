import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { str } from '../../parsers/yaml';
import type { CommandRun } from '../../shell';
import { contextPaths } from './expression';
import { commandsOf, envOf, expressionsIn, findExpressions, workflowsOf } from './workflow';

/** The message for a secret printed to the job log. */
export function message(secret: string): string {
  return `The secret '${secret}' is printed to the job log; masking misses transformed or multi-line values: pipe it to the command that needs it (e.g. --password-stdin) or write it to a file instead`;
}

/** Names of secrets referenced by an expression text. */
function secretsIn(expression: string): string[] {
  return contextPaths(expression)
    .filter((p) => p.root.toLowerCase() === 'secrets' && p.path.split('.').length >= 2)
    .map((p) => p.path.split('.')[1].toUpperCase());
}

/** Whether a command's standard output reaches the log (not piped, not redirected, not captured). */
function printsToLog(command: CommandRun): boolean {
  return command.stdout === 'inherited';
}

/** Secrets must not be echoed into the job log. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/secret-echoed',
  meta: {
    title: 'Secret printed to the job log',
    description: '`echo ${{ secrets.X }}` (or echo of an env variable holding a secret) writes the secret to the log. GitHub masks exact matches only; encoded, split or multi-line values leak.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const run = step.run();
          if (!run?.script) {
            continue;
          }
          // env variables (workflow, job, step) whose value is a secret
          const secretVars = new Map<string, string>();
          for (const [name, node] of envOf(wf, step)) {
            const value = str(node);
            if (value) {
              const names = findExpressions(value).flatMap((e) => secretsIn(e.inner));
              if (names.length > 0) {
                secretVars.set(name, names[0]);
              }
            }
          }
          for (const command of commandsOf(step)) {
            const name = command.name;
            if ((name !== 'echo' && name !== 'printf') || !printsToLog(command)) {
              continue;
            }
            for (const arg of command.args) {
              // `::add-mask::` lines are consumed by the runner to mask a value, not printed
              if (arg.value.startsWith('::add-mask::')) {
                continue;
              }
              let secret: string | undefined;
              for (const e of expressionsIn(run, arg.start, arg.end)) {
                secret = secret ?? secretsIn(e.inner)[0];
              }
              if (!secret && arg.dynamic) {
                for (const m of arg.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
                  secret = secret ?? secretVars.get(m[1]);
                }
              }
              if (secret) {
                ctx.report({ range: run.range(arg.start, arg.end), message: message(secret) });
              }
            }
          }
        }
      }
    }
  },
};

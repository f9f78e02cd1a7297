import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { str } from '../../parsers/yaml';
import { shellEffects } from '../../shell';
import { untrustedRefs } from './untrusted';
import { envOf, findExpressions, workflowsOf } from './workflow';

/** The message for an untrusted value written to a file the runner reads between steps. */
export function message(variable: string, file: string, source: string): string {
  return `'$${variable}' holds '${source}', which whoever opens the issue or pull request controls, and it is written to $${file}: a newline in it adds variables (NODE_OPTIONS, LD_PRELOAD, PATH entries) that run code in every later step. Validate it or write it to a step output read through env:`;
}

/** The runner's files that set the environment, PATH and outputs of later steps. */
const RUNNER_FILES = /^\$\{?(GITHUB_ENV|GITHUB_PATH)\}?$/;

/** Commands that copy their arguments to their output. */
const WRITERS = new Set(['echo', 'printf']);

/** Environment variables holding untrusted values must not reach $GITHUB_ENV or $GITHUB_PATH. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/github-env-untrusted',
  meta: {
    title: 'Untrusted value written to $GITHUB_ENV or $GITHUB_PATH',
    description: 'Lines written to `$GITHUB_ENV` become environment variables of every later step, and `$GITHUB_PATH` entries come first in PATH. A value an outsider controls (an issue title, a branch name) passed through `env:` and written there can set `NODE_OPTIONS`, `LD_PRELOAD` or `BASH_ENV` and run code with the job\'s token.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'github-env' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const run = step.run();
          if (!run?.script) {
            continue;
          }
          // variables set from an untrusted expression
          const tainted = new Map<string, string>();
          for (const [name, node] of envOf(wf, step)) {
            const value = str(node) ?? '';
            const ref = findExpressions(value).flatMap((e) => untrustedRefs(e.inner))[0];
            if (ref) {
              tainted.set(name, ref.path);
            }
          }
          if (tainted.size === 0) {
            continue;
          }
          for (const write of shellEffects(run.script).writes) {
            const file = RUNNER_FILES.exec(write.path);
            const command = write.command;
            if (!file || !command || !WRITERS.has(command.name)) {
              continue;
            }
            for (const arg of command.args) {
              const used = [...arg.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]).find((v) => tainted.has(v));
              if (used) {
                ctx.report({ range: run.range(command.start, command.end), message: message(used, file[1], tainted.get(used) ?? '') });
                break;
              }
            }
          }
        }
      }
    }
  },
};

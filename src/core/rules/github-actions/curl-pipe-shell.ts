import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import type { ShellCommand } from '../../parsers/shell';
import { coreCommand } from './classify';
import { workflowsOf } from './workflow';

/** The message for a downloaded script executed directly. */
export function message(downloader: string, shell: string): string {
  return `'${downloader}' output is executed by '${shell}' unseen: download to a file, verify its checksum or signature, then run it (or use a pinned action or package)`;
}

const SHELLS = /^(sh|bash|zsh|dash|ksh|fish|python[0-9.]*|perl|ruby|node|php|pwsh|iex)$/;
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'aria2c']);

/** Whether a downloader writes the body to stdout (curl does by default; wget needs -O-). */
function writesStdout(c: ShellCommand): boolean {
  const core = coreCommand(c);
  const args = core.args;
  if (core.name === 'wget') {
    return args.some((a, i) => a === '-O-' || /^-[a-zA-Z]*O-$/.test(a) || a === '--output-document=-' || ((a === '-O' || /^-[a-zA-Z]*O$/.test(a) || a === '--output-document') && args[i + 1] === '-'));
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === '-o' || a === '--output' || /^-[a-zA-Z]*o$/.test(a)) && args[i + 1] !== '-') {
      return false;
    }
    if ((a.startsWith('--output=') && a !== '--output=-') || a === '--remote-name' || a === '--remote-name-all' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a)) {
      return false;
    }
  }
  return true;
}

/** Downloaded scripts must not be piped straight into an interpreter. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/curl-pipe-shell',
  meta: {
    title: 'Downloaded script piped to a shell',
    description: '`curl … | bash`, `bash <(curl …)` and `sh -c "$(curl …)"` run whatever the server returns at that moment, with the job\'s token and secrets, and nothing records what ran.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const run = step.run();
          const commands = run?.script?.commands ?? [];
          if (!run) {
            continue;
          }
          for (const c of commands) {
            const name = coreCommand(c).name;
            if (!DOWNLOADERS.has(name) || !writesStdout(c)) {
              continue;
            }
            // curl … | sh
            const next = commands.find((o) => o.pipelineId === c.pipelineId && o.pipeIndex > c.pipeIndex && SHELLS.test(coreCommand(o).name));
            if (c.pipeLength > 1 && next) {
              ctx.report({ range: run.range(c.start, next.end), message: message(name, coreCommand(next).name) });
              continue;
            }
            // bash <(curl …) and sh -c "$(curl …)"
            if (c.substitutionDepth > 0) {
              const outer = commands.find((o) => o !== c && o.start <= c.start && o.end >= c.end && o.substitutionDepth < c.substitutionDepth && SHELLS.test(coreCommand(o).name));
              if (outer) {
                ctx.report({ range: run.range(outer.start, outer.end), message: message(name, coreCommand(outer).name) });
              }
            }
          }
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { shellEffects } from '../../shell';
import { workflowsOf } from './workflow';

/** The message for a downloaded script executed directly. */
export function message(downloader: string, shell: string): string {
  return `'${downloader}' output is executed by '${shell}' unseen: download to a file, verify its checksum or signature, then run it (or use a pinned action or package)`;
}

/** Downloaded scripts must not be piped straight into an interpreter (the shell model's downloads, not write-then-run). */
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
          if (!run?.script) {
            continue;
          }
          for (const d of shellEffects(run.script).downloads) {
            if (d.form !== 'write-then-run') {
              ctx.report({ range: run.range(d.start, d.end), message: message(d.downloader.name, d.interpreter.name) });
            }
          }
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { shellEffects } from '../../shell';
import { runShells, wordRange } from './common';

/** The message for a downloaded script executed directly. */
export function message(downloader: string, shell: string, form: 'pipe' | 'substitution'): string {
  const what = form === 'pipe' ? `'${downloader} … | ${shell}'` : `'${shell}' with the output of '${downloader}' as its script`;
  return `${what} runs a script from the network without checking it: download it to a file, verify its checksum or signature, then run it`;
}

/** Network scripts must not be piped straight into a shell (the shell model's downloads, not write-then-run). */
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
      for (const d of shellEffects(shell.script).downloads) {
        if (d.form === 'write-then-run') {
          continue;
        }
        const form = d.form === 'pipe' ? 'pipe' : 'substitution';
        ctx.report({ range: wordRange(ctx.model, shell, d), message: message(d.downloader.name, d.interpreter.name, form) });
      }
    }
  },
};

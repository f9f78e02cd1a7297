import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { envValue, findFlag, packageInstall, runCommands, runMounts, wordRange, developmentSeverity } from './common';

/** The message for pip install without --no-cache-dir. */
export function message(): string {
  return "'pip install' keeps downloaded wheels in ~/.cache/pip in this layer: add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1)";
}

/** pip install should not leave its cache in the final image. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-no-cache-dir',
  meta: {
    title: 'pip install without --no-cache-dir',
    description: "pip caches every downloaded wheel under the user's home. In an image the cache is never reused by a later build, it only makes the layer bigger.",
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3042' }],
  },
  check(ctx) {
    for (const { instruction, stage, shell, cmd } of runCommands(ctx.model)) {
      if (!ctx.model.inFinalImage(stage)) {
        continue;
      }
      const install = packageInstall(cmd);
      if (!install || install.manager !== 'pip' || findFlag(cmd.args, '--no-cache-dir', '--cache-dir')) {
        continue;
      }
      const line = instruction.getRange().start.line;
      const envOff =
        envValue(ctx.model, stage, 'PIP_NO_CACHE_DIR', line) !== undefined ||
        cmd.source.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR') ||
        shell.script.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR');
      const cacheMount = runMounts(instruction).some((m) => m.type === 'cache' && /(^|\/)\.cache(\/pip)?\/?$/.test(m.target ?? ''));
      if (envOff || cacheMount) {
        continue;
      }
      ctx.report({
        range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: install.sub.word.end }),
        message: message(),
        fix: { title: 'Add --no-cache-dir', safe: true, edits: [{ range: ctx.model.shellRange(shell, install.sub.word.end, install.sub.word.end), newText: ' --no-cache-dir' }] },
        ...developmentSeverity(ctx.path, ctx.model),
      });
    }
  },
};

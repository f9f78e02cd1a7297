import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { byInstruction, findFlag, hasCacheMount, packageInstall, positionals, runCommands, wordRange, developmentSeverity } from './common';

/** The message for apk add without --no-cache. */
export function message(): string {
  return "'apk add' without --no-cache keeps the package index in /var/cache/apk in this layer: use apk add --no-cache";
}

/** apk add should not keep its index cache in the image. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apk-no-cache',
  meta: {
    title: 'apk add without --no-cache',
    description: 'apk add --no-cache fetches the index, installs and leaves nothing behind; without it the index stays in the layer unless /var/cache/apk is cleaned in the same RUN.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [{ tool: 'hadolint', id: 'DL3019' }],
  },
  check(ctx) {
    for (const [instruction, commands] of byInstruction(runCommands(ctx.model))) {
      if (!ctx.model.inFinalImage(commands[0].stage) || hasCacheMount(instruction, '/var/cache/apk', '/etc/apk/cache')) {
        continue;
      }
      const cleaned = commands.some(
        (c) => (c.cmd.name === 'rm' && positionals(c.cmd.args, []).some((p) => /^\/var\/cache\/apk(\/|$)/.test(p.word.value))) || (c.cmd.name === 'apk' && c.cmd.args[0]?.value === 'cache' && c.cmd.args[1]?.value === 'clean'),
      );
      if (cleaned) {
        continue;
      }
      for (const { shell, cmd } of commands) {
        const install = packageInstall(cmd);
        if (!install || install.manager !== 'apk' || findFlag(cmd.args, '--no-cache')) {
          continue;
        }
        const edits = [{ range: ctx.model.shellRange(shell, install.sub.word.end, install.sub.word.end), newText: ' --no-cache' }];
        // `apk update && apk add --no-cache` would still write the index: drop the update, which
        // --no-cache does itself
        const update = commands.find((u) => u.shell === shell && u.cmd.name === 'apk' && u.cmd.args.length === 1 && u.cmd.args[0].value === 'update' && u.cmd.source.end <= cmd.source.start);
        const next = update ? commands.find((n) => n.shell === shell && n.cmd.source.start >= update.cmd.source.end) : undefined;
        if (update && next && update.cmd.source.substitutionDepth === 0 && update.cmd.source.pipeLength === 1 && /^[\s\\]*(&&|;)[\s\\]*$/.test(shell.script.text.slice(update.cmd.source.end, next.cmd.source.start))) {
          edits.unshift({ range: ctx.model.shellRange(shell, update.cmd.source.start, next.cmd.source.start), newText: '' });
        }
        ctx.report({
          range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: install.sub.word.end }),
          message: message(),
          fix: { title: edits.length > 1 ? 'Add --no-cache and drop apk update' : 'Add --no-cache', safe: true, edits },
          ...developmentSeverity(ctx.path, ctx.model),
        });
      }
    }
  },
};

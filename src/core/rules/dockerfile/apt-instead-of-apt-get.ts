import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { APT_VALUE_FLAGS, runCommands, subcommandOf, wordRange } from './common';

/** apt subcommands that apt-get has with the same meaning. */
const APT_GET = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'source', 'build-dep', 'download', 'check', 'satisfy']);
/** apt subcommands that belong to apt-cache. */
const APT_CACHE = new Set(['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'madison', 'showpkg']);

/** The message for apt used in a script. */
export function message(replacement: string | undefined): string {
  return replacement
    ? `apt is meant for people at a terminal and its output may change between releases; use ${replacement} in scripts`
    : 'apt is meant for people at a terminal and its output may change between releases; use apt-get or apt-cache in scripts';
}

/** Scripts should call apt-get / apt-cache, whose interface is stable. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-instead-of-apt-get',
  meta: {
    title: 'apt used instead of apt-get',
    description: 'apt warns that it "does not have a stable CLI interface": its prompts and output are designed for interactive use. apt-get and apt-cache are the scripting interfaces.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: true,
    equivalents: [
      { tool: 'hadolint', id: 'DL3027' },
      { tool: 'checkov', id: 'CKV_DOCKER_9' },
    ],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      if (cmd.name !== 'apt') {
        continue;
      }
      const sub = subcommandOf(cmd, APT_VALUE_FLAGS)?.word.value ?? '';
      const replacement = APT_GET.has(sub) ? 'apt-get' : APT_CACHE.has(sub) ? 'apt-cache' : undefined;
      const range = wordRange(ctx.model, shell, cmd.nameWord);
      // keep a path prefix such as /usr/bin/apt
      const raw = cmd.nameWord.raw;
      const newText = replacement && raw.endsWith('apt') ? raw.slice(0, raw.length - 3) + replacement : undefined;
      ctx.report({
        range,
        message: message(replacement),
        fix: newText ? { title: `Replace apt with ${replacement}`, safe: true, edits: [{ range, newText }] } : undefined,
      });
    }
  },
};

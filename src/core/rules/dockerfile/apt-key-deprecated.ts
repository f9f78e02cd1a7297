import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { runCommands, wordRange } from './common';

/** The message for apt-key add/adv. */
export function message(sub: string): string {
  return `apt-key ${sub} is deprecated and gone from Debian 13 (the build fails there), and a key added with it is trusted for every repository: save the key under /etc/apt/keyrings/ and name it with signed-by= in the source entry`;
}

/** apt-key add/adv: deprecated, removed, and trusts the key globally. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-key-deprecated',
  meta: {
    title: 'apt-key used to trust a repository key',
    description: 'apt-key adds keys to the global trusted keyring, so a key for one third-party repository can sign packages that replace Debian\'s own. apt deprecated it and current releases no longer ship it.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      const sub = cmd.args.find((a) => !a.value.startsWith('-'));
      if (cmd.name === 'apt-key' && sub && ['add', 'adv'].includes(sub.value)) {
        ctx.report({ range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: sub.end }), message: message(sub.value) });
      }
    }
  },
};

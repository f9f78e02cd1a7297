import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { VALUE_FLAGS } from '../../shell';
import { runCommands, subcommandOf, wordRange } from './common';
import type { Cmd, Positional } from './common';
import { operandsAfter, yumSub, zypperSub } from './rpm';

/** The message for an upgrade of every package of the base image. */
export function message(command: string): string {
  return `'${command}' upgrades every package of the base image: what the image contains then depends on the build day, not on the FROM line. Prefer a newer base image tag (rebuilt regularly) and upgrade only the packages that need it`;
}

/** The whole-system upgrade a command performs, when it is one (its subcommand word). */
function systemUpgrade(cmd: Cmd): Positional | undefined {
  if (cmd.name === 'apt-get' || cmd.name === 'apt') {
    const sub = subcommandOf(cmd, VALUE_FLAGS.apt);
    return sub && ['upgrade', 'dist-upgrade', 'full-upgrade'].includes(sub.word.value) && operandsAfter(cmd, sub, VALUE_FLAGS.apt).length === 0 ? sub : undefined;
  }
  if (cmd.name === 'apk') {
    const sub = subcommandOf(cmd, VALUE_FLAGS.apk);
    return sub?.word.value === 'upgrade' && operandsAfter(cmd, sub, VALUE_FLAGS.apk).length === 0 ? sub : undefined;
  }
  const yum = yumSub(cmd);
  if (yum) {
    return ['update', 'upgrade', 'distro-sync'].includes(yum.word.value) && operandsAfter(cmd, yum, VALUE_FLAGS.yum).length === 0 ? yum : undefined;
  }
  const zypper = zypperSub(cmd);
  if (zypper) {
    return ['update', 'up', 'dist-upgrade', 'dup'].includes(zypper.word.value) && operandsAfter(cmd, zypper, VALUE_FLAGS.zypper).length === 0 ? zypper : undefined;
  }
  return undefined;
}

/** Whole-system package upgrades in a Dockerfile (an opinion, at info). */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/package-upgrade',
  meta: {
    title: 'Upgrade of every package in a RUN',
    description: 'apt-get upgrade, apk upgrade, dnf upgrade or zypper dist-upgrade in a Dockerfile make the image differ from its base in ways no line of the Dockerfile states, grow the layer, and can pull a new major version of a library. A maintained base image tag carries the security updates instead.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3005' },
      { tool: 'hadolint', id: 'DL3035' },
    ],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      const sub = systemUpgrade(cmd);
      if (sub) {
        ctx.report({ range: wordRange(ctx.model, shell, { start: cmd.nameWord.start, end: sub.word.end }), message: message(`${cmd.run.program} ${sub.word.value}`) });
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import type { ShellWord } from '../../parsers/shell';
import { findFlag, packageInstall, runCommands, wordRange } from './common';
import type { Cmd, PackageInstall } from './common';

type Manager = 'apt' | 'apk' | 'pip' | 'npm' | 'gem';

const HOW: Record<Manager, string> = {
  apt: 'name=version',
  apk: 'name=version',
  pip: 'name==version',
  npm: 'name@version',
  gem: 'name:version or -v version',
};

/** The message listing the unpinned packages of one command. */
export function message(manager: Manager, names: readonly string[]): string {
  const list = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  return `Unpinned ${manager} package${names.length > 1 ? 's' : ''} ${list}: the build installs whatever is newest that day; pin versions (${HOW[manager]})`;
}

/** Local files, URLs and VCS references: not registry packages, their version is what they point at. */
function isLocalOrUrl(v: string): boolean {
  return /^(\.|\/|~)|[/\\]|^[a-z][a-z0-9+.-]*:|\.(deb|apk|rpm|whl|tar\.gz|tgz|zip|gem)$/i.test(v);
}

function unpinned(install: PackageInstall, cmd: Cmd): ShellWord[] {
  // npm scoped packages (@scope/name) are registry names, not paths
  const words = install.packages
    .map((p) => p.word)
    .filter((w) => !w.dynamic && w.value !== '' && !isLocalOrUrl(install.manager === 'npm' ? w.value.replace(/^@[^/@]+\//, '') : w.value));
  switch (install.manager) {
    case 'apt':
      return words.filter((w) => !w.value.includes('='));
    case 'apk':
      return words.filter((w) => !/[=<>~]/.test(w.value));
    case 'pip':
      // a constraints file pins everything this command installs
      if (findFlag(cmd.args, '-c', '--constraint')) {
        return [];
      }
      return words.filter((w) => !/[=<>~!@]/.test(w.value));
    case 'npm': {
      const global = findFlag(cmd.args, '-g', '--global') || cmd.args.some((a) => a.value === '--location=global');
      if (!global) {
        return [];
      }
      return words.filter((w) => {
        const at = w.value.indexOf('@', w.value.startsWith('@') ? 1 : 0);
        const version = at > 0 ? w.value.slice(at + 1) : '';
        return version === '' || version === 'latest' || version === 'next' || version === '*';
      });
    }
    case 'gem':
      if (findFlag(cmd.args, '-v', '--version')) {
        return [];
      }
      return words.filter((w) => !/:[0-9]/.test(w.value));
    default:
      return [];
  }
}

/** Packages installed by apt, apk, pip, npm -g and gem should be pinned to versions. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/unpinned-packages',
  meta: {
    title: 'Packages installed without a version',
    description: 'Unpinned packages make the image depend on the day it was built: a rebuild can silently pull a new major version or a broken release.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3008' },
      { tool: 'hadolint', id: 'DL3013' },
      { tool: 'hadolint', id: 'DL3016' },
      { tool: 'hadolint', id: 'DL3018' },
      { tool: 'hadolint', id: 'DL3028' },
    ],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      const install = packageInstall(cmd);
      if (!install || !(install.manager in HOW)) {
        continue;
      }
      const words = unpinned(install, cmd);
      if (words.length === 0) {
        continue;
      }
      ctx.report({
        range: wordRange(ctx.model, shell, { start: words[0].start, end: words[0].end }),
        message: message(install.manager as Manager, words.map((w) => w.value)),
      });
    }
  },
};

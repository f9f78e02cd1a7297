import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { packageInstall, runCommands, wordRange } from './common';

/** The message listing the unpinned packages of one yum/dnf or zypper command. */
export function message(tool: string, names: readonly string[]): string {
  const list = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  const how = tool === 'zypper' ? 'name=version' : 'name-version';
  return `Unpinned ${tool} package${names.length > 1 ? 's' : ''} ${list}: the build installs whatever is newest that day; pin versions (${how})`;
}

/** Packages installed by yum, dnf, microdnf, tdnf and zypper should be pinned to versions. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/rpm-unpinned-packages',
  meta: {
    title: 'yum, dnf or zypper packages installed without a version',
    description: 'Like unpinned-packages for apt and apk: an rpm package named without a version makes the image depend on the day it was built, and a rebuild can pull a new major version.',
    severity: 'info',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3033' },
      { tool: 'hadolint', id: 'DL3037' },
      { tool: 'hadolint', id: 'DL3041' },
    ],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      const install = packageInstall(cmd)?.install;
      if (!install || (install.manager !== 'yum' && install.manager !== 'zypper') || !['install', 'in'].includes(install.subcommand.value)) {
        continue;
      }
      // groups (@name), provides (/usr/bin/x, 'pkgconfig(x)', 'perl(X)') and capabilities name no single version
      const words = install.packages.filter((p) => p.kind === 'name' && !p.dynamic && p.version === undefined && p.name !== '' && !/^[@/]|[()*]/.test(p.name)).map((p) => p.word);
      if (words.length === 0) {
        continue;
      }
      ctx.report({ range: wordRange(ctx.model, shell, words[0]), message: message(install.tool, words.map((w) => w.value)) });
    }
  },
};

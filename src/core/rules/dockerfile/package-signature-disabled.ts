import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { findFlag, runCommands, wordRange } from './common';

/** The message for a package manager told to skip signature checks. */
export function message(what: string): string {
  return `${what} installs packages without checking their signatures: a tampered or spoofed package is accepted. Import the repository's signing key instead`;
}

/** Package managers must keep verifying package signatures. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/package-signature-disabled',
  meta: {
    title: 'Package signature verification disabled',
    description: 'apk --allow-untrusted, apt-get --allow-unauthenticated / --force-yes, yum/dnf --nogpgcheck and rpm --nosignature / --nodigest install whatever the mirror or the network serves, signed or not.',
    severity: 'error',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'checkov', id: 'CKV2_DOCKER_7' },
      { tool: 'checkov', id: 'CKV2_DOCKER_8' },
      { tool: 'checkov', id: 'CKV2_DOCKER_9' },
      { tool: 'checkov', id: 'CKV2_DOCKER_10' },
      { tool: 'checkov', id: 'CKV2_DOCKER_11' },
    ],
  },
  check(ctx) {
    for (const { shell, cmd } of runCommands(ctx.model)) {
      let flag;
      switch (cmd.name) {
        case 'apk':
          flag = findFlag(cmd.args, '--allow-untrusted');
          break;
        case 'apt-get':
        case 'apt':
          flag =
            findFlag(cmd.args, '--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories') ??
            cmd.args.find((a, i) => /^APT::Get::AllowUnauthenticated=(1|true|yes)$/i.test(a.value) && (cmd.args[i - 1]?.value === '-o' || a.value.startsWith('-o')));
          break;
        case 'yum':
        case 'dnf':
        case 'microdnf':
        case 'tdnf':
          flag = findFlag(cmd.args, '--nogpgcheck') ?? cmd.args.find((a) => /^--setopt=(.+\.)?gpgcheck=(0|false|no)$/i.test(a.value));
          break;
        case 'rpm':
          flag = findFlag(cmd.args, '--nosignature', '--nodigest', '--noverify');
          break;
        default:
          break;
      }
      if (flag) {
        ctx.report({ range: wordRange(ctx.model, shell, flag), message: message(`${cmd.name} ${flag.value}`) });
      }
    }
  },
};

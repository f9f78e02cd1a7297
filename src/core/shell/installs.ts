/**
 * Package installs: the manager, its subcommand, its options and the package arguments split
 * into name and version (apt/apt-get/aptitude, apk, yum/dnf/microdnf/tdnf, zypper, pip, npm, gem,
 * go, cargo).
 */
import type { ShellWord } from '../parsers/shell';
import { perObject } from '../memo';
import type { CommandRun, PackageInstall, PackageManager, PackageSpec } from './types';

/** Options that take a separate value, per manager family (for finding the subcommand and the packages). */
export const VALUE_FLAGS: Readonly<Record<PackageManager, readonly string[]>> = {
  apt: ['-o', '-c', '-t', '-a', '-P', '--option', '--config-file', '--target-release', '--default-release', '--host-architecture', '--build-profiles'],
  apk: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--timeout', '--cache-max-age', '--progress-fd'],
  yum: ['-c', '--config', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--repo', '--repoid', '--nodocs-', '-d', '--debuglevel', '-e', '--errorlevel', '--forcearch'],
  zypper: ['-r', '--repo', '--from', '-t', '--type', '-R', '--root', '--installroot', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir'],
  pip: [
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
    '-t', '--target', '--prefix', '--root', '--src', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi',
    '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert',
    '--client-cert', '--global-option', '--install-option', '-C', '--config-settings', '--only-binary', '--no-binary', '--report',
    '--python', '--keyring-provider', '--root-user-action', '--use-feature', '--use-deprecated', '--group',
  ],
  npm: ['--registry', '--prefix', '--loglevel', '--cache', '--userconfig', '--globalconfig', '--tag', '--omit', '--include', '--workspace', '-w', '--install-strategy', '--location'],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file', '--build-root', '--document'],
  go: ['-C', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-o', '-overlay', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-installsuffix'],
  cargo: ['--version', '--vers', '--git', '--branch', '--tag', '--rev', '--path', '--root', '--index', '--registry', '--bin', '--example', '--features', '-F', '--target', '--target-dir', '--profile', '-j', '--jobs', '--config', '-Z'],
};

/** The manager family of a program name and its install subcommands. */
function managerOf(name: string): { manager: PackageManager; subcommands: readonly string[] } | undefined {
  switch (name) {
    case 'apt-get':
    case 'apt':
    case 'aptitude':
      return { manager: 'apt', subcommands: ['install'] };
    case 'apk':
      return { manager: 'apk', subcommands: ['add'] };
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
      return { manager: 'yum', subcommands: ['install', 'reinstall'] };
    case 'zypper':
      return { manager: 'zypper', subcommands: ['install', 'in'] };
    case 'pip':
      return { manager: 'pip', subcommands: ['install'] };
    case 'npm':
      return { manager: 'npm', subcommands: ['install', 'i', 'add', 'in', 'isntall', 'ci'] };
    case 'gem':
      return { manager: 'gem', subcommands: ['install'] };
    case 'go':
      return { manager: 'go', subcommands: ['install', 'get'] };
    case 'cargo':
      return { manager: 'cargo', subcommands: ['install'] };
    default:
      return undefined;
  }
}

/** The options that may come before a subcommand and take a value (zypper's global options, npm's). */
function globalValueFlags(manager: PackageManager): readonly string[] {
  return VALUE_FLAGS[manager];
}

/** The package install a command performs, when it is one (kept with the command). */
export const installOf: (run: CommandRun) => PackageInstall | undefined = perObject(computeInstall);

function computeInstall(run: CommandRun): PackageInstall | undefined {
  const m = managerOf(run.name);
  if (!m || run.dynamicName) {
    return undefined;
  }
  const values = globalValueFlags(m.manager);
  const args = run.args;
  let subIndex = -1;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v.startsWith('-') && v.length > 1) {
      if (values.includes(v)) {
        i++;
      }
      continue;
    }
    if (!args[i].dynamic) {
      subIndex = i;
    }
    break;
  }
  if (subIndex < 0 || !m.subcommands.includes(args[subIndex].value)) {
    return undefined;
  }
  const flags: ShellWord[] = [];
  const packages: PackageSpec[] = [];
  const requirements: ShellWord[] = [];
  let ended = false;
  for (let i = 0; i < args.length; i++) {
    if (i === subIndex) {
      continue;
    }
    const word = args[i];
    const v = word.value;
    if (!ended && v === '--') {
      ended = true;
      continue;
    }
    if (!ended && v.startsWith('-') && v.length > 1 && !word.dynamic) {
      flags.push(word);
      if (values.includes(v) && args[i + 1]) {
        flags.push(args[i + 1]);
        if (m.manager === 'pip' && (v === '-r' || v === '--requirement' || v === '-c' || v === '--constraint')) {
          requirements.push(args[i + 1]);
        }
        i++;
      } else if (m.manager === 'pip' && /^--(requirement|constraint)=/.test(v)) {
        requirements.push({ ...word, value: v.slice(v.indexOf('=') + 1) });
      }
      continue;
    }
    if (i < subIndex) {
      continue;
    }
    packages.push(spec(m.manager, word, i));
  }
  return { manager: m.manager, tool: run.program, command: run, subcommand: args[subIndex], subcommandIndex: subIndex, flags, packages, requirements };
}

/** Split a package argument into name and version, per manager. */
function spec(manager: PackageManager, word: ShellWord, index: number): PackageSpec {
  const v = word.value;
  // object literals of one shape (spreading a shared base was a measurable share of the model)
  const dynamic = word.dynamic;
  if ((v.includes('://') && /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) || v.startsWith('git+')) {
    return { word, index, dynamic, name: v, kind: /^(git\+|git:|ssh:)|\.git(@|#|$)/.test(v) ? 'vcs' : 'url' };
  }
  if (/^(\.{0,2}\/|~\/)/.test(v) || /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem|crate)$/.test(v)) {
    return { word, index, dynamic, name: v, kind: /\.(deb|rpm|apk|whl|tar\.gz|tgz|zip|gem|crate)$/.test(v) ? 'file' : 'path' };
  }
  let m: RegExpExecArray | null = null;
  switch (manager) {
    case 'apt':
      m = /^([^=]+?)(=)(.+)$/.exec(v);
      break;
    case 'apk':
      m = /^([^=<>~]+?)(=|~=|>=|<=|>|<|~)(.+)$/.exec(v);
      break;
    case 'yum':
    case 'zypper':
      m = /^([^=<>]+?)(-(?=\d)|=|>=|<=|>|<)(.+)$/.exec(v);
      break;
    case 'pip':
      m = /^([^=<>!~;[]+(?:\[[^\]]*\])?)\s*(===|==|~=|!=|>=|<=|>|<)(.+)$/.exec(v);
      break;
    case 'npm':
    case 'go':
      m = /^(@?[^@]+)(@)(.+)$/.exec(v);
      break;
    case 'cargo':
      m = /^([^@]+)(@)(.+)$/.exec(v);
      break;
    case 'gem':
      m = /^([^:]+)(:)(.+)$/.exec(v);
      break;
  }
  if (m) {
    return { word, index, dynamic, name: m[1], operator: m[2], version: m[3], kind: 'name' };
  }
  return { word, index, dynamic, name: v, kind: 'name' };
}

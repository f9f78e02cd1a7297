import { BUILTINS } from './builtins';
import { CLOUD } from './cloud';
import { DOCKER } from './docker';
import { FILE_PATTERNS, FILES } from './files';
import { GIT } from './git';
import { HELM } from './helm';
import { embeddedCommand, INTERPRETER_PATTERNS, INTERPRETERS } from './interpreters';
import { KUBECTL } from './kubectl';
import { NETWORK, NETWORK_PATTERNS } from './network';
import { PACKAGES } from './packages';
import { TERRAFORM } from './terraform';
import { always, forSubcommands, subcommand } from './traits';
import type { Traits } from './traits';
import type { Handler, HandlerTable, PatternHandler } from './types';
import { WRAPPER_HANDLERS, WRAPPER_PATTERNS } from './wrappers';
import type { Word } from '../words';

export type { Handler, HandlerTable, Invocation, PatternHandler } from './types';
export type { Traits } from './traits';

/**
 * The policy's handler table: which module knows which program. A program is looked up by its
 * lower-case base name, then by the families' patterns in this order; a program no family knows
 * is searched for an embedded `sh -c …` / `python -c …` unless it only prints text.
 */
export interface Family {
  family: string;
  handlers: HandlerTable;
  patterns: readonly PatternHandler[];
  /** Whether the family's programs reach the network or run the repository's code. */
  traits: Traits;
}

/** The same handler for every name of a list (programs the policy knows only by their traits). */
function each(names: readonly string[], handle: Handler): HandlerTable {
  return Object.fromEntries(names.map((n) => [n, handle]));
}

const TERRAFORM_LOCAL = ['fmt', 'validate', 'version', 'graph', '-help', '-version'];
const TERRAFORM_CODE = ['plan', 'apply', 'destroy', 'refresh', 'import', 'console', 'test'];
const NPM_NETWORK = ['install', 'i', 'ci', 'add', 'update', 'up', 'upgrade', 'publish', 'view', 'info', 'show', 'outdated', 'audit', 'exec', 'dlx', 'create', 'init', 'login', 'whoami', 'search', 'fetch'];
const NPM_CODE = ['run', 'run-script', 'test', 't', 'start', 'stop', 'restart', 'install', 'i', 'ci', 'add', 'rebuild', 'exec', 'dlx', 'create', 'init'];
/** Programs that reach remote systems and that the policy knows by nothing else (their handler only looks for an embedded `sh -c`). */
const REMOTE_CLIS = ['kustomize', 'k9s', 'kubeconform', 'gsutil', 'doctl', 'ibmcloud', 'oci', 'gh', 'glab', 'vault', 'consul', 'nomad', 'buildah', 'skopeo', 'crane', 'packer', 'ansible', 'ansible-playbook', 'vagrant', 'trivy', 'grype', 'syft', 'conftest'];
/** Build tools and test runners: they run the repository's code (recipes, build scripts, tests). */
const BUILD_TOOLS = ['make', 'gmake', 'cmake', 'ninja', 'bazel', 'bazelisk', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'java', 'dotnet', 'go', 'cargo', 'rake', 'tox', 'nox', 'pytest', 'jest', 'vitest', 'mocha', 'composer', 'bundle', 'gem', 'pipx', 'poetry', 'uv', 'just', 'task'];
/** Of the build tools, those that download dependencies (modules, crates, artifacts) as they go. */
const BUILD_NETWORK: Readonly<Record<string, readonly string[] | true>> = {
  mvn: true,
  mvnw: true,
  gradle: true,
  gradlew: true,
  bazel: true,
  bazelisk: true,
  go: ['get', 'install', 'mod', 'build', 'run', 'test', 'generate', 'list', 'vet'],
  cargo: ['build', 'b', 'run', 'r', 'test', 't', 'install', 'fetch', 'update', 'check', 'c', 'publish', 'add'],
  composer: ['install', 'update', 'require', 'create-project'],
  bundle: ['install', 'update', 'add'],
  gem: ['install', 'update', 'fetch', 'push'],
  pipx: true,
  poetry: ['install', 'add', 'update', 'lock', 'publish'],
  uv: ['sync', 'add', 'pip', 'lock', 'run', 'tool'],
  dotnet: ['restore', 'build', 'run', 'test', 'publish', 'add', 'tool'],
};

export const FAMILIES: readonly Family[] = [
  { family: 'git', handlers: GIT, patterns: [], traits: { networked: forSubcommands(['clone', 'fetch', 'pull', 'push', 'ls-remote', 'remote', 'submodule', 'archive', 'request-pull', 'send-email', 'svn', 'p4'], 'talks to a remote repository', ['-C', '-c', '--git-dir', '--work-tree', '--namespace']) } },
  { family: 'kubectl', handlers: KUBECTL, patterns: [], traits: { networked: always('talks to a Kubernetes cluster') } },
  { family: 'helm', handlers: HELM, patterns: [], traits: { networked: always('talks to a Kubernetes cluster or a chart repository') } },
  {
    family: 'terraform',
    handlers: TERRAFORM,
    patterns: [],
    traits: {
      networked: (tool, args) => {
        const sub = subcommand(args);
        return tool === 'pulumi' || (sub !== undefined && !TERRAFORM_LOCAL.includes(sub)) ? `${tool} ${sub ?? ''} talks to providers, registries or remote state`.replace('  ', ' ') : undefined;
      },
      repositoryCode: (tool, args) => {
        const sub = subcommand(args);
        const code = tool === 'pulumi' ? ['up', 'preview', 'destroy', 'refresh', 'import', 'watch'] : TERRAFORM_CODE;
        return sub !== undefined && (code.includes(sub) || (tool === 'terragrunt' && sub === 'run-all')) ? `${tool} ${sub} runs the configuration's providers, external data sources and provisioners` : undefined;
      },
    },
  },
  { family: 'docker', handlers: DOCKER, patterns: [], traits: { networked: always('talks to a container daemon and registries'), repositoryCode: forSubcommands(['build', 'buildx', 'compose', 'builder'], "runs the repository's Dockerfile or compose build", ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']) } },
  { family: 'cloud', handlers: CLOUD, patterns: [], traits: { networked: always("talks to a cloud provider's API") } },
  {
    family: 'packages',
    handlers: PACKAGES,
    patterns: [],
    traits: {
      networked: (tool, args) => {
        const sub = subcommand(args);
        if (tool === 'npx' || ((tool === 'yarn' || tool === 'pnpm') && sub === undefined)) {
          return `${tool} may download packages from a registry`;
        }
        if (/^pip/.test(tool)) {
          return sub !== undefined && ['install', 'download', 'search', 'index', 'wheel'].includes(sub) ? `${tool} ${sub} downloads from a package index` : undefined;
        }
        return sub !== undefined && NPM_NETWORK.includes(sub) ? `${tool} ${sub} talks to a package registry` : undefined;
      },
      repositoryCode: (tool, args) => {
        const sub = subcommand(args);
        if (/^pip/.test(tool)) {
          // a local project or an editable install runs its build backend (setup.py…)
          const local = sub === 'install' && args.some((a) => a.value === '-e' || a.value === '--editable' || /^\.{1,2}(\/|$)/.test(a.value));
          return local ? `${tool} install builds the project in the workspace (its setup.py or build backend runs)` : undefined;
        }
        if (tool === 'npx') {
          return `npx runs a package's program`;
        }
        if ((tool === 'yarn' || tool === 'pnpm') && (sub === undefined || !['info', 'view', 'why', 'list', 'ls', 'outdated', 'audit', 'config', 'cache', 'help', 'version', '--version', 'whoami', 'login', 'logout', 'publish', 'pack', 'search'].includes(sub))) {
          return `${tool}${sub ? ` ${sub}` : ''} runs package.json scripts or install scripts`;
        }
        return sub !== undefined && NPM_CODE.includes(sub) ? `${tool} ${sub} runs package.json scripts or install scripts` : undefined;
      },
    },
  },
  { family: 'files', handlers: FILES, patterns: FILE_PATTERNS, traits: {} },
  { family: 'network', handlers: NETWORK, patterns: NETWORK_PATTERNS, traits: { networked: always('contacts a network host') } },
  { family: 'remote', handlers: each(REMOTE_CLIS, embeddedCommand), patterns: [], traits: { networked: always('talks to a remote system (an API, a registry, servers or a vulnerability database)') } },
  {
    family: 'build',
    handlers: each(BUILD_TOOLS, embeddedCommand),
    patterns: [],
    traits: {
      repositoryCode: always("runs the repository's code (build recipes, build scripts or tests)"),
      networked: (tool, args) => {
        const subs = BUILD_NETWORK[tool];
        const sub = subcommand(args);
        return subs === true || (subs !== undefined && sub !== undefined && subs.includes(sub)) ? `${tool}${subs === true ? '' : ` ${sub}`} downloads dependencies` : undefined;
      },
    },
  },
  { family: 'interpreters', handlers: INTERPRETERS, patterns: INTERPRETER_PATTERNS, traits: { repositoryCode: always('runs a program (a script of the workspace, or code given inline)') } },
  { family: 'wrappers', handlers: WRAPPER_HANDLERS, patterns: WRAPPER_PATTERNS, traits: {} },
  { family: 'builtins', handlers: BUILTINS, patterns: [], traits: { repositoryCode: (tool) => (tool === 'source' || tool === '.' ? `${tool} runs a script's code in the shell` : undefined) } },
];

/** Commands whose arguments are text, not a command to run (`echo sh -c x` prints). */
const TEXT_COMMANDS = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'logger', 'wall', 'notify-send', 'jq', 'yq', 'man', 'which', 'type', 'whatis', 'apropos', 'help']);

export interface Entry {
  family: string;
  handle: Handler;
  traits: Traits;
}

const BY_NAME = new Map<string, Entry>();
for (const f of FAMILIES) {
  for (const [name, handle] of Object.entries(f.handlers)) {
    if (BY_NAME.has(name)) {
      throw new Error(`policy handler table: ${name} is claimed by ${BY_NAME.get(name)?.family} and ${f.family}`);
    }
    BY_NAME.set(name, { family: f.family, handle, traits: f.traits });
  }
}
const PATTERNS = FAMILIES.flatMap((f) => f.patterns.map((p) => ({ family: f.family, traits: f.traits, ...p })));

/** The handler for a program (lower-case base name), the family it belongs to and the family's traits. */
export function handlerFor(tool: string): Entry | undefined {
  const exact = BY_NAME.get(tool);
  if (exact) {
    return exact;
  }
  const pattern = PATTERNS.find((p) => p.test(tool));
  if (pattern) {
    return { family: pattern.family, handle: pattern.handle, traits: pattern.traits };
  }
  if (!TEXT_COMMANDS.has(tool)) {
    return { family: 'unknown', handle: embeddedCommand, traits: {} };
  }
  return undefined;
}

/** Why a program with these arguments reaches the network and runs the repository's code, as its family says. */
export function traitsOf(entry: Entry | undefined, tool: string, args: readonly Word[]): { networked?: string; repositoryCode?: string } {
  return { networked: entry?.traits.networked?.(tool, args), repositoryCode: entry?.traits.repositoryCode?.(tool, args) };
}

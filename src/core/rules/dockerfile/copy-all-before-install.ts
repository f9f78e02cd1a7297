import type { Rule } from '../../rule';
import type { DockerfileModel, Instruction } from '../../parsers/dockerfile';
import { copyArgs, fromFlag, findFlag, isWholeContext, scriptCommands, positionals, NPM_VALUE_FLAGS, PIP_VALUE_FLAGS } from './common';
import type { Cmd } from './common';

type Ecosystem = 'node' | 'python' | 'go' | 'maven' | 'ruby' | 'php' | 'rust';

/** Manifest files whose COPY makes a dependency install cacheable, by ecosystem. */
const MANIFESTS: Record<Ecosystem, RegExp> = {
  node: /(^|\/)(package(-lock)?\.json|package\*\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|\.yarnrc\.yml)$/,
  python: /(^|\/)(requirements[^/]*\.(txt|in)|requirements\/?|Pipfile(\.lock)?|pyproject\.toml|poetry\.lock|uv\.lock|setup\.(py|cfg))$/,
  go: /(^|\/)(go\.(mod|sum)|go\.\*)$/,
  maven: /(^|\/)(pom\.xml)$/,
  ruby: /(^|\/)(Gemfile(\.lock)?|Gemfile\*|\*\.gemspec)$/,
  php: /(^|\/)(composer\.(json|lock)|composer\.\*)$/,
  rust: /(^|\/)(Cargo\.(toml|lock)|Cargo\.\*)$/,
};

const MANIFEST_HINT: Record<Ecosystem, string> = {
  node: 'COPY package.json package-lock.json ./',
  python: 'COPY requirements.txt ./',
  go: 'COPY go.mod go.sum ./',
  maven: 'COPY pom.xml ./',
  ruby: 'COPY Gemfile Gemfile.lock ./',
  php: 'COPY composer.json composer.lock ./',
  rust: 'COPY Cargo.toml Cargo.lock ./',
};

/** The message for a full-context COPY that invalidates the dependency install's cache. */
export function message(install: string, line: number, ecosystem: Ecosystem): string {
  return `The whole build context is copied before '${install}' (line ${line}), so any source change re-runs the install: ${MANIFEST_HINT[ecosystem]}, install, then copy the rest`;
}

/** The ecosystem of a command that only needs the manifests (a pure dependency install). */
export function dependencyInstall(cmd: Cmd): Ecosystem | undefined {
  const pos = (flags: readonly string[]) => positionals(cmd.args, flags).map((p) => p.word.value);
  switch (cmd.name) {
    case 'npm': {
      const [sub, ...pkgs] = pos(NPM_VALUE_FLAGS);
      return sub === 'ci' || ((sub === 'install' || sub === 'i') && pkgs.length === 0) ? 'node' : undefined;
    }
    case 'yarn': {
      const [sub] = pos(['--cwd', '--modules-folder', '--cache-folder', '--network-timeout', '--mutex']);
      return sub === undefined || sub === 'install' ? 'node' : undefined;
    }
    case 'pnpm': {
      const [sub, ...pkgs] = pos(['--filter', '-F', '--dir', '-C', '--store-dir']);
      return sub === 'fetch' || ((sub === 'install' || sub === 'i') && pkgs.length === 0) ? 'node' : undefined;
    }
    case 'pip': {
      const [sub, ...pkgs] = pos(PIP_VALUE_FLAGS);
      return sub === 'install' && pkgs.length === 0 && !!findFlag(cmd.args, '-r', '--requirement') ? 'python' : undefined;
    }
    case 'pipenv': {
      const [sub] = pos([]);
      return sub === 'install' || sub === 'sync' ? 'python' : undefined;
    }
    case 'poetry': {
      const [sub] = pos(['--only', '--with', '--without', '-E', '--extras']);
      return sub === 'install' && !!findFlag(cmd.args, '--no-root') ? 'python' : undefined;
    }
    case 'uv': {
      const [sub] = pos([]);
      return sub === 'sync' && !!findFlag(cmd.args, '--no-install-project') ? 'python' : undefined;
    }
    case 'go': {
      const [sub, arg] = pos([]);
      return sub === 'mod' && arg === 'download' ? 'go' : undefined;
    }
    case 'mvn':
    case 'mvnw':
      return cmd.args.some((a) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(a.value)) ? 'maven' : undefined;
    case 'bundle': {
      const [sub] = pos(['--jobs', '-j', '--retry', '--path', '--without', '--with']);
      return sub === 'install' ? 'ruby' : undefined;
    }
    case 'composer': {
      const [sub] = pos(['--working-dir', '-d']);
      return sub === 'install' ? 'php' : undefined;
    }
    case 'cargo': {
      const [sub] = pos([]);
      return sub === 'fetch' ? 'rust' : undefined;
    }
    default:
      return undefined;
  }
}

function copiedManifests(instruction: Instruction): Set<Ecosystem> {
  const found = new Set<Ecosystem>();
  const sources = copyArgs(instruction).slice(0, -1);
  for (const s of sources) {
    for (const [eco, pattern] of Object.entries(MANIFESTS) as [Ecosystem, RegExp][]) {
      if (pattern.test(s.value)) {
        found.add(eco);
      }
    }
  }
  return found;
}



/** A full-context COPY should come after the dependency install, not before it. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-all-before-install',
  meta: {
    title: 'Whole context copied before installing dependencies',
    description: 'Docker reuses a cached layer only while everything copied before it is unchanged. Copying all sources before npm ci / pip install / go mod download re-downloads every dependency on each code change.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const manifests = new Set<Ecosystem>();
      let wholeCopy: Instruction | undefined;
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if ((keyword === 'COPY' || keyword === 'ADD') && !fromFlag(instruction)) {
          const args = copyArgs(instruction);
          if (!wholeCopy && args.length >= 2 && args.slice(0, -1).some((a) => isWholeContext(a.value))) {
            wholeCopy = instruction;
          } else if (!wholeCopy) {
            for (const eco of copiedManifests(instruction)) {
              manifests.add(eco);
            }
          }
          continue;
        }
        if (keyword !== 'RUN' || !wholeCopy) {
          continue;
        }
        const shell = ctx.model.shellOf(instruction);
        for (const cmd of shell ? scriptCommands(shell.script) : []) {
          const eco = dependencyInstall(cmd);
          if (!eco || manifests.has(eco)) {
            continue;
          }
          const source = copyArgs(wholeCopy).find((a) => isWholeContext(a.value));
          const install = [cmd.name, positionals(cmd.args, [])[0]?.word.value ?? ''].join(' ').trim();
          ctx.report({ range: source?.range ?? wholeCopy.getInstructionRange(), message: message(install, instruction.getRange().start.line + 1, eco) });
          wholeCopy = undefined;
          break;
        }
        if (!wholeCopy) {
          break;
        }
      }
    }
  },
};

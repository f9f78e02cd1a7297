import type { Rule } from '../../rule';
import type { DockerfileModel } from '../../parsers/dockerfile';
import { parseImageRef } from '../shared/image';
import { APK_VALUE_FLAGS, APT_VALUE_FLAGS, developmentImage, findFlag, packageInstall, positionals, runCommands, subcommandOf, wordRange } from './common';
import type { RunCommand } from './common';

/** Packages that are compilers or build systems (Debian/Ubuntu, Alpine and RHEL names). */
const BUILD_PACKAGES = new Set([
  'build-essential', 'build-base', 'gcc', 'g++', 'gcc-c++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool',
  'golang', 'golang-go', 'go', 'maven', 'gradle', 'rustc', 'cargo', 'rust', 'default-jdk', 'openjdk-17-jdk', 'openjdk-21-jdk', 'openjdk17', 'openjdk21',
]);

/** Toolchain images and the runtime image to use instead. */
function toolchainImage(image: string): string | undefined {
  const ref = parseImageRef(image);
  if (ref.dynamic) {
    return undefined;
  }
  const repo = ref.repository.replace(/^library\//, '');
  const tag = (ref.tag ?? '').toLowerCase();
  const official = !ref.registry || ref.registry === 'docker.io';
  if (official && repo === 'golang') {
    return 'the Go toolchain image: build in a stage and copy the binary into distroless/static or alpine';
  }
  if (official && (repo === 'maven' || repo === 'gradle')) {
    return `the ${repo} build image: package in a stage and copy the jar into a JRE image (eclipse-temurin:<version>-jre)`;
  }
  if (official && repo === 'rust') {
    return 'the Rust toolchain image: build in a stage and copy the binary into debian:<version>-slim or distroless/cc';
  }
  if (official && (repo === 'eclipse-temurin' || repo === 'openjdk') && /jdk/.test(tag)) {
    return 'a JDK image: only a JRE is needed to run (eclipse-temurin:<version>-jre)';
  }
  if (ref.registry === 'mcr.microsoft.com' && repo === 'dotnet/sdk') {
    return 'the .NET SDK image: publish in a stage and copy the output into mcr.microsoft.com/dotnet/aspnet or runtime';
  }
  return undefined;
}

/** The message for build tooling left in the final image. */
export function message(kind: 'image' | 'packages', detail: string): string {
  return kind === 'image'
    ? `The final image is built on ${detail}`
    : `Build tools (${detail}) stay in the final image: compile in a build stage and copy only the result (multi-stage build), or remove them in the same RUN`;
}

/** Dockerfiles of development or CI images are expected to carry toolchains. */
function isToolingDockerfile(path: string): boolean {
  const norm = path.replace(/\\/g, '/').toLowerCase();
  const name = norm.slice(norm.lastIndexOf('/') + 1);
  // images for CI jobs (kept under .gitlab-ci/, .ci/, .circleci/…) carry their toolchain on purpose
  return /(^|\/)\.devcontainer\//.test(norm) || /(^|\/)\.?(gitlab-ci|ci|circleci|buildkite)\//.test(norm) || name.split(/[._-]/).some((t) => ['dev', 'devcontainer', 'ci', 'test', 'tests', 'build', 'builder', 'toolchain'].includes(t));
}

function removedPackages(commands: readonly RunCommand[]): Set<string> {
  const removed = new Set<string>();
  for (const { cmd } of commands) {
    if (cmd.name === 'apk') {
      const sub = subcommandOf(cmd, APK_VALUE_FLAGS);
      if (sub?.word.value === 'del') {
        positionals(cmd.args, APK_VALUE_FLAGS).filter((p) => p.index > sub.index).forEach((p) => removed.add(p.word.value));
      }
    } else if (cmd.name === 'apt-get' || cmd.name === 'apt' || cmd.name === 'yum' || cmd.name === 'dnf') {
      const sub = subcommandOf(cmd, APT_VALUE_FLAGS);
      if (sub && ['remove', 'purge', 'erase', 'autoremove'].includes(sub.word.value)) {
        positionals(cmd.args, APT_VALUE_FLAGS).filter((p) => p.index > sub.index).forEach((p) => removed.add(p.word.value));
      }
    }
  }
  return removed;
}

/** Compilers and build systems belong in a build stage, not in the image that runs. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/build-tools-in-final-image',
  meta: {
    title: 'Compilers or build tools in the final image',
    description: 'Toolchains make the runtime image several times larger and hand an attacker a compiler. A multi-stage build compiles in one stage and ships only the artefacts.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
  },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final || isToolingDockerfile(ctx.path) || developmentImage(ctx.path, final.name)) {
      return;
    }
    const chain = ctx.model.stageChain(final);
    const root = chain[chain.length - 1];
    const toolchain = toolchainImage(root.image);
    if (toolchain) {
      ctx.report({ range: root.from.getImageRange() ?? root.from.getRange(), message: message('image', `${toolchain} (${root.image})`) });
      return;
    }
    const commands = runCommands(ctx.model).filter((c) => chain.includes(c.stage));
    const removed = removedPackages(commands);
    // `apt-mark auto '.*' … apt-get purge --auto-remove`: everything the RUN installed is removed again
    const autoRemoved = new Set(
      commands
        .filter((c) => c.cmd.name === 'apt-mark' && c.cmd.args[0]?.value === 'auto')
        .map((c) => c.instruction)
        .filter((i) => commands.some((c) => c.instruction === i && (c.cmd.name === 'apt-get' || c.cmd.name === 'apt') && (subcommandOf(c.cmd, APT_VALUE_FLAGS)?.word.value === 'autoremove' || !!findFlag(c.cmd.args, '--auto-remove', '--autoremove')))),
    );
    for (const { instruction, shell, cmd } of commands) {
      if (autoRemoved.has(instruction)) {
        continue;
      }
      const install = packageInstall(cmd);
      if (!install || (install.manager !== 'apt' && install.manager !== 'apk')) {
        continue;
      }
      // apk add --virtual .build-deps … && apk del .build-deps
      const virtual = findFlag(cmd.args, '--virtual', '-t');
      const virtualName = virtual ? cmd.args[cmd.args.indexOf(virtual) + 1]?.value : undefined;
      if (virtualName && removed.has(virtualName)) {
        continue;
      }
      const tools = install.packages.filter((p) => {
        const name = p.word.value.split(/[=<>~]/)[0];
        return BUILD_PACKAGES.has(name) && !removed.has(name) && !removed.has(p.word.value);
      });
      if (tools.length > 0) {
        ctx.report({ range: wordRange(ctx.model, shell, tools[0].word), message: message('packages', tools.map((t) => t.word.value.split(/[=<>~]/)[0]).join(', ')) });
      }
    }
  },
};

import type { Rule } from '../../rule';
import { isWindowsImage } from '../../parsers/dockerfile';
import type { DockerfileModel, Instruction } from '../../parsers/dockerfile';
import { parseImageRef } from '../shared/image';
import { copyArgs, developmentImage, packageInstall, runCommands } from './common';

/** Why a missing USER is said at info: a development image (what shows it), or a command-line tool. */
export type LikelyOnPurpose = { dev: string } | 'tool';

/** The message: the last USER is root, or the image never switches away from root (`why`: it may be on purpose). */
export function message(kind: 'root-user' | 'no-user', user?: string, why?: LikelyOnPurpose): string {
  if (kind === 'root-user') {
    return `The last USER is '${user ?? 'root'}', so the container runs as root: create an unprivileged user and switch to it (USER app or USER 10001)`;
  }
  const text = 'No USER instruction: the container runs as root. Create an unprivileged user and add USER app (or USER 10001) at the end of the final stage';
  if (!why) {
    return text;
  }
  return why === 'tool'
    ? `${text} (an image with an ENTRYPOINT and no EXPOSE looks like a command-line tool, which often runs as root on purpose)`
    : `${text} (${why.dev} looks like a development image, where root is often on purpose)`;
}

/** Base images whose default user is not root. */
function nonRootBase(image: string): boolean {
  const ref = parseImageRef(image);
  const repo = `${ref.registry ?? ''}/${ref.repository}`.toLowerCase();
  const tag = (ref.tag ?? '').toLowerCase();
  return (
    /non-?root|rootless/.test(tag) ||
    /non-?root|unprivileged|rootless/.test(repo) ||
    (repo.startsWith('cgr.dev/chainguard/') && !tag.includes('dev')) ||
    /(^|\/)bitnami\//.test(repo)
  );
}

function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim().toLowerCase();
  return user === 'root' || user === '0';
}

/** The container should not run as root: the final image needs a non-root USER. */
export const rule: Rule<DockerfileModel> = {
  id: 'dockerfile/run-as-root',
  meta: {
    title: 'Container runs as root',
    description: 'The final image runs as root when its last USER is root or it has no USER at all; a process escaping the application then owns the container.',
    severity: 'warning',
    kind: 'dockerfile',
    fixable: false,
    equivalents: [
      { tool: 'hadolint', id: 'DL3002' },
      { tool: 'checkov', id: 'CKV_DOCKER_3' },
      { tool: 'checkov', id: 'CKV_DOCKER_8' },
    ],
  },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final) {
      return;
    }
    const chain = ctx.model.stageChain(final);
    let lastUser: Instruction | undefined;
    for (const stage of chain) {
      const users = stage.instructions.filter((i) => i.getKeyword() === 'USER');
      if (users.length > 0) {
        lastUser = users[users.length - 1];
        break;
      }
    }
    if (lastUser) {
      const arg = lastUser.getArguments()[0];
      const value = arg?.getValue() ?? '';
      if (arg && !value.includes('$') && isRootUser(value)) {
        ctx.report({ range: arg.getRange(), message: message('root-user', value) });
      }
      return;
    }
    const root = chain[chain.length - 1];
    const base = root.image;
    // Windows containers run as ContainerUser/ContainerAdministrator, a different model
    if (!base || parseImageRef(base).dynamic || nonRootBase(base) || isWindowsImage(base)) {
      return;
    }
    const keywords = new Set(chain.flatMap((s) => s.instructions.map((i) => i.getKeyword())));
    // a WebAssembly module (FROM scratch, a .wasm entrypoint, run by a Wasm runtime such as
    // WasmEdge): it sees only what WASI grants it, and Unix users do not apply
    const wasm = chain.some((s) => s.instructions.some((i) => (i.getKeyword() === 'ENTRYPOINT' || i.getKeyword() === 'CMD') && /\.wasm["'\s\]]*$/.test(i.getRawArgumentsContent() ?? '')));
    if (wasm && base.toLowerCase() === 'scratch') {
      return;
    }
    // without CMD, ENTRYPOINT or EXPOSE the image is a base for other images (or, FROM scratch,
    // an export stage for docker build --output): the images built on it choose their user
    if (!keywords.has('CMD') && !keywords.has('ENTRYPOINT') && !keywords.has('EXPOSE')) {
      return;
    }
    // images that start as root and drop privileges in their entrypoint (gosu, su-exec, setpriv)
    const dropTools = new Set(['gosu', 'su-exec', 'setpriv', 'chpst']);
    const usesDropTool =
      runCommands(ctx.model).some(
        (c) => chain.includes(c.stage) && (dropTools.has(c.cmd.name) || (packageInstall(c.cmd)?.packages ?? []).some((p) => dropTools.has(p.word.value.split('=')[0]))),
      ) ||
      chain.some((s) => s.instructions.some((i) => (i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD') && copyArgs(i).some((a) => /(^|[/:])(gosu|su-exec)([:@/]|$)/.test(a.value))));
    if (usesDropTool) {
      return;
    }
    // the last stage of a file that builds a development image (Docker Dev Environments' `dev-envs`,
    // Tilt's Dockerfile.tilt): not sure it is what runs in production, so said at info
    // an image with an ENTRYPOINT but no EXPOSE and no HEALTHCHECK is most likely a command-line
    // tool run by hand or as a CI job container (where root is often required): said at info too
    const tool = keywords.has('ENTRYPOINT') && !keywords.has('EXPOSE') && !keywords.has('HEALTHCHECK');
    const dev = developmentImage(ctx.path, final.name);
    const why: LikelyOnPurpose | undefined = dev ? { dev } : tool ? 'tool' : undefined;
    ctx.report({ range: final.from.getImageRange() ?? final.from.getRange(), message: message('no-user', undefined, why), ...(why ? { severity: 'info' as const } : {}) });
  },
};

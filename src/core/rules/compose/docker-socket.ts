import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';

/** The message for a container runtime socket mounted into a service. */
export function message(service: string, socket: string): string {
  return `Service '${service}' mounts the container runtime socket '${socket}': whoever controls the container controls the host (read-only does not help); use a socket proxy that allows only the API calls it needs`;
}

const SOCKET = /(^|\/)(docker|podman|containerd|crio|dockershim)\.sock$|^(\/\/\.\/pipe\/|\\\\\.\\pipe\\)docker_engine$/;

/** The host path of a short-syntax volume (`src:dst[:mode]`), if it has one. */
export function shortVolumeSource(spec: string): string | undefined {
  // Windows named pipes and drive paths contain ':' themselves
  const pipe = /^(\/\/\.\/pipe\/[^:]+|\\\\\.\\pipe\\[^:]+)/.exec(spec);
  if (pipe) {
    return pipe[1];
  }
  if (spec.startsWith('${')) {
    const close = spec.indexOf('}');
    return close > 0 && spec[close + 1] === ':' ? spec.slice(0, close + 1) : undefined;
  }
  const parts = spec.split(':');
  return parts.length >= 2 ? parts[0] : undefined;
}

/** Whether a host path is a container runtime's API socket. */
export function isRuntimeSocket(path: string): boolean {
  // `${DOCKER_SOCK:-/var/run/docker.sock}`: judge the default
  const p = path.trim().replace(/^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^{}]*)\}$/, '$1').replace(/\/+$/, '');
  return SOCKET.test(p);
}

/** Mounting docker.sock (or another runtime socket) hands the host to the container. */
export const rule: Rule<YamlFile> = {
  id: 'compose/docker-socket',
  meta: {
    title: 'Container runtime socket mounted',
    description: 'A service that mounts docker.sock (or the podman/containerd socket) can start privileged containers and read every secret on the host.',
    severity: 'warning',
    kind: 'compose',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const volumes = mergedEntry(service.node, 'volumes', service.doc)?.value;
      for (const item of seqItems(volumes, service.doc)) {
        const short = str(item);
        let source: string | undefined;
        let at: unknown = item;
        if (short !== undefined) {
          source = shortVolumeSource(short);
        } else {
          const src = mergedEntry(item, 'source', service.doc);
          source = str(src?.value);
          at = src?.value;
        }
        if (source && isRuntimeSocket(source)) {
          report({ range: rangeOf(ctx.model, at), message: message(service.name, source) });
        }
      }
    }
  },
};

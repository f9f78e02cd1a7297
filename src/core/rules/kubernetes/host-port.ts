import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange } from '../../parsers/yaml';
import { describeContainer } from '../../parsers/kubernetes';
import { eq, forEachContainer } from './util';

/** The message for a container port bound on the node. */
export function message(container: string, port: number): string {
  return `The ${container} binds host port ${port}: only one such pod fits per node and it is reachable on the node address, bypassing Services. Use a Service instead`;
}

/** `hostPort` on a container port. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/host-port',
  meta: {
    title: 'Container binds a host port',
    description: 'A hostPort exposes the container on the node IP outside the Service and NetworkPolicy model, limits scheduling to one pod per node and port, and makes the port reachable from wherever the node is.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('checkov', 'CKV_K8S_26'), eq('polaris', 'hostPortSet')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      for (const p of c.ports) {
        if (p.hostPort !== undefined && p.hostPort > 0) {
          ctx.report({ range: keyRange(ctx.model, p.node, 'hostPort', r.doc), message: message(describeContainer(c), p.hostPort) });
        }
      }
    });
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num, rangeOf, str } from '../../parsers/yaml';
import { describeContainer, get } from '../../parsers/kubernetes';
import { eq, forEachContainer } from './util';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** The message for a probe aimed at a port the container does not expose. */
export function message(container: string, probe: string, port: string, named: boolean): string {
  return named
    ? `The ${probe} of the ${container} uses port '${port}', which the container does not declare: the probe always fails`
    : `The ${probe} of the ${container} checks port ${port}, but the container declares other ports: the probe probably always fails`;
}

/**
 * httpGet, tcpSocket and grpc probes must target a port of their container: a named port must be
 * declared; a number is judged only when the container declares its ports.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/probe-port-mismatch',
  meta: {
    title: 'Probe targets a port the container does not expose',
    description: 'A probe aimed at an undeclared named port, or at a number the container does not listen on, fails forever: readiness never turns green, or liveness restarts the container in a loop.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'liveness-port'), eq('kube-linter', 'readiness-port'), eq('kube-linter', 'startup-port')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      for (const probe of PROBES) {
        const p = get(c.node, probe, r.doc);
        if (p === undefined) {
          continue;
        }
        for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
          const portNode = get(get(p, handler, r.doc), 'port', r.doc);
          const port = str(portNode);
          if (port === undefined) {
            continue;
          }
          const n = num(portNode);
          if (n === undefined) {
            if (!c.ports.some((cp) => cp.name === port)) {
              ctx.report({ range: rangeOf(ctx.model, portNode), message: message(describeContainer(c), probe, port, true) });
            }
          } else if (c.ports.length > 0 && !c.ports.some((cp) => cp.containerPort === n)) {
            ctx.report({ range: rangeOf(ctx.model, portNode), message: message(describeContainer(c), probe, port, false), severity: 'warning' });
          }
        }
      }
    });
  },
};

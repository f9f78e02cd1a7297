import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, rangeOf } from '../../parsers/yaml';
import { describeContainer, get, getPair } from '../../parsers/kubernetes';
import { forEachContainer } from './util';

/** The message for identical liveness and readiness probes. */
export function message(container: string): string {
  return `The ${container} uses the same check for liveness and readiness: a slow dependency then restarts the pod instead of just taking it out of rotation. Make liveness cheaper or more tolerant`;
}

/** Canonical JSON of a probe without its timing fields, which do not change what is checked. */
function probeAction(node: unknown): string {
  const json = (node as { toJSON(): unknown }).toJSON() as Record<string, unknown>;
  const action: Record<string, unknown> = {};
  for (const key of ['httpGet', 'tcpSocket', 'exec', 'grpc', 'failureThreshold', 'timeoutSeconds', 'periodSeconds']) {
    if (key in json) {
      action[key] = json[key];
    }
  }
  return JSON.stringify(action);
}

/** Liveness and readiness probes that are the same check with the same tolerance. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/identical-probes',
  meta: {
    title: 'Liveness and readiness probes are identical',
    description: 'Readiness answers "can I take traffic?", liveness "am I stuck beyond repair?". When both run the same check with the same thresholds, any blip that should only pause traffic restarts the container, often across every replica at once.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      const liveness = get(c.node, 'livenessProbe', r.doc);
      const readiness = get(c.node, 'readinessProbe', r.doc);
      if (!isMap(liveness) || !isMap(readiness) || liveness.items.length === 0) {
        return;
      }
      // a TCP connect tests only that the process listens: it cannot wait on a dependency, so the
      // same check for both is harmless
      if (get(liveness, 'tcpSocket', r.doc) !== undefined) {
        return;
      }
      if (probeAction(liveness) === probeAction(readiness)) {
        const pair = getPair(c.node, 'livenessProbe', r.doc);
        ctx.report({ range: rangeOf(ctx.model, pair?.key ?? liveness), message: message(describeContainer(c)) });
      }
    });
  },
};

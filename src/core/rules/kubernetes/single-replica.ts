import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, num } from '../../parsers/yaml';
import { describe, get, REPLICATED_KINDS } from '../../parsers/kubernetes';
import { eq, k8s } from './util';

/** The message for a workload with one replica. */
export function message(resource: string): string {
  return `${resource} runs a single replica: every rollout, node drain or crash is an outage. Run at least 2 (and add a PodDisruptionBudget)`;
}

/**
 * `replicas: 1` on a replicated workload. A missing `replicas` is not reported: it is usually
 * owned by a HorizontalPodAutoscaler or an overlay. `replicas: 0` is a deliberate scale-down.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/single-replica',
  meta: {
    title: 'Workload runs a single replica',
    description: 'A single replica cannot survive a node drain, a crash or a rolling update without downtime.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'minimum-three-replicas'), eq('polaris', 'deploymentMissingReplicas')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (!REPLICATED_KINDS.has(r.kind)) {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      if (num(get(spec, 'replicas', r.doc)) === 1) {
        ctx.report({ range: keyRange(ctx.model, spec, 'replicas', r.doc), message: message(describe(r)) });
      }
    }
  },
};

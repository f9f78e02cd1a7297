import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num, rangeOf, str } from '../../parsers/yaml';
import { describe, get, readSelector, REPLICATED_KINDS, selectorMatches } from '../../parsers/kubernetes';
import { k8s, sameNamespace } from './util';

/** The message for a PodDisruptionBudget that allows no eviction. */
export function message(resource: string, why: string): string {
  return `${resource} allows no voluntary eviction (${why}): node drains and cluster upgrades hang until someone deletes it. Allow at least one pod to be disrupted`;
}

/**
 * A PodDisruptionBudget with `maxUnavailable: 0` (or 0%), `minAvailable: 100%`, or a
 * `minAvailable` at least the replica count of a workload it selects in the same file.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/pdb-blocks-eviction',
  meta: {
    title: 'PodDisruptionBudget blocks every eviction',
    description: 'A PDB that never allows a disruption makes `kubectl drain`, node upgrades and the cluster autoscaler wait forever, so maintenance stalls or operators force-delete pods - the opposite of what the budget was for.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [{ tool: 'polaris', id: 'pdbDisruptionsIsZero' }, { tool: 'kube-linter', id: 'pdb-max-unavailable' }, { tool: 'kube-linter', id: 'pdb-min-available' }],
  },
  check(ctx) {
    const resources = k8s(ctx.model).resources;
    for (const r of resources) {
      if (r.kind !== 'PodDisruptionBudget') {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      const maxNode = get(spec, 'maxUnavailable', r.doc);
      const minNode = get(spec, 'minAvailable', r.doc);
      const max = str(maxNode);
      const min = str(minNode);
      if (max !== undefined && /^0%?$/.test(max.trim())) {
        ctx.report({ range: rangeOf(ctx.model, maxNode), message: message(describe(r), `maxUnavailable: ${max}`) });
        continue;
      }
      if (min === undefined) {
        continue;
      }
      if (min.trim() === '100%') {
        ctx.report({ range: rangeOf(ctx.model, minNode), message: message(describe(r), 'minAvailable: 100%') });
        continue;
      }
      const minCount = num(minNode);
      const selector = readSelector(get(spec, 'selector', r.doc), r.doc, 'set');
      if (minCount === undefined || !selector) {
        continue;
      }
      const target = resources.find((w) => REPLICATED_KINDS.has(w.kind) && w.pod && sameNamespace(w, r) && selectorMatches(selector, w.pod.labels));
      const replicas = target ? num(get(get(target.node, 'spec', target.doc), 'replicas', target.doc)) : undefined;
      if (target && replicas !== undefined && minCount >= replicas) {
        ctx.report({ range: rangeOf(ctx.model, minNode), message: message(describe(r), `minAvailable ${minCount} with ${replicas} replicas of ${describe(target)}`) });
      }
    }
  },
};

import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num } from '../../parsers/yaml';
import { get, readSelector, REPLICATED_KINDS, selectorMatches } from '../../parsers/kubernetes';
import { eq, sameNamespace } from './util';
import { describe, hpaFor, indexFolder, relatedTo, replicasOf } from './folder';

/** The message for a multi-replica workload without a PodDisruptionBudget. */
export function message(resource: string): string {
  return `${resource} runs several replicas but no PodDisruptionBudget in this folder covers its pods: a node drain may evict them all at once. Add a PDB with minAvailable or maxUnavailable`;
}

/**
 * Replicated workloads with 2+ replicas (or scaled by an HPA above 1) need a PodDisruptionBudget
 * selecting their pods, looked up among the files of the same folder.
 */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/missing-pod-disruption-budget',
  meta: {
    title: 'No PodDisruptionBudget for a replicated workload',
    description: 'Voluntary disruptions (node drains, cluster upgrades, autoscaler scale-down) only respect PodDisruptionBudgets. Without one, every replica can be evicted at the same moment.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('polaris', 'missingPodDisruptionBudget')],
  },
  checkFolder(ctx) {
    const index = indexFolder(ctx.files);
    const pdbs = index.all.filter((l) => l.resource.kind === 'PodDisruptionBudget');
    for (const l of index.pods) {
      const r = l.resource;
      if (!REPLICATED_KINDS.has(r.kind) || !r.pod || r.pod.partial) {
        continue;
      }
      const replicas = replicasOf(r);
      const hpa = hpaFor(index, r);
      const hpaMax = hpa ? num(get(get(hpa.resource.node, 'spec', hpa.resource.doc), 'maxReplicas', hpa.resource.doc)) : undefined;
      const multi = (replicas !== undefined && replicas >= 2) || (hpaMax !== undefined && hpaMax >= 2);
      if (!multi) {
        continue;
      }
      const labels = r.pod.labels;
      const covered = pdbs.some((p) => {
        const selector = readSelector(get(get(p.resource.node, 'spec', p.resource.doc), 'selector', p.resource.doc), p.resource.doc, 'set');
        return selector !== undefined && sameNamespace(p.resource, r) && selectorMatches(selector, labels);
      });
      if (!covered) {
        ctx.report(l.file.path, { range: r.header, message: message(describe(r)), related: hpa ? [relatedTo(hpa, 'scaled by this HorizontalPodAutoscaler')] : undefined });
      }
    }
  },
};

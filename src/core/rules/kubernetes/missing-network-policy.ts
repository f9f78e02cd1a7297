import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, readSelector, selectorMatches } from '../../parsers/kubernetes';
import { eq, sameNamespace } from './util';
import { describe, indexFolder } from './folder';

/** Policy kinds of CNI plugins that we cannot evaluate: their presence counts as coverage. */
const OTHER_POLICIES = new Set(['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AuthorizationPolicy']);

/** The message for pods no NetworkPolicy selects. */
export function message(resource: string): string {
  return `No NetworkPolicy in this folder selects the pods of ${resource}: they accept traffic from every pod in the cluster. Add a policy that allows only the expected callers`;
}

/** Long-running workloads whose pods no NetworkPolicy of the folder selects. */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/missing-network-policy',
  meta: {
    title: 'No NetworkPolicy selects the workload',
    description: 'Pods that no NetworkPolicy selects accept connections from any pod of any namespace. A compromised pod anywhere in the cluster can then reach them directly.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('polaris', 'missingNetworkPolicy')],
  },
  checkFolder(ctx) {
    const index = indexFolder(ctx.files);
    if (index.all.some((l) => OTHER_POLICIES.has(l.resource.kind))) {
      return;
    }
    const policies = index.all.filter((l) => l.resource.kind === 'NetworkPolicy');
    for (const l of index.pods) {
      const r = l.resource;
      if (!r.pod || r.pod.partial || r.pod.runsToCompletion || r.kind === 'Pod' || r.kind === 'PodTemplate') {
        continue;
      }
      const labels = r.pod.labels;
      const covered = policies.some((p) => {
        const selector = readSelector(get(get(p.resource.node, 'spec', p.resource.doc), 'podSelector', p.resource.doc), p.resource.doc, 'set');
        return selector !== undefined && sameNamespace(p.resource, r) && selectorMatches(selector, labels);
      });
      if (!covered) {
        ctx.report(l.file.path, { range: r.header, message: message(describe(r)) });
      }
    }
  },
};

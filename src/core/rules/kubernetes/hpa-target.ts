import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, rangeOf, seqItems, str } from '../../parsers/yaml';
import { describe as describeResource, get, getPair } from '../../parsers/kubernetes';
import { hasResource } from './resources';
import { eq } from './util';
import { describe, find, indexFolder, relatedTo } from './folder';

/** The message for an HPA whose target is missing or cannot be measured. */
export function message(resource: string, target: string, problem: 'missing' | 'cpu' | 'memory'): string {
  if (problem === 'missing') {
    return `${resource} scales ${target}, which is not found among the files analysed in this folder: check scaleTargetRef if it is not defined elsewhere`;
  }
  return `${resource} scales ${target} on ${problem} utilisation, but its containers set no ${problem} request: utilisation cannot be computed and the HPA never scales`;
}

/** Utilisation metrics (cpu/memory) of an HPA, with the node to report at. */
function utilisationMetrics(spec: unknown, doc: import('yaml').Document): { resource: 'cpu' | 'memory'; node: unknown }[] {
  const out: { resource: 'cpu' | 'memory'; node: unknown }[] = [];
  if (getPair(spec, 'targetCPUUtilizationPercentage', doc)) {
    out.push({ resource: 'cpu', node: getPair(spec, 'targetCPUUtilizationPercentage', doc)?.key });
  }
  for (const m of seqItems(get(spec, 'metrics', doc), doc)) {
    const res = get(m, 'resource', doc);
    const nameNode = get(res, 'name', doc);
    const name = str(nameNode);
    const utilisation = str(get(get(res, 'target', doc), 'type', doc)) === 'Utilization' || getPair(res, 'targetAverageUtilization', doc) !== undefined;
    if ((name === 'cpu' || name === 'memory') && utilisation) {
      out.push({ resource: name, node: nameNode });
    }
  }
  return out;
}

/**
 * A HorizontalPodAutoscaler must target a workload defined in the folder (when the folder
 * defines workloads), and utilisation metrics need the matching requests on its containers.
 */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/hpa-target',
  meta: {
    title: 'HPA targets a missing or unmeasurable workload',
    description: 'An HPA whose scaleTargetRef names no existing workload does nothing, and one scaling on CPU or memory utilisation needs requests on every container of the target, otherwise the metric is unknown and no scaling happens.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'dangling-horizontalpodautoscaler')],
  },
  checkFolder(ctx) {
    const index = indexFolder(ctx.files);
    for (const l of index.all) {
      const r = l.resource;
      if (r.kind !== 'HorizontalPodAutoscaler') {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      const ref = get(spec, 'scaleTargetRef', r.doc);
      const kind = str(get(ref, 'kind', r.doc));
      const nameNode = get(ref, 'name', r.doc);
      const name = str(nameNode);
      if (!kind || !name) {
        continue;
      }
      const target = `${kind} '${name}'`;
      const targets = find(index, r, kind, name);
      if (targets.length === 0) {
        // a target in another folder, a template or an oversized file is out of sight: say so, as a warning
        if (index.pods.length > 0 && (ctx.unanalysed?.length ?? 0) === 0) {
          ctx.report(l.file.path, { range: rangeOf(l.file.model, nameNode), message: message(describeResource(r), target, 'missing'), severity: 'warning' });
        }
        continue;
      }
      const t = targets[0];
      const containers = (t.resource.pod?.containers ?? []).filter((c) => c.group === 'containers');
      for (const metric of utilisationMetrics(spec, r.doc)) {
        if (containers.some((c) => !hasResource(c, t.resource.doc, { section: 'requests', resource: metric.resource }))) {
          ctx.report(l.file.path, {
            range: metric.node ? rangeOf(l.file.model, metric.node) : keyRange(l.file.model, r.node, 'spec', r.doc),
            message: message(describe(r), target, metric.resource),
            related: [relatedTo(t, `${describe(t.resource)} is defined here`)],
          });
        }
      }
    }
  },
};

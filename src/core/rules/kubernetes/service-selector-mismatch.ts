import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, str } from '../../parsers/yaml';
import { get, readSelector, selectorIsEmpty, selectorMatches } from '../../parsers/kubernetes';
import { eq, sameNamespace } from './util';
import { describe, indexFolder, mayCreatePods, relatedTo } from './folder';

/** The message for a Service that selects no pods. */
export function message(resource: string, selector: string): string {
  return `${resource} selects ${selector}, but no pod template in this folder has those labels: the Service has no endpoints and every request fails`;
}

/** Service selectors must match the pod template of some workload in the same folder. */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/service-selector-mismatch',
  meta: {
    title: 'Service selects no pods',
    description: 'A Service routes to the pods whose labels match its selector. A typo in either side leaves the Service without endpoints; nothing fails at apply time, only requests do. Checked across the manifests of a folder when it defines workloads (and no custom resource that an operator turns into pods).',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'dangling-service')],
  },
  checkFolder(ctx) {
    const index = indexFolder(ctx.files);
    for (const l of index.all) {
      const r = l.resource;
      if (r.kind !== 'Service') {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      if (str(get(spec, 'type', r.doc)) === 'ExternalName') {
        continue;
      }
      const selector = readSelector(get(spec, 'selector', r.doc), r.doc, 'map');
      if (!selector || selectorIsEmpty(selector)) {
        continue;
      }
      const candidates = index.pods.filter((p) => sameNamespace(p.resource, r) && !p.resource.pod?.partial);
      // pods made by operators from custom resources have labels no manifest here shows
      if (candidates.length === 0 || index.all.some((o) => mayCreatePods(o.resource) && sameNamespace(o.resource, r))) {
        continue;
      }
      if (candidates.some((p) => p.resource.pod && selectorMatches(selector, p.resource.pod.labels))) {
        continue;
      }
      const text = [...selector.matchLabels].map(([k, v]) => `${k}=${v}`).join(',');
      ctx.report(l.file.path, {
        range: keyRange(l.file.model, spec, 'selector', r.doc),
        message: message(describe(r), text),
        related: candidates.slice(0, 3).map((p) => relatedTo(p, `${describe(p.resource)} pod labels: ${[...(p.resource.pod?.labels ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join(',') || 'none'}`)),
      });
    }
  },
};

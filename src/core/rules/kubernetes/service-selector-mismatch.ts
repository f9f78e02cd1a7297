import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, str } from '../../parsers/yaml';
import { get, readSelector, selectorIsEmpty, selectorMatches } from '../../parsers/kubernetes';
import type { LabelSelector } from '../../parsers/kubernetes';
import { eq, sameNamespace } from './util';
import { describe, indexFolder, mayCreatePods, relatedTo } from './folder';

/** The message for a Service that selects no pods. */
export function message(resource: string, selector: string): string {
  return `${resource} selects ${selector}: a pod template with those labels is not found among the files analysed in this folder; unless pods defined elsewhere carry them, the Service has no endpoints`;
}

/**
 * Labels that controllers put on the pods they create, which no pod template shows: the
 * StatefulSet pod name and index, the revision hashes, the Job's name and uid. A selector on them
 * is matched on the rest.
 */
const CONTROLLER_LABELS = /^(statefulset\.kubernetes\.io\/pod-name|apps\.kubernetes\.io\/pod-index|controller-revision-hash|pod-template-hash|pod-template-generation|(batch\.kubernetes\.io\/)?(job-name|controller-uid|job-completion-index))$/;

/** The selector without the labels only controllers add (undefined when nothing else is left). */
function withoutControllerLabels(selector: LabelSelector): LabelSelector | undefined {
  const matchLabels = new Map([...selector.matchLabels].filter(([k]) => !CONTROLLER_LABELS.test(k)));
  const expressions = selector.expressions.filter((e) => !CONTROLLER_LABELS.test(e.key));
  if (matchLabels.size === 0 && expressions.length === 0) {
    return undefined;
  }
  return { ...selector, matchLabels, expressions };
}

/** Service selectors must match the pod template of some workload in the same folder. */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/service-selector-mismatch',
  meta: {
    title: 'Service selects no pods',
    description: 'A Service routes to the pods whose labels match its selector. A typo in either side leaves the Service without endpoints; nothing fails at apply time, only requests do. Checked across the manifests of a folder when it defines workloads (and no custom resource that an operator turns into pods, and no file of the folder was left unanalysed); labels controllers add at run time are ignored.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'dangling-service')],
  },
  checkFolder(ctx) {
    // a template or an oversized file of the folder may define the pods
    if ((ctx.unanalysed?.length ?? 0) > 0) {
      return;
    }
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
      const written = readSelector(get(spec, 'selector', r.doc), r.doc, 'map');
      const selector = written && !selectorIsEmpty(written) ? withoutControllerLabels(written) : undefined;
      if (!written || !selector) {
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
      const text = [...written.matchLabels].map(([k, v]) => `${k}=${v}`).join(',');
      ctx.report(l.file.path, {
        range: keyRange(l.file.model, spec, 'selector', r.doc),
        message: message(describe(r), text),
        related: candidates.slice(0, 3).map((p) => relatedTo(p, `${describe(p.resource)} pod labels: ${[...(p.resource.pod?.labels ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join(',') || 'none'}`)),
      });
    }
  },
};

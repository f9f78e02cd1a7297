import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { get } from '../../parsers/kubernetes';
import type { K8sResource } from '../../parsers/kubernetes';
import { eq } from './util';
import { describe, find, indexFolder, relatedTo } from './folder';

/** The message for an Ingress backend naming a Service that is not defined. */
export function message(resource: string, service: string): string {
  return `${resource} routes to Service '${service}', which is not found among the files analysed in this folder: if it is not defined elsewhere, requests get 503. Check the name`;
}

/** Service name nodes of every backend of an Ingress (networking.k8s.io/v1 and the old v1beta1 form). */
export function backendNames(r: K8sResource): unknown[] {
  const spec = get(r.node, 'spec', r.doc);
  const backends: unknown[] = [get(spec, 'defaultBackend', r.doc), get(spec, 'backend', r.doc)];
  for (const rule of seqItems(get(spec, 'rules', r.doc), r.doc)) {
    for (const path of seqItems(get(get(rule, 'http', r.doc), 'paths', r.doc), r.doc)) {
      backends.push(get(path, 'backend', r.doc));
    }
  }
  const out: unknown[] = [];
  for (const b of backends) {
    const name = get(get(b, 'service', r.doc), 'name', r.doc) ?? get(b, 'serviceName', r.doc);
    if (str(name)) {
      out.push(name);
    }
  }
  return out;
}

/** Ingress backends must name a Service defined in the same folder (when the folder defines Services). */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/ingress-missing-service',
  meta: {
    title: 'Ingress routes to a missing Service',
    description: 'An Ingress backend naming a Service that does not exist is accepted by the API, but the controller answers 503 for that route. Checked across the manifests of a folder when it defines Services.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'dangling-ingress')],
  },
  checkFolder(ctx) {
    // a template or an oversized file of the folder may define the Service
    if ((ctx.unanalysed?.length ?? 0) > 0) {
      return;
    }
    const index = indexFolder(ctx.files);
    for (const l of index.all) {
      const r = l.resource;
      if (r.kind !== 'Ingress') {
        continue;
      }
      const services = find(index, r, 'Service');
      if (services.length === 0) {
        continue;
      }
      for (const nameNode of backendNames(r)) {
        const name = str(nameNode) ?? '';
        if (!services.some((s) => s.resource.name === name)) {
          ctx.report(l.file.path, {
            range: rangeOf(l.file.model, nameNode),
            message: message(describe(r), name),
            related: services.slice(0, 3).map((s) => relatedTo(s, `${describe(s.resource)} is defined here`)),
          });
        }
      }
    }
  },
};

import type { FolderRule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num, rangeOf, seqItems, str } from '../../parsers/yaml';
import { get, readSelector, selectorIsEmpty, selectorMatches } from '../../parsers/kubernetes';
import { eq, sameNamespace } from './util';
import { describe, indexFolder, relatedTo } from './folder';

/** The message for a Service port that no selected container exposes. */
export function message(resource: string, target: string, named: boolean): string {
  return named
    ? `${resource} targets the named port '${target}', but no container of the selected pods declares a port with that name: connections fail`
    : `${resource} targets port ${target}, but the selected containers declare other ports: check the targetPort (declaring ports is optional, so this fails only if nothing listens there)`;
}

/**
 * Each Service port's targetPort (the port itself when unset) must be a port of the containers
 * the Service selects. Named ports must exist; numbers are only judged when the selected
 * containers declare their ports.
 */
export const rule: FolderRule<YamlFile> = {
  id: 'kubernetes/service-target-port',
  meta: {
    title: 'Service targets a port the pods do not expose',
    description: 'A Service forwards to targetPort on the selected pods. A named targetPort that no container declares, or a number that differs from every declared containerPort, sends traffic nowhere.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'target-port')],
  },
  checkFolder(ctx) {
    const index = indexFolder(ctx.files);
    for (const l of index.all) {
      const r = l.resource;
      if (r.kind !== 'Service') {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      const selector = readSelector(get(spec, 'selector', r.doc), r.doc, 'map');
      if (!selector || selectorIsEmpty(selector)) {
        continue;
      }
      const matched = index.pods.filter((p) => p.resource.pod && sameNamespace(p.resource, r) && selectorMatches(selector, p.resource.pod.labels));
      if (matched.length === 0) {
        continue;
      }
      const containers = matched.flatMap((p) => (p.resource.pod?.containers ?? []).filter((c) => c.group === 'containers'));
      const ports = containers.flatMap((c) => c.ports);
      for (const item of seqItems(get(spec, 'ports', r.doc), r.doc)) {
        const targetNode = get(item, 'targetPort', r.doc) ?? get(item, 'port', r.doc);
        const target = str(targetNode);
        if (target === undefined) {
          continue;
        }
        const n = num(targetNode);
        if (n === undefined) {
          if (!ports.some((p) => p.name === target)) {
            ctx.report(l.file.path, { range: rangeOf(l.file.model, targetNode), message: message(describe(r), target, true), related: [relatedTo(matched[0], `selected pods of ${describe(matched[0].resource)}`)] });
          }
        } else if (ports.length > 0 && !ports.some((p) => p.containerPort === n)) {
          // containerPort is informational: a process may listen on a port it does not declare
          ctx.report(l.file.path, { severity: 'warning', range: rangeOf(l.file.model, targetNode), message: message(describe(r), target, false), related: [relatedTo(matched[0], `selected pods of ${describe(matched[0].resource)}`)] });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange } from '../../parsers/yaml';
import { describe, flag, get, getPair, readSelector, selectorIsEmpty, selectorMatches } from '../../parsers/kubernetes';
import { eq, k8s } from './util';

/** Kinds whose selector must match their own pod template. */
const SELECTING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'Job']);

/** The message for a selector that does not select the workload's own pods. */
export function message(resource: string, how: 'mismatch' | 'missing' | 'empty'): string {
  if (how === 'missing') {
    return `${resource} has no spec.selector, which apps/v1 requires: add matchLabels equal to the pod template labels`;
  }
  if (how === 'empty') {
    return `${resource} has an empty selector: set matchLabels equal to the pod template labels`;
  }
  return `${resource} selector does not match its pod template labels: the API rejects it (or, for old versions, the controller never sees its pods)`;
}

/** Files kustomize users name for strategic-merge patches (`deployment-patch.yaml`, `patches/…`). */
const PATCH_PATH = /(^|[/._-])patch(es)?([/._-]|$)/i;

/** A workload's `spec.selector` must select its own `spec.template.metadata.labels`. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/selector-template-mismatch',
  meta: {
    title: 'Selector does not match the pod template',
    description: 'A controller owns the pods its selector matches. If the selector does not match the template labels, the apply is rejected, or the controller keeps creating pods it never counts.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'mismatching-selector')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (!SELECTING.has(r.kind) || !r.pod?.template) {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      // Jobs generate their selector unless manualSelector is set
      if (r.kind === 'Job' && flag(get(spec, 'manualSelector', r.doc)) !== true) {
        continue;
      }
      const selectorPair = getPair(spec, 'selector', r.doc);
      if (!selectorPair) {
        // a patch leaves the selector to the object it is merged into
        if (r.apiVersion === 'apps/v1' && !r.pod.partial && !PATCH_PATH.test(ctx.path.replace(/\\/g, '/'))) {
          ctx.report({ range: r.header, message: message(describe(r), 'missing') });
        }
        continue;
      }
      const form = r.kind === 'ReplicationController' ? 'map' : 'set';
      const selector = readSelector(get(spec, 'selector', r.doc), r.doc, form);
      if (!selector) {
        continue;
      }
      const range = keyRange(ctx.model, spec, 'selector', r.doc);
      if (selectorIsEmpty(selector)) {
        ctx.report({ range, message: message(describe(r), 'empty') });
      } else if (!selectorMatches(selector, r.pod.labels)) {
        ctx.report({ range, message: message(describe(r), 'mismatch') });
      }
    }
  },
};

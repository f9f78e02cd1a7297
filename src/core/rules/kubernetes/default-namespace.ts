import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { eq, k8s } from './util';

/** The message for an object placed in the default namespace. */
export function message(resource: string): string {
  return `${resource} is placed in the default namespace: quotas, RBAC and NetworkPolicies are hard to scope there. Use a namespace per application or team`;
}

/**
 * An explicit `namespace: default`. A missing namespace is not reported: the namespace is then
 * chosen at deploy time (`kubectl -n`, kustomize `namespace:`, Argo CD / Flux destinations).
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/default-namespace',
  meta: {
    title: 'Object is in the default namespace',
    description: 'The default namespace is shared by everything that forgot to pick one. Workloads there get no dedicated quota, RBAC or network isolation.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('checkov', 'CKV_K8S_21'), eq('kube-linter', 'use-namespace')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (r.namespace === 'default') {
        ctx.report({ range: rangeOf(ctx.model, get(r.metadata, 'namespace', r.doc)), message: message(describe(r)) });
      }
    }
  },
};

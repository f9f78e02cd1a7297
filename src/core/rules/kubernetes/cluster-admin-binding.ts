import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { eq, k8s } from './util';

/** The message for a binding to cluster-admin. */
export function message(resource: string): string {
  return `${resource} grants cluster-admin: its subjects can do anything in every namespace, including reading all secrets. Bind a role with only the permissions needed`;
}

/** A RoleBinding or ClusterRoleBinding whose roleRef is the cluster-admin ClusterRole. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/cluster-admin-binding',
  meta: {
    title: 'Binding grants cluster-admin',
    description: 'cluster-admin is the superuser role. Binding it to a service account, user or group makes any compromise of that subject a compromise of the whole cluster.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'cluster-admin-role-binding'), eq('polaris', 'clusterrolebindingClusterAdmin')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (r.kind !== 'ClusterRoleBinding' && r.kind !== 'RoleBinding') {
        continue;
      }
      const roleRef = get(r.node, 'roleRef', r.doc);
      const nameNode = get(roleRef, 'name', r.doc);
      if (str(nameNode) === 'cluster-admin' && (str(get(roleRef, 'kind', r.doc)) ?? 'ClusterRole') === 'ClusterRole') {
        ctx.report({ range: rangeOf(ctx.model, nameNode), message: message(describe(r)) });
      }
    }
  },
};

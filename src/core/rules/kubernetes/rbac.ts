import type { YamlFile } from '../../parsers/yaml';
import { seqItems, str } from '../../parsers/yaml';
import { get } from '../../parsers/kubernetes';
import type { K8sResource } from '../../parsers/kubernetes';
import { k8s } from './util';

/** One scalar item of an RBAC rule list, with its node for ranges. */
export interface RbacItem {
  value: string;
  node: unknown;
}

/** One entry of `rules:` in a Role or ClusterRole. */
export interface PolicyRule {
  node: unknown;
  apiGroups: RbacItem[];
  resources: RbacItem[];
  verbs: RbacItem[];
  resourceNames: RbacItem[];
  nonResourceURLs: RbacItem[];
}

function items(node: unknown, r: K8sResource): RbacItem[] {
  return seqItems(node, r.doc)
    .map((n) => ({ value: str(n) ?? '', node: n }))
    .filter((i) => i.value !== '');
}

/** Call `fn` for every rule of every Role and ClusterRole. */
export function forEachPolicyRule(file: YamlFile, fn: (r: K8sResource, rule: PolicyRule) => void): void {
  for (const r of k8s(file).resources) {
    if ((r.kind !== 'Role' && r.kind !== 'ClusterRole') || !r.apiVersion.startsWith('rbac.authorization.k8s.io/')) {
      continue;
    }
    for (const node of seqItems(get(r.node, 'rules', r.doc), r.doc)) {
      fn(r, {
        node,
        apiGroups: items(get(node, 'apiGroups', r.doc), r),
        resources: items(get(node, 'resources', r.doc), r),
        verbs: items(get(node, 'verbs', r.doc), r),
        resourceNames: items(get(node, 'resourceNames', r.doc), r),
        nonResourceURLs: items(get(node, 'nonResourceURLs', r.doc), r),
      });
    }
  }
}

/** Whether the rule applies to the core API group (where pods and secrets live). */
export function coversCoreGroup(rule: PolicyRule): boolean {
  return rule.apiGroups.length === 0 || rule.apiGroups.some((g) => g.value === '' || g.value === '*');
}

/** Whether the rule grants one of the verbs (a `*` verb grants them all). */
export function grants(rule: PolicyRule, verbs: readonly string[]): boolean {
  return rule.verbs.some((v) => v.value === '*' || verbs.includes(v.value));
}

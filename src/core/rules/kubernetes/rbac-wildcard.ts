import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describe } from '../../parsers/kubernetes';
import { eq } from './util';
import { forEachPolicyRule } from './rbac';

/** The message for a wildcard in a role. */
export function message(resource: string, field: 'verbs' | 'resources' | 'apiGroups'): string {
  return `${resource} grants '*' in ${field}: it silently covers every present and future ${field === 'verbs' ? 'verb (including escalate, bind and impersonate)' : field === 'resources' ? 'resource, including secrets' : 'API group'}. List exactly what is needed`;
}

/** `*` in verbs, resources or apiGroups of a Role or ClusterRole rule. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/rbac-wildcard',
  meta: {
    title: 'Role uses a wildcard',
    description: 'A `*` in an RBAC rule grants every verb, resource or API group, including ones added later by CRDs and upgrades: the role quietly becomes far more powerful than intended.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'wildcard-in-rules'), eq('checkov', 'CKV_K8S_49')],
  },
  check(ctx) {
    forEachPolicyRule(ctx.model, (r, rule) => {
      for (const field of ['verbs', 'resources', 'apiGroups'] as const) {
        for (const item of rule[field]) {
          if (item.value === '*') {
            ctx.report({ range: rangeOf(ctx.model, item.node), message: message(describe(r), field) });
          }
        }
      }
    });
  },
};

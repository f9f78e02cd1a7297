import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describe } from '../../parsers/kubernetes';
import { eq } from './util';
import { coversCoreGroup, forEachPolicyRule, grants } from './rbac';

/** The message for read access to secrets. */
export function message(resource: string): string {
  return `${resource} can read secrets: it exposes every credential in its scope. Use resourceNames to name the few it needs, or mount them instead`;
}

/**
 * get/list/watch on `secrets` in the core group. A rule limited by resourceNames that only
 * grants get is least privilege and not reported (list and watch ignore resourceNames).
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/rbac-secrets-access',
  meta: {
    title: 'Role can read secrets',
    description: 'Read access to secrets is read access to every password, token and key stored in them, including service account tokens of more privileged workloads. Whether a Role needs it depends on what runs under it (operators, GitOps controllers, certificate and secret managers do), which only a reviewer can judge (the CIS Kubernetes Benchmark marks this control manual), so it is said at info.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'access-to-secrets')],
  },
  check(ctx) {
    forEachPolicyRule(ctx.model, (r, rule) => {
      if (!coversCoreGroup(rule) || !grants(rule, ['get', 'list', 'watch'])) {
        return;
      }
      if (rule.resourceNames.length > 0 && !grants(rule, ['list', 'watch'])) {
        return;
      }
      for (const item of rule.resources) {
        if (item.value === 'secrets') {
          ctx.report({ range: rangeOf(ctx.model, item.node), message: message(describe(r)) });
        }
      }
    });
  },
};

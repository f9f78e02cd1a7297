import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describe } from '../../parsers/kubernetes';
import { eq } from './util';
import { coversCoreGroup, forEachPolicyRule, grants } from './rbac';

const SUBRESOURCES = new Set(['pods/exec', 'pods/attach', 'pods/portforward', 'pods/*']);

/** The message for exec/attach access. */
export function message(resource: string, sub: string): string {
  return `${resource} grants ${sub}: its holders can run commands in any pod in scope and read that pod's secrets and tokens. Remove it or scope it to a namespace without sensitive workloads`;
}

/** create/get on pods/exec, pods/attach or pods/portforward. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/rbac-pod-exec',
  meta: {
    title: 'Role can exec into pods',
    description: 'pods/exec and pods/attach let a subject run commands inside running containers: it inherits their service account tokens, mounted secrets and network position.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('polaris', 'clusterrolePodExecAttach'), eq('polaris', 'rolePodExecAttach')],
  },
  check(ctx) {
    forEachPolicyRule(ctx.model, (r, rule) => {
      if (!coversCoreGroup(rule) || !grants(rule, ['create', 'get'])) {
        return;
      }
      for (const item of rule.resources) {
        if (SUBRESOURCES.has(item.value)) {
          ctx.report({ range: rangeOf(ctx.model, item.node), message: message(describe(r), item.value) });
        }
      }
    });
  },
};

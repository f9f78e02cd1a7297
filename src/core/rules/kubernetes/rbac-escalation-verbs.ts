import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { describe } from '../../parsers/kubernetes';
import { forEachPolicyRule } from './rbac';

const VERBS = new Set(['escalate', 'bind', 'impersonate']);

/** The message for a verb that escalates privileges. */
export function message(resource: string, verb: string): string {
  const why =
    verb === 'impersonate'
      ? 'its holders can act as any user, group or service account in scope'
      : verb === 'bind'
        ? 'its holders can bind any role to themselves'
        : 'its holders can grant themselves permissions they do not have';
  return `${resource} grants '${verb}': ${why}. Remove it unless this is an RBAC management component`;
}

/** The escalate, bind and impersonate verbs. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/rbac-escalation-verbs',
  meta: {
    title: 'Role can escalate privileges',
    description: 'RBAC normally stops a subject from granting more than it holds. The escalate and bind verbs lift that check and impersonate lets a subject act as someone else: each is a path to cluster-admin.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
  },
  check(ctx) {
    forEachPolicyRule(ctx.model, (r, rule) => {
      for (const item of rule.verbs) {
        if (VERBS.has(item.value)) {
          ctx.report({ range: rangeOf(ctx.model, item.node), message: message(describe(r), item.value) });
        }
      }
    });
  },
};

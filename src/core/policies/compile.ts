import type { AnyRule, Rule, RuleMeta } from '../rule';
import { kubernetesPolicyRule } from './kubernetes';
import { terraformPolicyRule } from './terraform';
import { composePolicyRule } from './compose';
import { checkedOnPulumi, pulumiPolicyRule } from './pulumi';
import type { Policy } from './types';

/** The catalog metadata of a policy. */
export function policyMeta(policy: Policy): RuleMeta {
  return {
    title: policy.title,
    description: policy.description,
    severity: policy.severity,
    kind: policy.subject.kind,
    fixable: policy.fix !== undefined,
    equivalents: policy.equivalents ?? [],
  };
}

/** A policy as an ordinary rule of its kind's pack. */
export function compilePolicy(policy: Policy): AnyRule {
  const meta = policyMeta(policy);
  switch (policy.subject.kind) {
    case 'terraform': {
      const rule = terraformPolicyRule(policy, meta);
      // resource policies also run on the resources of Pulumi YAML programs, under the same id
      const s = policy.subject;
      return 'resources' in s && checkedOnPulumi(s.resources) ? { ...rule, companions: [pulumiPolicyRule(policy, meta) as Rule<never>] } : rule;
    }
    case 'kubernetes':
      return kubernetesPolicyRule(policy, meta) as AnyRule;
    default:
      return composePolicyRule(policy, meta) as AnyRule;
  }
}

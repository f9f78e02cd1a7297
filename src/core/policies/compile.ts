import type { AnyRule, RuleMeta } from '../rule';
import { kubernetesPolicyRule } from './kubernetes';
import { terraformPolicyRule } from './terraform';
import { composePolicyRule } from './compose';
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
    case 'terraform':
      return terraformPolicyRule(policy, meta);
    case 'kubernetes':
      return kubernetesPolicyRule(policy, meta) as AnyRule;
    default:
      return composePolicyRule(policy, meta) as AnyRule;
  }
}

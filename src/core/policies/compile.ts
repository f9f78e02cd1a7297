import type { AnyRule, RuleMeta } from '../rule';
import { kubernetesPolicyRule } from './kubernetes';
import { terraformPolicyRule } from './terraform';
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
  return policy.subject.kind === 'terraform' ? terraformPolicyRule(policy, meta) : (kubernetesPolicyRule(policy, meta) as AnyRule);
}

import type { AnyRule } from '../rule';
import { AWS_MODULE_POLICIES, AWS_POLICIES } from './aws';
import { AWS_SERVICE_POLICIES } from './aws-services';
import { compilePolicy } from './compile';
import { KUBERNETES_POLICIES } from './kubernetes-pss';
import { COMPOSE_POLICIES } from './compose-docker';
import type { Policy } from './types';

export type { Policy, Condition, PolicySubject, Reference, StandardId } from './types';

/** Every built-in policy: the tables of src/core/policies, by standard. */
export const POLICIES: readonly Policy[] = [...AWS_POLICIES, ...AWS_MODULE_POLICIES, ...AWS_SERVICE_POLICIES, ...KUBERNETES_POLICIES, ...COMPOSE_POLICIES];

/** The built-in policies as rules (listed in the catalog beside the hand-written ones). */
export const POLICY_RULES: readonly AnyRule[] = POLICIES.map(compilePolicy);

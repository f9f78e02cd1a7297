import type { AnyRule } from '../rule';
import { AWS_MODULE_POLICIES, AWS_POLICIES } from './aws';
import { AWS_SERVICE_POLICIES } from './aws-services';
import { compilePolicy } from './compile';
import { KUBERNETES_POLICIES } from './kubernetes-pss';
import { KUBERNETES_CIS_POLICIES } from './kubernetes-cis';
import { KUBERNETES_ACCESS_POLICIES } from './kubernetes-access';
import { COMPOSE_RUNTIME_POLICIES } from './compose-runtime';
import { COMPOSE_POLICIES } from './compose-docker';
import { GCP_POLICIES } from './gcp';
import { AZURE_POLICIES } from './azure';
import type { Policy } from './types';

export type { Policy, Condition, PolicySubject, Reference, StandardId } from './types';

/** Every built-in policy: the tables of src/core/policies, by standard. */
export const POLICIES: readonly Policy[] = [...AWS_POLICIES, ...AWS_MODULE_POLICIES, ...AWS_SERVICE_POLICIES, ...KUBERNETES_POLICIES, ...KUBERNETES_CIS_POLICIES, ...KUBERNETES_ACCESS_POLICIES, ...COMPOSE_POLICIES, ...COMPOSE_RUNTIME_POLICIES, ...GCP_POLICIES, ...AZURE_POLICIES];

/** The built-in policies as rules (listed in the catalog beside the hand-written ones). */
export const POLICY_RULES: readonly AnyRule[] = POLICIES.map(compilePolicy);

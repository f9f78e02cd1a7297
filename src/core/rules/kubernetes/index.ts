import type { AnyRule } from '../../rule';
import { isFolderRule } from '../../rule';
import { rule as imageLatestTag } from './image-latest-tag';
import { rule as imagePullPolicy } from './image-pull-policy';
import { rule as missingCpuRequest } from './missing-cpu-request';
import { rule as missingMemoryRequest } from './missing-memory-request';
import { rule as missingCpuLimit } from './missing-cpu-limit';
import { rule as missingMemoryLimit } from './missing-memory-limit';
import { rule as missingReadinessProbe } from './missing-readiness-probe';
import { rule as missingLivenessProbe } from './missing-liveness-probe';
import { rule as identicalProbes } from './identical-probes';
import { rule as runAsRoot } from './run-as-root';
import { rule as allowPrivilegeEscalation } from './allow-privilege-escalation';
import { rule as privilegedContainer } from './privileged-container';
import { rule as writableRootFilesystem } from './writable-root-filesystem';
import { rule as capabilitiesNotDropped } from './capabilities-not-dropped';
import { rule as dangerousCapabilities } from './dangerous-capabilities';
import { rule as missingSeccompProfile } from './missing-seccomp-profile';
import { rule as hostNetwork } from './host-network';
import { rule as hostPid } from './host-pid';
import { rule as hostIpc } from './host-ipc';
import { rule as hostPathVolume } from './host-path-volume';
import { rule as hostPort } from './host-port';
import { rule as unmaskedProcMount } from './unmasked-proc-mount';
import { rule as shareProcessNamespace } from './share-process-namespace';
import { rule as unsafeSysctls } from './unsafe-sysctls';
import { rule as secretInEnv } from './secret-in-env';
import { rule as secretManifest } from './secret-manifest';
import { rule as secretFromConfigmap } from './secret-from-configmap';
import { rule as configmapSecret } from './configmap-secret';
import { rule as duplicateEnvVar } from './duplicate-env-var';
import { rule as defaultNamespace } from './default-namespace';
import { rule as automountServiceAccountToken } from './automount-service-account-token';
import { rule as defaultServiceAccount } from './default-service-account';
import { rule as singleReplica } from './single-replica';
import { rule as unsafeRolloutStrategy } from './unsafe-rollout-strategy';
import { rule as deprecatedApiVersion } from './deprecated-api-version';
import { rule as selectorTemplateMismatch } from './selector-template-mismatch';
import { rule as exposedService } from './exposed-service';
import { rule as probePortMismatch } from './probe-port-mismatch';
import { rule as pdbBlocksEviction } from './pdb-blocks-eviction';
import { rule as deprecatedServiceAccountField } from './deprecated-service-account-field';
import { rule as rbacWildcard } from './rbac-wildcard';
import { rule as clusterAdminBinding } from './cluster-admin-binding';
import { rule as rbacSecretsAccess } from './rbac-secrets-access';
import { rule as rbacPodExec } from './rbac-pod-exec';
import { rule as rbacEscalationVerbs } from './rbac-escalation-verbs';
import { rule as missingPodDisruptionBudget } from './missing-pod-disruption-budget';
import { rule as serviceSelectorMismatch } from './service-selector-mismatch';
import { rule as serviceTargetPort } from './service-target-port';
import { rule as ingressMissingService } from './ingress-missing-service';
import { rule as hpaTarget } from './hpa-target';
import { rule as metricsNotScraped } from './metrics-not-scraped';
import { rule as missingNetworkPolicy } from './missing-network-policy';

/**
 * File rules that compare the documents of one file with each other (a ServiceAccount that turns
 * the token off, the workload a PodDisruptionBudget selects). Every other file rule of the pack
 * looks at one document at a time and is marked `scope: 'document'`, so typing re-runs it only on
 * the edited document; test/unit/engine/documentScope.test.ts checks each against whole-file runs.
 */
export const CROSS_DOCUMENT_RULES: ReadonlySet<string> = new Set([automountServiceAccountToken.id, pdbBlocksEviction.id]);

/** The Kubernetes rule pack, listed explicitly (file rules first, then cross-file folder rules). */
export const KUBERNETES_RULES: readonly AnyRule[] = ([
  imageLatestTag,
  imagePullPolicy,
  missingCpuRequest,
  missingMemoryRequest,
  missingCpuLimit,
  missingMemoryLimit,
  missingReadinessProbe,
  missingLivenessProbe,
  identicalProbes,
  probePortMismatch,
  runAsRoot,
  allowPrivilegeEscalation,
  privilegedContainer,
  writableRootFilesystem,
  capabilitiesNotDropped,
  dangerousCapabilities,
  missingSeccompProfile,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPathVolume,
  hostPort,
  unmaskedProcMount,
  shareProcessNamespace,
  unsafeSysctls,
  secretInEnv,
  secretManifest,
  secretFromConfigmap,
  configmapSecret,
  duplicateEnvVar,
  defaultNamespace,
  automountServiceAccountToken,
  defaultServiceAccount,
  deprecatedServiceAccountField,
  singleReplica,
  unsafeRolloutStrategy,
  pdbBlocksEviction,
  deprecatedApiVersion,
  selectorTemplateMismatch,
  exposedService,
  rbacWildcard,
  clusterAdminBinding,
  rbacSecretsAccess,
  rbacPodExec,
  rbacEscalationVerbs,
  missingPodDisruptionBudget,
  serviceSelectorMismatch,
  serviceTargetPort,
  ingressMissingService,
  hpaTarget,
  metricsNotScraped,
  missingNetworkPolicy,
] as readonly AnyRule[]).map((rule) => (isFolderRule(rule) || CROSS_DOCUMENT_RULES.has(rule.id) ? rule : Object.assign(rule, { scope: 'document' as const })));

import type { Condition, Policy } from './types';
import { ref } from './types';
import { DANGEROUS_CAPABILITIES } from '../rules/kubernetes/dangerous-capabilities';

/** SELinux types the container runtimes ship for ordinary containers (the Pod Security Standards' list). */
const SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

/** SELinux options beyond the container types (the same test for a container and a pod securityContext). */
const CUSTOM_SELINUX: Condition = {
  any: [
    { path: 'securityContext.seLinuxOptions.type', notIn: SELINUX_TYPES },
    { path: 'securityContext.seLinuxOptions.user', present: true },
    { path: 'securityContext.seLinuxOptions.role', present: true },
  ],
};

/**
 * Kubernetes policies after the Pod Security Standards (baseline and restricted), the NSA/CISA
 * Kubernetes Hardening Guide and the CIS Kubernetes Benchmark (section 5, policies). Checks that
 * follow a setting from the pod down to each container are hand-written rules.
 */
export const KUBERNETES_POLICIES: readonly Policy[] = [
  {
    id: 'kubernetes/apparmor-unconfined',
    subject: { kind: 'kubernetes', containers: true },
    title: 'Container runs without AppArmor',
    description: 'An Unconfined AppArmor profile removes the mandatory access control the node applies to containers (no writes to /proc and /sys, no mounts): the Pod Security Standards baseline forbids it.',
    severity: 'warning',
    when: { path: 'securityContext.appArmorProfile.type', equals: 'Unconfined' },
    message: "Container '{name}' of {type} runs with AppArmor Unconfined: use RuntimeDefault or a Localhost profile",
    remedy: 'Set `securityContext.appArmorProfile.type: RuntimeDefault` (or remove the setting: the runtime default applies).',
    fix: { path: 'securityContext.appArmorProfile.type', value: 'RuntimeDefault', safe: false },
    references: [ref('pss', 'baseline: AppArmor')],
    equivalents: [{ tool: 'checkov', id: 'CKV_K8S_29' }],
  },
  {
    id: 'kubernetes/pod-apparmor-unconfined',
    subject: { kind: 'kubernetes', pods: true },
    title: 'Pod runs without AppArmor',
    description: 'An Unconfined AppArmor profile at the pod level applies to every container that does not set its own: the Pod Security Standards baseline forbids it.',
    severity: 'warning',
    when: { path: 'securityContext.appArmorProfile.type', equals: 'Unconfined' },
    message: "{type} '{name}' runs its containers with AppArmor Unconfined: use RuntimeDefault or a Localhost profile",
    remedy: 'Set `securityContext.appArmorProfile.type: RuntimeDefault` in the pod spec (or remove it).',
    fix: { path: 'securityContext.appArmorProfile.type', value: 'RuntimeDefault', safe: false },
    references: [ref('pss', 'baseline: AppArmor')],
  },
  {
    id: 'kubernetes/selinux-custom-options',
    subject: { kind: 'kubernetes', containers: true },
    title: 'Container sets custom SELinux options',
    description: 'A custom SELinux type, user or role can lift the confinement the runtime gives containers (container_t); the Pod Security Standards baseline allows only the container types and no user or role.',
    severity: 'warning',
    when: CUSTOM_SELINUX,
    message: "Container '{name}' of {type} sets SELinux options beyond the container types: remove seLinuxOptions.user/role and use container_t",
    remedy: 'Remove `seLinuxOptions.user` and `role`, and leave `type` unset or one of container_t, container_init_t, container_kvm_t, container_engine_t.',
    references: [ref('pss', 'baseline: SELinux')],
  },
  {
    id: 'kubernetes/pod-selinux-custom-options',
    subject: { kind: 'kubernetes', pods: true },
    title: 'Pod sets custom SELinux options',
    description: 'Pod-level SELinux options apply to every container; a custom type, user or role can lift the confinement the Pod Security Standards baseline requires.',
    severity: 'warning',
    when: CUSTOM_SELINUX,
    message: "{type} '{name}' sets pod SELinux options beyond the container types: remove seLinuxOptions.user/role and use container_t",
    remedy: 'Remove `seLinuxOptions.user` and `role` from the pod securityContext, and leave `type` unset or a container type.',
    references: [ref('pss', 'baseline: SELinux')],
  },
  {
    id: 'kubernetes/low-user-id',
    subject: { kind: 'kubernetes', containers: true },
    title: 'Container runs as a system user id',
    description: 'User ids 1 to 99 are the statically allocated system accounts of Linux distributions (daemon, bin, mail, www-data…), the same on the node: if the container escapes, it acts as that account and owns its files. A uid of 10000 or more owns nothing on the node. (Image users such as 999 or 1000 are common and not reported.)',
    severity: 'info',
    when: { all: [{ path: 'securityContext.runAsUser', greaterThan: 0 }, { path: 'securityContext.runAsUser', lessThan: 100 }] },
    message: "Container '{name}' of {type} runs as uid {value}, a system account's id on the node: use a uid of 10000 or more",
    remedy: 'Run as a uid of 10000 or more (build the image with such a user and set `runAsUser` to it).',
    references: [ref('nsa-k8s', 'Non-root containers')],
    equivalents: [{ tool: 'checkov', id: 'CKV_K8S_40' }],
  },
  {
    id: 'kubernetes/pod-low-user-id',
    subject: { kind: 'kubernetes', pods: true },
    title: 'Pod runs as a system user id',
    description: 'A pod-level runAsUser from 1 to 99 applies to every container that does not set its own; those ids are the statically allocated system accounts of the node if a container escapes.',
    severity: 'info',
    when: { all: [{ path: 'securityContext.runAsUser', greaterThan: 0 }, { path: 'securityContext.runAsUser', lessThan: 100 }] },
    message: "{type} '{name}' runs its containers as uid {value}, a system account's id on the node: use a uid of 10000 or more",
    remedy: 'Set the pod `runAsUser` to 10000 or more.',
    references: [ref('nsa-k8s', 'Non-root containers')],
    equivalents: [{ tool: 'checkov', id: 'CKV_K8S_40' }],
  },
  {
    id: 'kubernetes/root-group',
    subject: { kind: 'kubernetes', containers: true },
    title: 'Container runs with the root group',
    description: 'Group 0 owns many files on the node and in images; a process with gid 0 can read and write them even as a non-root user.',
    severity: 'info',
    when: { path: 'securityContext.runAsGroup', equals: 0 },
    message: "Container '{name}' of {type} runs with runAsGroup: 0: use a non-root group",
    remedy: 'Set `runAsGroup` to a non-zero group (10000 or more).',
    references: [ref('nsa-k8s', 'Non-root containers')],
  },
  {
    id: 'kubernetes/capabilities-added-restricted',
    subject: { kind: 'kubernetes', containers: true },
    title: 'Container adds capabilities beyond NET_BIND_SERVICE',
    description: 'The Pod Security Standards restricted profile allows adding only NET_BIND_SERVICE; any other added capability widens what a compromised process can do to the kernel.',
    severity: 'info',
    // the dangerous ones are kubernetes/dangerous-capabilities' findings
    when: { path: 'securityContext.capabilities.add', notIn: ['NET_BIND_SERVICE', ...DANGEROUS_CAPABILITIES].flatMap((c) => [c, `CAP_${c}`]) },
    message: "Container '{name}' of {type} adds capability {value}: the restricted profile allows only NET_BIND_SERVICE",
    remedy: 'Drop ALL and add back only NET_BIND_SERVICE if the process binds a port below 1024; otherwise find the setting that needs the capability.',
    references: [ref('pss', 'restricted: Capabilities')],
  },
  {
    id: 'kubernetes/git-repo-volume',
    subject: { kind: 'kubernetes', pods: true },
    title: 'Pod uses a gitRepo volume',
    description: 'The deprecated gitRepo volume runs git on the node as root with options taken from the pod spec, which has allowed code execution on the node; the restricted profile does not allow it.',
    severity: 'warning',
    when: { path: 'volumes.gitRepo', present: true },
    message: "{type} '{name}' mounts a gitRepo volume: clone in an init container into an emptyDir instead",
    remedy: 'Use an emptyDir volume and an init container that runs `git clone` into it.',
    references: [ref('pss', 'restricted: Volume Types')],
  },
  {
    id: 'kubernetes/service-external-ips',
    subject: { kind: 'kubernetes', kinds: ['Service'] },
    title: 'Service sets externalIPs',
    description: 'Whoever can create a Service with externalIPs can intercept traffic the cluster sends to those addresses (CVE-2020-8554); clusters should block the field with admission control.',
    severity: 'warning',
    when: { path: 'spec.externalIPs', present: true },
    message: "Service '{name}' sets externalIPs: traffic from the cluster to those addresses is redirected to it. Use a LoadBalancer or an Ingress",
    remedy: 'Remove `spec.externalIPs`; expose the service through a LoadBalancer, an Ingress or a Gateway.',
    references: [ref('nsa-k8s', 'Network separation')],
  },
  {
    id: 'kubernetes/namespace-no-pod-security',
    subject: { kind: 'kubernetes', kinds: ['Namespace'] },
    title: 'Namespace enforces no Pod Security level',
    description: 'Without a pod-security.kubernetes.io/enforce label (or with enforce: privileged) the Pod Security admission lets any pod in, privileged ones included.',
    severity: 'info',
    where: { path: 'metadata.name', notIn: ['kube-system', 'kube-public', 'kube-node-lease'] },
    when: { any: [{ path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', absent: true }, { path: 'metadata.labels["pod-security.kubernetes.io/enforce"]', equals: 'privileged' }] },
    message: "Namespace '{name}' enforces no Pod Security level: label it pod-security.kubernetes.io/enforce: baseline (or restricted)",
    remedy: 'Add the label `pod-security.kubernetes.io/enforce: restricted` (or `baseline`), after checking with `warn` and `audit` labels first.',
    references: [ref('nsa-k8s', 'Pod security enforcement')],
  },
  {
    id: 'kubernetes/ingress-no-tls',
    subject: { kind: 'kubernetes', kinds: ['Ingress'] },
    title: 'Ingress serves no TLS',
    description: 'An Ingress without a tls section serves its hosts over plain HTTP unless the controller terminates TLS elsewhere.',
    severity: 'info',
    where: { path: 'spec.rules.host', present: true },
    when: { path: 'spec.tls', absent: true },
    message: "Ingress '{name}' declares no tls section: its hosts are served over plain HTTP",
    remedy: 'Add `spec.tls` with the hosts and a certificate secret (cert-manager can issue it).',
    references: [ref('nsa-k8s', 'Encrypt traffic')],
  },
];

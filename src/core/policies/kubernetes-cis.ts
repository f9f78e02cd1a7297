import type { Severity } from '../types';
import type { Condition, Policy, Scalar } from './types';
import { ref } from './types';

/** A test of a flag's value (the operators of a path condition). */
type FlagTest = { equals: Scalar } | { in: readonly Scalar[] } | { notIn: readonly Scalar[] } | { matches: string } | { lessThan: number } | { present: true };

/** The flag is given, in `command` or `args`, with a value passing the test. */
function flag(name: string, test: FlagTest): Condition {
  return { any: [{ path: 'command', flag: name, ...test }, { path: 'args', flag: name, ...test }] };
}

/** The flag is given neither in `command` nor in `args`. */
function unset(name: string): Condition {
  return { all: [{ path: 'command', flag: name, absent: true }, { path: 'args', flag: name, absent: true }] };
}

/** The flag is not given, or given with a value passing the test. */
function unsetOr(name: string, test: FlagTest): Condition {
  return { any: [unset(name), flag(name, test)] };
}

/**
 * A container running this control-plane binary: its `command` names it (static pod manifests
 * write `command: [kube-apiserver, --flag=…]`). A container started by its image's entrypoint
 * is not recognised: its flags may come from anywhere.
 */
function runs(binary: string): Condition {
  // a whole item that is the binary or a path to it: a shell string that merely ends in a path
  // like `/var/lib/etcd` (`sh -c "etcd --data-dir=/var/lib/etcd"`) is not the binary
  return { path: 'command', matches: `^(?:\\S*/)?${binary}$` };
}

/** A comma-separated flag value holding this item. */
function listHas(item: string): string {
  return `(?:^|,)\\s*${item}\\s*(?:,|$)`;
}

/** TLS cipher suites without forward secrecy or with broken ciphers (RC4, 3DES, CBC with SHA-1 MACs included). */
const WEAK_CIPHERS = '(?:^|,)\\s*TLS_(?:RSA_WITH_\\w+|\\w*_RC4_\\w*|\\w*_3DES_\\w*|ECDHE_\\w+_CBC_SHA)\\s*(?:,|$)';

interface ControlPlaneCheck {
  name: string;
  binary: 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd';
  title: string;
  description: string;
  severity: Severity;
  when: Condition;
  /** The message after "<binary> in {type} ". */
  message: string;
  remedy: string;
  control: string;
  extra?: { standard: 'nsa-k8s'; control: string };
}

function controlPlane(c: ControlPlaneCheck): Policy {
  return {
    id: `kubernetes/${c.name}`,
    subject: { kind: 'kubernetes', containers: true },
    title: c.title,
    description: c.description,
    severity: c.severity,
    where: runs(c.binary),
    when: c.when,
    message: `${c.binary} in {type} ${c.message}`,
    remedy: c.remedy,
    references: [ref('cis-k8s', c.control), ...(c.extra ? [ref(c.extra.standard, c.extra.control)] : [])],
  };
}

const API = 'kube-apiserver' as const;
const CM = 'kube-controller-manager' as const;
const SCHED = 'kube-scheduler' as const;
const ETCD = 'etcd' as const;

/** A bind address other than loopback (the default, 0.0.0.0, included). */
const NOT_LOOPBACK = '^(?!127\\.0\\.0\\.1$|localhost$|::1$|\\[::1\\]$)';

const CONTROL_PLANE_CHECKS: readonly ControlPlaneCheck[] = [
  {
    name: 'apiserver-anonymous-auth',
    binary: API,
    title: 'API server accepts anonymous requests',
    description: 'With --anonymous-auth left at its default (true), requests without credentials reach the API server as system:anonymous; only RBAC bindings then stand between them and the cluster, and one careless binding to system:unauthenticated opens it.',
    severity: 'info',
    when: unsetOr('--anonymous-auth', { notIn: ['false'] }),
    message: 'accepts anonymous requests: set --anonymous-auth=false (health checks can use /livez with a token)',
    remedy: 'Add `--anonymous-auth=false`; point health checks at an authenticated endpoint, or keep anonymous access and audit the bindings to system:unauthenticated.',
    control: '1.2.1',
  },
  {
    name: 'apiserver-token-auth-file',
    binary: API,
    title: 'API server reads static tokens',
    description: 'Tokens in a --token-auth-file never expire and are changed only by editing the file and restarting the API server; a leaked one is valid for good.',
    severity: 'warning',
    when: flag('--token-auth-file', { present: true }),
    message: 'authenticates static tokens from --token-auth-file: use client certificates, OIDC or service account tokens',
    remedy: 'Remove `--token-auth-file` and authenticate users with OIDC or client certificates.',
    control: '1.2.2',
  },
  {
    name: 'apiserver-basic-auth-file',
    binary: API,
    title: 'API server reads static passwords',
    description: 'Basic authentication from --basic-auth-file keeps passwords in clear text on the node; Kubernetes 1.19 removed the flag, so the manifest is also out of date.',
    severity: 'warning',
    when: flag('--basic-auth-file', { present: true }),
    message: 'sets --basic-auth-file (clear-text passwords, removed in 1.19): use client certificates or OIDC',
    remedy: 'Remove `--basic-auth-file`.',
    control: '1.2.2',
  },
  {
    name: 'apiserver-no-kubelet-client-cert',
    binary: API,
    title: 'API server has no client certificate for kubelets',
    description: 'Without --kubelet-client-certificate and --kubelet-client-key the API server calls kubelets (logs, exec, port-forward) without authenticating: kubelets must then accept anonymous requests.',
    severity: 'warning',
    when: { any: [unset('--kubelet-client-certificate'), unset('--kubelet-client-key')] },
    message: 'has no --kubelet-client-certificate/--kubelet-client-key: kubelets cannot authenticate it',
    remedy: 'Set `--kubelet-client-certificate` and `--kubelet-client-key` to a certificate the kubelets trust.',
    control: '1.2.4',
  },
  {
    name: 'apiserver-no-kubelet-ca',
    binary: API,
    title: 'API server does not verify kubelet certificates',
    description: 'Without --kubelet-certificate-authority the API server does not verify the serving certificate of the kubelets it calls, so a machine in the middle can answer exec and logs requests. It needs kubelet serving certificates signed by a CA (serverTLSBootstrap), which many clusters do not have yet.',
    severity: 'info',
    when: unset('--kubelet-certificate-authority'),
    message: 'does not verify kubelet serving certificates: set --kubelet-certificate-authority',
    remedy: 'Have kubelets request signed serving certificates (`serverTLSBootstrap: true`) and set `--kubelet-certificate-authority` to their CA.',
    control: '1.2.5',
  },
  {
    name: 'apiserver-always-allow',
    binary: API,
    title: 'API server authorizes every request',
    description: 'The AlwaysAllow authorization mode (also the default when neither --authorization-mode nor --authorization-config is given) lets every authenticated request do anything: there is no RBAC.',
    severity: 'error',
    when: {
      any: [
        flag('--authorization-mode', { matches: listHas('AlwaysAllow') }),
        { all: [unset('--authorization-mode'), unset('--authorization-config')] },
      ],
    },
    message: 'authorizes every request (AlwaysAllow, the default without --authorization-mode): set --authorization-mode=Node,RBAC',
    remedy: 'Set `--authorization-mode=Node,RBAC`.',
    control: '1.2.6',
    extra: { standard: 'nsa-k8s', control: 'Authentication and authorization' },
  },
  {
    name: 'apiserver-no-node-authorizer',
    binary: API,
    title: 'API server does not use the Node authorizer',
    description: 'The Node authorizer limits each kubelet to the secrets, pods and volumes of its own node; without it, one compromised node reads what RBAC grants all nodes.',
    severity: 'warning',
    when: { all: [flag('--authorization-mode', { present: true }), { not: flag('--authorization-mode', { matches: listHas('Node') }) }] },
    message: 'does not list Node in --authorization-mode: add it so kubelets reach only their own pods\' secrets',
    remedy: 'Set `--authorization-mode=Node,RBAC`.',
    control: '1.2.7',
  },
  {
    name: 'apiserver-no-rbac',
    binary: API,
    title: 'API server does not use RBAC',
    description: 'Without RBAC in --authorization-mode, Roles and RoleBindings have no effect: access is decided by the other modes only.',
    severity: 'warning',
    when: { all: [flag('--authorization-mode', { present: true }), { not: flag('--authorization-mode', { matches: listHas('RBAC') }) }] },
    message: 'does not list RBAC in --authorization-mode: Roles and RoleBindings have no effect',
    remedy: 'Set `--authorization-mode=Node,RBAC`.',
    control: '1.2.8',
  },
  {
    name: 'apiserver-always-admit',
    binary: API,
    title: 'API server enables AlwaysAdmit',
    description: 'The AlwaysAdmit admission plugin (deprecated) accepts every request regardless of the other plugins.',
    severity: 'error',
    when: flag('--enable-admission-plugins', { matches: listHas('AlwaysAdmit') }),
    message: 'enables the AlwaysAdmit admission plugin: remove it from --enable-admission-plugins',
    remedy: 'Remove `AlwaysAdmit` from `--enable-admission-plugins`.',
    control: '1.2.10',
  },
  {
    name: 'apiserver-admission-disabled',
    binary: API,
    title: 'API server disables a protective admission plugin',
    description: 'ServiceAccount, NamespaceLifecycle and NodeRestriction admission keep pods to existing service accounts, stop objects in namespaces being deleted and keep kubelets to their own Node object; disabling one removes that protection.',
    severity: 'warning',
    when: flag('--disable-admission-plugins', { matches: '(?:^|,)\\s*(?:ServiceAccount|NamespaceLifecycle|NodeRestriction)\\s*(?:,|$)' }),
    message: 'disables a protective admission plugin in --disable-admission-plugins ({value}): keep ServiceAccount, NamespaceLifecycle and NodeRestriction on',
    remedy: 'Remove ServiceAccount, NamespaceLifecycle and NodeRestriction from `--disable-admission-plugins`.',
    control: '1.2.12',
  },
  {
    name: 'apiserver-no-node-restriction',
    binary: API,
    title: 'API server does not enable NodeRestriction',
    description: 'NodeRestriction admission limits the Node and Pod objects a kubelet may change to its own; without it a compromised node can relabel itself or other nodes to attract workloads.',
    severity: 'warning',
    when: { all: [flag('--enable-admission-plugins', { present: true }), { not: flag('--enable-admission-plugins', { matches: listHas('NodeRestriction') }) }] },
    message: 'does not list NodeRestriction in --enable-admission-plugins: add it',
    remedy: 'Add `NodeRestriction` to `--enable-admission-plugins`.',
    control: '1.2.14',
  },
  {
    name: 'apiserver-profiling',
    binary: API,
    title: 'API server serves profiling data',
    description: 'Profiling (on by default) serves /debug/pprof: program internals useful to an attacker and a way to load the server. It is rarely needed in production.',
    severity: 'info',
    when: unsetOr('--profiling', { notIn: ['false'] }),
    message: 'serves profiling data: set --profiling=false',
    remedy: 'Add `--profiling=false`.',
    control: '1.2.15',
  },
  {
    name: 'apiserver-no-audit-log',
    binary: API,
    title: 'API server keeps no audit log',
    description: 'Without --audit-log-path (or an audit webhook) nothing records who read a secret, created a binding or ran exec: an incident cannot be reconstructed.',
    severity: 'warning',
    when: { all: [unset('--audit-log-path'), unset('--audit-webhook-config-file')] },
    message: 'keeps no audit log: set --audit-log-path and --audit-policy-file',
    remedy: 'Set `--audit-log-path` (and mount its folder), `--audit-policy-file`, and the retention flags.',
    control: '1.2.16',
    extra: { standard: 'nsa-k8s', control: 'Audit logging' },
  },
  {
    name: 'apiserver-no-audit-policy',
    binary: API,
    title: 'API server audits without a policy',
    description: 'An audit log without --audit-policy-file records nothing: the policy decides which events are logged.',
    severity: 'warning',
    when: { all: [{ any: [flag('--audit-log-path', { present: true }), flag('--audit-webhook-config-file', { present: true })] }, unset('--audit-policy-file')] },
    message: 'has an audit backend but no --audit-policy-file: no event is logged',
    remedy: 'Set `--audit-policy-file` to a policy that logs at least Metadata for every request.',
    control: '1.2.16',
    extra: { standard: 'nsa-k8s', control: 'Audit logging' },
  },
  {
    name: 'apiserver-audit-log-short-retention',
    binary: API,
    title: 'API server keeps audit logs briefly',
    description: 'Audit logs kept fewer than 30 days are gone before many incidents are noticed.',
    severity: 'info',
    when: flag('--audit-log-maxage', { lessThan: 30 }),
    message: 'keeps audit logs {value} days: keep them at least 30 (--audit-log-maxage=30) or ship them elsewhere',
    remedy: 'Set `--audit-log-maxage=30` or more, or ship the log to a store that keeps it.',
    control: '1.2.17',
  },
  {
    name: 'apiserver-insecure-port',
    binary: API,
    title: 'API server serves an insecure port',
    description: 'The insecure port served the API over plain HTTP with no authentication or authorization at all (removed in 1.24, where the flag stops the server from starting).',
    severity: 'error',
    when: flag('--insecure-port', { notIn: ['0'] }),
    message: 'opens the unauthenticated insecure port {value}: remove --insecure-port (or set it to 0)',
    remedy: 'Remove `--insecure-port` and `--insecure-bind-address`.',
    control: '1.2.19 (v1.6)',
  },
  {
    name: 'apiserver-service-account-lookup-disabled',
    binary: API,
    title: 'API server accepts tokens of deleted service accounts',
    description: 'With --service-account-lookup=false a service account token stays valid after its service account or secret is deleted.',
    severity: 'warning',
    when: flag('--service-account-lookup', { equals: 'false' }),
    message: 'sets --service-account-lookup=false: tokens of deleted service accounts stay valid',
    remedy: 'Remove `--service-account-lookup=false` (the default is true).',
    control: '1.2.21',
  },
  {
    name: 'apiserver-no-service-account-key',
    binary: API,
    title: 'API server has no service account key file',
    description: 'Without --service-account-key-file the API server verifies service account tokens with its serving key, so rotating the TLS certificate invalidates every token, and the signing key cannot be rotated on its own.',
    severity: 'info',
    when: unset('--service-account-key-file'),
    message: 'sets no --service-account-key-file: give service account tokens their own key',
    remedy: 'Set `--service-account-key-file` (and the controller manager\'s `--service-account-private-key-file`) to a dedicated key pair.',
    control: '1.2.22',
  },
  {
    name: 'apiserver-etcd-no-client-cert',
    binary: API,
    title: 'API server does not authenticate to etcd',
    description: 'etcd holds every secret of the cluster; an API server without --etcd-certfile and --etcd-keyfile talks to an etcd that must accept clients without certificates.',
    severity: 'warning',
    when: { all: [flag('--etcd-servers', { present: true }), { any: [unset('--etcd-certfile'), unset('--etcd-keyfile')] }] },
    message: 'connects to etcd without a client certificate: set --etcd-certfile and --etcd-keyfile',
    remedy: 'Set `--etcd-certfile` and `--etcd-keyfile`, and require client certificates on etcd (`--client-cert-auth=true`).',
    control: '1.2.23',
  },
  {
    name: 'apiserver-etcd-plain-http',
    binary: API,
    title: 'API server talks to etcd over plain HTTP',
    description: 'An http:// etcd endpoint sends every object, secrets included, unencrypted and unauthenticated.',
    severity: 'warning',
    when: flag('--etcd-servers', { matches: '(?:^|,)\\s*http://' }),
    message: 'reaches etcd over plain HTTP ({value}): use https:// endpoints with client certificates',
    remedy: 'Serve etcd over TLS and list `https://` endpoints in `--etcd-servers`.',
    control: '1.2.23',
  },
  {
    name: 'apiserver-no-tls-cert',
    binary: API,
    title: 'API server has no serving certificate',
    description: 'Without --tls-cert-file and --tls-private-key-file the API server generates a self-signed certificate that clients cannot verify.',
    severity: 'info',
    when: { any: [unset('--tls-cert-file'), unset('--tls-private-key-file')] },
    message: 'has no --tls-cert-file/--tls-private-key-file: clients cannot verify a self-signed certificate',
    remedy: 'Set `--tls-cert-file` and `--tls-private-key-file` to a certificate from the cluster CA.',
    control: '1.2.24',
  },
  {
    name: 'apiserver-no-client-ca',
    binary: API,
    title: 'API server does not accept client certificates',
    description: 'Without --client-ca-file no client certificate is verified: kubelets, controllers and administrators authenticated by certificate cannot log in.',
    severity: 'warning',
    when: unset('--client-ca-file'),
    message: 'sets no --client-ca-file: client certificates are not verified',
    remedy: 'Set `--client-ca-file` to the cluster CA.',
    control: '1.2.25',
  },
  {
    name: 'apiserver-etcd-no-ca',
    binary: API,
    title: 'API server does not verify etcd',
    description: 'Without --etcd-cafile the API server does not verify the certificate of the etcd it writes secrets to.',
    severity: 'warning',
    when: { all: [flag('--etcd-servers', { matches: '(?:^|,)\\s*https://' }), unset('--etcd-cafile')] },
    message: 'does not verify etcd\'s certificate: set --etcd-cafile',
    remedy: 'Set `--etcd-cafile` to the CA of etcd.',
    control: '1.2.26',
  },
  {
    name: 'apiserver-no-encryption-at-rest',
    binary: API,
    title: 'API server does not encrypt secrets at rest',
    description: 'Without --encryption-provider-config secrets are stored in etcd in plain base64: etcd backups and disks hold every credential of the cluster.',
    severity: 'info',
    when: unset('--encryption-provider-config'),
    message: 'stores secrets unencrypted in etcd: set --encryption-provider-config (aescbc, secretbox or a KMS provider)',
    remedy: 'Write an EncryptionConfiguration with a kms, secretbox or aescbc provider for secrets, set `--encryption-provider-config`, then rewrite existing secrets.',
    control: '1.2.27',
    extra: { standard: 'nsa-k8s', control: 'Secrets encryption' },
  },
  {
    name: 'apiserver-weak-tls-ciphers',
    binary: API,
    title: 'API server allows weak TLS cipher suites',
    description: 'Cipher suites with RSA key exchange have no forward secrecy, and RC4, 3DES and CBC-SHA1 suites have known attacks.',
    severity: 'info',
    when: flag('--tls-cipher-suites', { matches: WEAK_CIPHERS }),
    message: 'allows weak TLS cipher suites in --tls-cipher-suites: keep only ECDHE suites with AES-GCM or ChaCha20',
    remedy: 'List only `TLS_ECDHE_*_WITH_AES_*_GCM_SHA*` and `TLS_ECDHE_*_WITH_CHACHA20_POLY1305*` suites (or remove the flag: Go\'s defaults are safe).',
    control: '1.2.29',
  },
  {
    name: 'apiserver-old-tls',
    binary: API,
    title: 'API server accepts TLS 1.0 or 1.1',
    description: 'TLS 1.0 and 1.1 are deprecated (RFC 8996) and weaken every connection to the API.',
    severity: 'warning',
    when: flag('--tls-min-version', { in: ['VersionTLS10', 'VersionTLS11'] }),
    message: 'accepts {value}: set --tls-min-version=VersionTLS12 or higher',
    remedy: 'Set `--tls-min-version=VersionTLS12` (or remove it).',
    control: '1.2.29',
  },
  {
    name: 'controller-manager-profiling',
    binary: CM,
    title: 'Controller manager serves profiling data',
    description: 'Profiling (on by default) serves /debug/pprof: program internals and a way to load the controller manager.',
    severity: 'info',
    when: unsetOr('--profiling', { notIn: ['false'] }),
    message: 'serves profiling data: set --profiling=false',
    remedy: 'Add `--profiling=false`.',
    control: '1.3.2',
  },
  {
    name: 'controller-manager-shared-credentials',
    binary: CM,
    title: 'Controllers share the controller manager\'s credentials',
    description: 'Without --use-service-account-credentials=true every controller acts with the controller manager\'s own broad permissions instead of a service account of its own with just its role.',
    severity: 'warning',
    when: unsetOr('--use-service-account-credentials', { notIn: ['true'] }),
    message: 'runs every controller with its own credentials: set --use-service-account-credentials=true',
    remedy: 'Add `--use-service-account-credentials=true`.',
    control: '1.3.3',
  },
  {
    name: 'controller-manager-no-service-account-key',
    binary: CM,
    title: 'Controller manager cannot sign service account tokens',
    description: 'Without --service-account-private-key-file the token controller does not sign service account tokens with a key the API server verifies, and the key cannot be rotated.',
    severity: 'warning',
    when: unset('--service-account-private-key-file'),
    message: 'sets no --service-account-private-key-file: service account tokens are not signed with a dedicated key',
    remedy: 'Set `--service-account-private-key-file` to the private half of the API server\'s `--service-account-key-file`.',
    control: '1.3.4',
  },
  {
    name: 'controller-manager-no-root-ca',
    binary: CM,
    title: 'Controller manager gives pods no root CA',
    description: 'Without --root-ca-file the service account credentials mounted in pods carry no CA, so pods cannot verify the API server they talk to.',
    severity: 'warning',
    when: unset('--root-ca-file'),
    message: 'sets no --root-ca-file: pods cannot verify the API server certificate',
    remedy: 'Set `--root-ca-file` to the cluster CA.',
    control: '1.3.5',
  },
  {
    name: 'controller-manager-kubelet-cert-rotation-off',
    binary: CM,
    title: 'Kubelet serving certificate rotation turned off',
    description: 'With the RotateKubeletServerCertificate feature gate off, kubelet serving certificates are not renewed and expire or stay self-signed.',
    severity: 'info',
    when: flag('--feature-gates', { matches: '(?:^|,)\\s*RotateKubeletServerCertificate=false' }),
    message: 'turns off RotateKubeletServerCertificate: remove it from --feature-gates',
    remedy: 'Remove `RotateKubeletServerCertificate=false` from `--feature-gates`.',
    control: '1.3.6',
  },
  {
    name: 'controller-manager-bind-address',
    binary: CM,
    title: 'Controller manager listens beyond loopback',
    description: 'The controller manager serves health and metrics on all interfaces unless --bind-address is 127.0.0.1; nothing but local probes needs them.',
    severity: 'info',
    when: unsetOr('--bind-address', { matches: NOT_LOOPBACK }),
    message: 'listens on every interface: set --bind-address=127.0.0.1',
    remedy: 'Set `--bind-address=127.0.0.1`.',
    control: '1.3.7',
  },
  {
    name: 'scheduler-profiling',
    binary: SCHED,
    title: 'Scheduler serves profiling data',
    description: 'Profiling (on by default) serves /debug/pprof: program internals and a way to load the scheduler.',
    severity: 'info',
    when: unsetOr('--profiling', { notIn: ['false'] }),
    message: 'serves profiling data: set --profiling=false',
    remedy: 'Add `--profiling=false`.',
    control: '1.4.1',
  },
  {
    name: 'scheduler-bind-address',
    binary: SCHED,
    title: 'Scheduler listens beyond loopback',
    description: 'The scheduler serves health and metrics on all interfaces unless --bind-address is 127.0.0.1; nothing but local probes needs them.',
    severity: 'info',
    when: unsetOr('--bind-address', { matches: NOT_LOOPBACK }),
    message: 'listens on every interface: set --bind-address=127.0.0.1',
    remedy: 'Set `--bind-address=127.0.0.1`.',
    control: '1.4.2',
  },
  {
    name: 'etcd-no-tls',
    binary: ETCD,
    title: 'etcd serves clients without TLS',
    description: 'Without --cert-file and --key-file etcd serves its clients, the API server and its secrets included, over plain HTTP.',
    severity: 'warning',
    when: { any: [unset('--cert-file'), unset('--key-file')] },
    message: 'has no --cert-file/--key-file: clients reach it over plain HTTP',
    remedy: 'Set `--cert-file` and `--key-file`, and list `https://` URLs in `--listen-client-urls` and `--advertise-client-urls`.',
    control: '2.1',
  },
  {
    name: 'etcd-no-client-cert-auth',
    binary: ETCD,
    title: 'etcd accepts clients without certificates',
    description: 'Without --client-cert-auth=true anyone who reaches the client port reads and writes every object of the cluster, secrets included.',
    severity: 'warning',
    when: unsetOr('--client-cert-auth', { notIn: ['true'] }),
    message: 'does not require client certificates: set --client-cert-auth=true and --trusted-ca-file',
    remedy: 'Set `--client-cert-auth=true` and `--trusted-ca-file` to the CA that signs the API server\'s etcd client certificate.',
    control: '2.2',
  },
  {
    name: 'etcd-auto-tls',
    binary: ETCD,
    title: 'etcd uses self-signed client certificates',
    description: '--auto-tls=true makes etcd generate a self-signed certificate for clients: they cannot verify it, and anyone in the middle can answer for etcd.',
    severity: 'warning',
    when: flag('--auto-tls', { equals: 'true' }),
    message: 'sets --auto-tls=true (self-signed certificates): use certificates from the etcd CA',
    remedy: 'Remove `--auto-tls` and set `--cert-file`/`--key-file` from the etcd CA.',
    control: '2.3',
  },
  {
    name: 'etcd-no-peer-tls',
    binary: ETCD,
    title: 'etcd members talk without TLS',
    description: 'In a cluster of several etcd members, --peer-cert-file and --peer-key-file encrypt replication traffic; without them every write, secrets included, crosses the network in clear.',
    severity: 'warning',
    when: { all: [flag('--initial-cluster', { matches: ',' }), { any: [unset('--peer-cert-file'), unset('--peer-key-file')] }] },
    message: 'replicates to its peers without TLS: set --peer-cert-file and --peer-key-file',
    remedy: 'Set `--peer-cert-file`, `--peer-key-file` and `--peer-trusted-ca-file`, with `https://` peer URLs.',
    control: '2.4',
  },
  {
    name: 'etcd-no-peer-client-cert-auth',
    binary: ETCD,
    title: 'etcd accepts peers without certificates',
    description: 'Without --peer-client-cert-auth=true any machine reaching the peer port can join the etcd cluster and receive its data.',
    severity: 'warning',
    when: { all: [flag('--peer-cert-file', { present: true }), unsetOr('--peer-client-cert-auth', { notIn: ['true'] })] },
    message: 'does not require peer certificates: set --peer-client-cert-auth=true',
    remedy: 'Set `--peer-client-cert-auth=true` and `--peer-trusted-ca-file`.',
    control: '2.5',
  },
  {
    name: 'etcd-peer-auto-tls',
    binary: ETCD,
    title: 'etcd uses self-signed peer certificates',
    description: '--peer-auto-tls=true makes etcd members use self-signed certificates with each other: a machine in the middle can join or read replication.',
    severity: 'warning',
    when: flag('--peer-auto-tls', { equals: 'true' }),
    message: 'sets --peer-auto-tls=true (self-signed peer certificates): use certificates from the etcd CA',
    remedy: 'Remove `--peer-auto-tls` and set `--peer-cert-file`/`--peer-key-file` from the etcd CA.',
    control: '2.6',
  },
];

/** Kubelet settings of a KubeletConfiguration file (CIS Kubernetes Benchmark section 4.2). */
const KUBELET = { kind: 'kubernetes', kinds: ['KubeletConfiguration'] } as const;

/**
 * The CIS Kubernetes Benchmark's control plane (section 1: the API server, controller manager and
 * scheduler static pods; section 2: etcd) and kubelet configuration (section 4.2). A KubeletConfiguration's
 * own defaults (v1beta1) are the safe ones, so only settings written in it are reported.
 */
export const KUBERNETES_CIS_POLICIES: readonly Policy[] = [
  ...CONTROL_PLANE_CHECKS.map(controlPlane),
  {
    id: 'kubernetes/kubelet-anonymous-auth',
    subject: KUBELET,
    title: 'Kubelet accepts anonymous requests',
    description: 'A kubelet with anonymous authentication serves requests without credentials; with a permissive authorization mode that is exec into every pod of the node.',
    severity: 'warning',
    when: { path: 'authentication.anonymous.enabled', equals: true },
    message: "The kubelet configuration enables anonymous authentication: set authentication.anonymous.enabled: false",
    remedy: 'Set `authentication.anonymous.enabled: false`.',
    fix: { path: 'authentication.anonymous.enabled', value: false, safe: false },
    references: [ref('cis-k8s', '4.2.1')],
  },
  {
    id: 'kubernetes/kubelet-always-allow',
    subject: KUBELET,
    title: 'Kubelet authorizes every request',
    description: 'authorization.mode: AlwaysAllow lets any caller that reaches the kubelet port (10250) list pods, read logs and exec into containers of the node.',
    severity: 'error',
    when: { path: 'authorization.mode', equals: 'AlwaysAllow' },
    message: "The kubelet configuration authorizes every request (AlwaysAllow): set authorization.mode: Webhook",
    remedy: 'Set `authorization.mode: Webhook` (and `authentication.webhook.enabled: true`).',
    fix: { path: 'authorization.mode', value: 'Webhook', safe: false },
    references: [ref('cis-k8s', '4.2.2')],
  },
  {
    id: 'kubernetes/kubelet-webhook-authn-disabled',
    subject: KUBELET,
    title: 'Kubelet does not authenticate bearer tokens',
    description: 'With authentication.webhook.enabled: false the kubelet cannot check service account and user tokens with the API server: only client certificates (or anonymous access) remain.',
    severity: 'warning',
    when: { path: 'authentication.webhook.enabled', equals: false },
    message: "The kubelet configuration turns off token authentication: set authentication.webhook.enabled: true",
    remedy: 'Set `authentication.webhook.enabled: true`.',
    references: [ref('cis-k8s', '4.2.2')],
  },
  {
    id: 'kubernetes/kubelet-read-only-port',
    subject: KUBELET,
    title: 'Kubelet serves the read-only port',
    description: 'The read-only port (10255) serves pod specs, environment variables included, and metrics without any authentication.',
    severity: 'warning',
    when: { path: 'readOnlyPort', greaterThan: 0 },
    message: "The kubelet configuration opens the unauthenticated read-only port {value}: set readOnlyPort: 0",
    remedy: 'Set `readOnlyPort: 0` (the default); scrape metrics from the authenticated port.',
    fix: { path: 'readOnlyPort', value: 0, safe: false },
    references: [ref('cis-k8s', '4.2.4')],
  },
  {
    id: 'kubernetes/kubelet-streaming-no-timeout',
    subject: KUBELET,
    title: 'Kubelet streaming connections never time out',
    description: 'streamingConnectionIdleTimeout: 0 keeps idle exec, attach and port-forward sessions open forever.',
    severity: 'info',
    when: { path: 'streamingConnectionIdleTimeout', in: [0, '0', '0s', '0m', '0h'] },
    message: "The kubelet configuration never closes idle streaming connections: set streamingConnectionIdleTimeout (e.g. 5m)",
    remedy: 'Set `streamingConnectionIdleTimeout: 5m` (or remove it for the 4h default).',
    references: [ref('cis-k8s', '4.2.5')],
  },
  {
    id: 'kubernetes/kubelet-kernel-defaults-unprotected',
    subject: KUBELET,
    title: 'Kubelet may change kernel settings',
    description: 'Without protectKernelDefaults: true the kubelet changes kernel parameters it needs instead of failing, which hides a node whose hardening was lost. It needs the node prepared with those settings first.',
    severity: 'info',
    when: { path: 'protectKernelDefaults', equals: false },
    message: "The kubelet configuration sets protectKernelDefaults: false: set it to true once the node's sysctls are prepared",
    remedy: 'Prepare the kernel settings the kubelet expects on the node, then set `protectKernelDefaults: true`.',
    references: [ref('cis-k8s', '4.2.6')],
  },
  {
    id: 'kubernetes/kubelet-no-iptables-chains',
    subject: KUBELET,
    title: 'Kubelet does not manage its iptables chains',
    description: 'With makeIPTablesUtilChains: false the kubelet leaves the iptables chains it relies on to whatever else configures the node, and networking rules can drift from what pods need.',
    severity: 'info',
    when: { path: 'makeIPTablesUtilChains', equals: false },
    message: "The kubelet configuration sets makeIPTablesUtilChains: false: leave it true",
    remedy: 'Remove `makeIPTablesUtilChains: false` (the default is true).',
    references: [ref('cis-k8s', '4.2.7')],
  },
  {
    id: 'kubernetes/kubelet-no-cert-rotation',
    subject: KUBELET,
    title: 'Kubelet does not rotate its client certificate',
    description: 'With rotateCertificates: false the kubelet\'s client certificate is not renewed: it expires and the node drops out, or a long-lived certificate is issued instead.',
    severity: 'info',
    when: { path: 'rotateCertificates', equals: false },
    message: "The kubelet configuration sets rotateCertificates: false: set it to true",
    remedy: 'Set `rotateCertificates: true`.',
    fix: { path: 'rotateCertificates', value: true, safe: false },
    references: [ref('cis-k8s', '4.2.11')],
  },
  {
    id: 'kubernetes/kubelet-server-cert-rotation-off',
    subject: KUBELET,
    title: 'Kubelet serving certificate rotation turned off',
    description: 'With the RotateKubeletServerCertificate feature gate off, the kubelet keeps a self-signed serving certificate that the API server cannot verify.',
    severity: 'info',
    when: { path: 'featureGates.RotateKubeletServerCertificate', equals: false },
    message: "The kubelet configuration turns off RotateKubeletServerCertificate: remove it from featureGates",
    remedy: 'Remove `RotateKubeletServerCertificate: false` and set `serverTLSBootstrap: true`.',
    references: [ref('cis-k8s', '4.2.12')],
  },
  {
    id: 'kubernetes/kubelet-weak-tls-ciphers',
    subject: KUBELET,
    title: 'Kubelet allows weak TLS cipher suites',
    description: 'Cipher suites with RSA key exchange have no forward secrecy, and RC4, 3DES and CBC-SHA1 suites have known attacks.',
    severity: 'info',
    when: { path: 'tlsCipherSuites', matches: WEAK_CIPHERS },
    message: "The kubelet configuration allows the weak TLS cipher suite {value}: keep only ECDHE suites with AES-GCM or ChaCha20",
    remedy: 'List only ECDHE suites with AES-GCM or ChaCha20 in `tlsCipherSuites` (or remove it).',
    references: [ref('cis-k8s', '4.2.13')],
  },
];

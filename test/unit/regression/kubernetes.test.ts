// Regression corpus (issue 17): the Kubernetes shapes met on public repositories, written here
// for this project, with the findings a senior SRE would keep and the silences.
import { corpusTable } from '../../helpers/corpus';
import { y } from '../rules/kubernetes/manifests';

const redisStatefulSet = y(
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: cache-server',
  'spec:',
  '  serviceName: cache',
  '  replicas: 3',
  '  selector: {matchLabels: {app: cache}}',
  '  template:',
  '    metadata: {labels: {app: cache}}',
  '    spec:',
  '      containers:',
  '        - name: redis',
  '          image: redis:7.2',
);

const perPodService = (n: number): string =>
  y(
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: cache-announce-${n}`,
    'spec:',
    '  publishNotReadyAddresses: true',
    '  selector:',
    '    app: cache',
    `    statefulset.kubernetes.io/pod-name: cache-server-${n}`,
    '  ports: [{port: 6379, targetPort: 6379}]',
  );

const webDeployment = y(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
);

const service = (name: string, app: string): string =>
  y('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', `  selector: {app: ${app}}`, '  ports: [{port: 80}]');

const hpa = (target: string): string =>
  y(
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: scaler',
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    `    name: ${target}`,
    '  minReplicas: 2',
    '  maxReplicas: 5',
  );

// A control-plane static pod as an installer writes it to the node (kubeadm's shape, written here):
// host network, root, the node's PKI through hostPath, no service account.
const staticApiServer = (extra: string[] = []): string =>
  y(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: kube-apiserver',
    '  namespace: kube-system',
    '  labels: {component: kube-apiserver, tier: control-plane}',
    'spec:',
    '  hostNetwork: true',
    '  priorityClassName: system-node-critical',
    '  securityContext: {seccompProfile: {type: RuntimeDefault}}',
    '  containers:',
    '    - name: kube-apiserver',
    '      image: registry.k8s.io/kube-apiserver:v1.31.2',
    '      command:',
    '        - kube-apiserver',
    '        - --authorization-mode=Node,RBAC',
    '        - --client-ca-file=/etc/kubernetes/pki/ca.crt',
    '        - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
    '        - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    '      resources: {requests: {cpu: 250m}}',
    '      livenessProbe: {httpGet: {path: /livez, port: 6443, scheme: HTTPS}}',
    '      readinessProbe: {httpGet: {path: /readyz, port: 6443, scheme: HTTPS}}',
    '      volumeMounts:',
    '        - {name: k8s-certs, mountPath: /etc/kubernetes/pki, readOnly: true}',
    '        - {name: ca-certs, mountPath: /etc/ssl/certs, readOnly: true}',
    ...extra.map((l) => '        ' + l),
    '  volumes:',
    '    - {name: k8s-certs, hostPath: {path: /etc/kubernetes/pki, type: DirectoryOrCreate}}',
    '    - {name: ca-certs, hostPath: {path: /etc/ssl/certs, type: DirectoryOrCreate}}',
    ...(extra.length > 0 ? ['    - {name: root, hostPath: {path: /}}'] : []),
  );

// The same settings on an application pod in kube-system: nothing excuses them there.
const appInKubeSystem = staticApiServer()
  .replace('  name: kube-apiserver\n', '  name: log-shipper\n')
  .replace(/ {6}command:\n( {8}- .*\n)+/, '      command: [/bin/shipper]\n');


corpusTable('regression: kubernetes cross-file rules', [
  {
    what: 'per-pod Services on the label the StatefulSet controller adds stay silent',
    rule: 'kubernetes/service-selector-mismatch',
    files: { 'ha/redis.yaml': [redisStatefulSet, perPodService(0), perPodService(1)].join('---\n') },
    want: [],
  },
  {
    what: 'a selector on pod-template-hash alone is matched on the rest',
    rule: 'kubernetes/service-selector-mismatch',
    files: { 'app/all.yaml': [webDeployment, y('apiVersion: v1', 'kind: Service', 'metadata: {name: canary}', 'spec:', '  selector: {app: web, pod-template-hash: 7d9f8c6b5}', '  ports: [{port: 80}]')].join('---\n') },
    want: [],
  },
  {
    what: 'a real typo is a warning that says what was not seen',
    rule: 'kubernetes/service-selector-mismatch',
    files: { 'app/deploy.yaml': webDeployment, 'app/svc.yaml': service('web', 'wbe') },
    want: [{ path: 'app/svc.yaml', line: 6, severity: 'warning' }],
    says: 'not found among the files analysed',
  },
  {
    what: 'a typo on a StatefulSet per-pod Service is still a warning',
    rule: 'kubernetes/service-selector-mismatch',
    files: { 'ha/redis.yaml': [redisStatefulSet, perPodService(0).replace('app: cache', 'app: cahce')].join('---\n') },
    want: [{ path: 'ha/redis.yaml', line: 22, severity: 'warning' }],
  },
  {
    what: 'pods defined in a templated file of the folder (not analysed) silence the Service',
    rule: 'kubernetes/service-selector-mismatch',
    files: {
      'vt/other.yaml': webDeployment,
      'vt/ctl-service.yaml': service('ctl', 'ctl'),
      'vt/ctl-controller.yaml': webDeployment.replace('name: web\n', 'name: ctl\n').replace(/app: web/g, 'app: ctl').replace('nginx:1.27', 'nginx:{{ .Tag }}\n          args: [{{ range .Args }}{{ . }},{{ end }}]'),
    },
    want: [],
  },
  {
    what: 'an HPA whose Deployment sits in the parent folder is a warning, never an error',
    rule: 'kubernetes/hpa-target',
    files: { 'svc/deployment.yaml': webDeployment, 'svc/hpa/hpa.yaml': hpa('web'), 'svc/hpa/exporter.yaml': webDeployment.replace(/web/g, 'exporter') },
    want: [{ path: 'svc/hpa/hpa.yaml', line: 9, severity: 'warning' }],
    says: 'not found among the files analysed',
  },
  {
    what: 'an HPA beside its target is silent',
    rule: 'kubernetes/hpa-target',
    files: { 'svc/deployment.yaml': webDeployment, 'svc/hpa.yaml': hpa('web') },
    want: [],
  },
  {
    what: 'an Ingress to a Service not in the folder is a warning',
    rule: 'kubernetes/ingress-missing-service',
    files: {
      'web/svc.yaml': service('web', 'web'),
      'web/ingress.yaml': y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  defaultBackend:', '    service: {name: grafana, port: {number: 80}}'),
    },
    want: [{ path: 'web/ingress.yaml', line: 6, severity: 'warning' }],
    says: 'not found among the files analysed',
  },
]);

const sidecarPatch = y(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: repo-server',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: plugin',
  '          image: busybox:1.36',
  '          args: [--loglevel, debug]',
);

corpusTable('regression: kustomize patches are partial objects', [
  {
    what: 'a strategic-merge patch adding a sidecar (no selector, no template labels) is not a Deployment missing its selector',
    rule: 'kubernetes/selector-template-mismatch',
    files: { 'overlays/plugin/repo-server.yaml': sidecarPatch },
    want: [],
  },
  {
    what: 'a patch file that carries template labels is recognised by its name',
    rule: 'kubernetes/selector-template-mismatch',
    files: { 'overlays/prod/deployment-patch.yaml': sidecarPatch.replace('  template:\n', '  template:\n    metadata: {labels: {tier: prod}}\n') },
    want: [],
  },
  {
    what: 'a complete Deployment without a selector is still an error',
    rule: 'kubernetes/selector-template-mismatch',
    files: { 'base/deployment.yaml': sidecarPatch.replace('  template:\n', '  template:\n    metadata: {labels: {app: repo}}\n') },
    want: [{ path: 'base/deployment.yaml', line: 2, severity: 'error' }],
  },
]);

const secret = (...entries: string[]): string => y('apiVersion: v1', 'kind: Secret', 'metadata: {name: repo-creds}', ...entries);

corpusTable('regression: Secret manifests that hold no secret', [
  {
    what: 'a documentation example with url, type and placeholder credentials',
    rule: 'kubernetes/secret-manifest',
    files: { 'docs/creds.yaml': secret('stringData:', '  url: https://git.example.com/org', '  type: git', '  username: my-username', '  password: my-password', '  sshPrivateKey: |', '    -----BEGIN OPENSSH PRIVATE KEY-----', '    ...', '    -----END OPENSSH PRIVATE KEY-----') },
    want: [],
  },
  {
    what: 'base64 data that decodes to a placeholder, and a public CA certificate',
    rule: 'kubernetes/secret-manifest',
    files: { 'k8s/ca.yaml': secret('data:', `  password: ${btoa('changeme')}`, `  ca.crt: ${btoa('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n')}`) },
    want: [],
  },
  {
    what: 'a documented Secret whose data are empty keys and plain-text hints that are not base64',
    rule: 'kubernetes/secret-manifest',
    files: { 'docs/operator/app-secret.yaml': secret('data:', '  tls.key:', '  server.signingkey:', "  webhook.forge.secret: psst! the forge's webhook secret", '  accounts.bob.tokens: |', '    [{"id":"7","iat":1600000000}]') },
    want: [],
  },
  {
    what: 'a real password, in stringData or base64 data, is still an error',
    rule: 'kubernetes/secret-manifest',
    files: { 'k8s/db.yaml': secret('stringData:', '  url: postgres://db:5432/app', '  password: Vq7#pLx2wZ9t', 'data:', `  token: ${btoa('9f8e7d6c5b4a39281706')}`) },
    want: [{ path: 'k8s/db.yaml', line: 4, severity: 'error' }, { path: 'k8s/db.yaml', line: 7, severity: 'error' }],
  },
]);

corpusTable('regression: node agents', [
  {
    what: 'read-only system directories are warnings; the runtime socket and writable /dev are errors',
    rule: 'kubernetes/host-path-volume',
    files: {
      'agent/ds.yaml': y(
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata: {name: agent}',
        'spec:',
        '  selector: {matchLabels: {app: a}}',
        '  template:',
        '    metadata: {labels: {app: a}}',
        '    spec:',
        '      containers:',
        '        - name: c',
        '          image: "c:1"',
        '          volumeMounts:',
        '            - {name: logs, mountPath: /host/var/lib/docker/containers, readOnly: true}',
        '            - {name: sock, mountPath: /host/var/run/docker.sock, readOnly: true}',
        '            - {name: dev, mountPath: /host/dev}',
        '      volumes:',
        '        - {name: logs, hostPath: {path: /var/lib/docker/containers}}',
        '        - {name: sock, hostPath: {path: /var/run/docker.sock}}',
        '        - {name: dev, hostPath: {path: /dev}}',
      ),
    },
    want: [
      { path: 'agent/ds.yaml', line: 17, severity: 'warning' },
      { path: 'agent/ds.yaml', line: 18, severity: 'error' },
      { path: 'agent/ds.yaml', line: 19, severity: 'error' },
    ],
  },
  {
    what: 'a control-plane static pod needs the host network; an application pod in kube-system does not',
    rule: 'kubernetes/host-network',
    files: { 'manifests/kube-apiserver.yaml': staticApiServer(), 'addons/shipper.yaml': appInKubeSystem },
    want: [{ path: 'addons/shipper.yaml', line: 8, severity: 'warning' }],
  },
  {
    what: "a control-plane static pod's PKI and CA mounts are silent, a hostPath of / on it is not",
    rule: 'kubernetes/host-path-volume',
    files: { 'manifests/kube-apiserver.yaml': staticApiServer(['- {name: root, mountPath: /host}']), 'addons/shipper.yaml': appInKubeSystem },
    want: [
      { path: 'addons/shipper.yaml', line: 22, severity: 'warning' },
      { path: 'addons/shipper.yaml', line: 23, severity: 'warning' },
      { path: 'manifests/kube-apiserver.yaml', line: 30, severity: 'error' },
    ],
  },
  {
    what: 'root in a control-plane static pod is hardening to plan (info), in an application pod a warning',
    rule: 'kubernetes/run-as-root',
    says: 'run',
    files: { 'manifests/kube-apiserver.yaml': staticApiServer(), 'addons/shipper.yaml': appInKubeSystem },
    want: [
      { path: 'addons/shipper.yaml', line: 12, severity: 'warning' },
      { path: 'manifests/kube-apiserver.yaml', line: 12, severity: 'info' },
    ],
  },
  {
    what: 'a static pod cannot use a service account: no token or default-account finding',
    rule: 'kubernetes/automount-service-account-token',
    files: { 'manifests/kube-apiserver.yaml': staticApiServer(), 'addons/shipper.yaml': appInKubeSystem },
    want: [{ path: 'addons/shipper.yaml', line: 2, severity: 'info' }],
  },
  {
    what: 'no memory limit asked of the API server (a limit OOM-kills it under load)',
    rule: 'kubernetes/missing-memory-limit',
    files: { 'manifests/kube-apiserver.yaml': staticApiServer(), 'addons/shipper.yaml': appInKubeSystem },
    want: [{ path: 'addons/shipper.yaml', line: 12, severity: 'warning' }],
  },
  {
    what: 'the CIS control-plane flag rules still fire on the static pod',
    rule: 'kubernetes/apiserver-profiling',
    files: { 'manifests/kube-apiserver.yaml': staticApiServer() },
    want: [{ path: 'manifests/kube-apiserver.yaml', line: 14, severity: 'info' }],
  },
]);

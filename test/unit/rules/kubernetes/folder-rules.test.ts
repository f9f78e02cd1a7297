import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeFiles } from '../../../../src/core';
import type { Finding } from '../../../../src/core';
import { ready } from '../../../helpers/core';
import { message as serviceSelector } from '../../../../src/core/rules/kubernetes/service-selector-mismatch';
import { message as targetPort } from '../../../../src/core/rules/kubernetes/service-target-port';
import { message as ingress } from '../../../../src/core/rules/kubernetes/ingress-missing-service';
import { message as hpa } from '../../../../src/core/rules/kubernetes/hpa-target';
import { message as pdb } from '../../../../src/core/rules/kubernetes/missing-pod-disruption-budget';
import { message as metrics } from '../../../../src/core/rules/kubernetes/metrics-not-scraped';
import { message as netpol } from '../../../../src/core/rules/kubernetes/missing-network-policy';
import { y } from './manifests';

/** One folder case: files, and for each path the 1-based lines where the rule fires. */
interface FolderCase {
  what: string;
  files: Record<string, string>;
  want: Record<string, number[]>;
  messages?: string[];
  /** Paths that related information must point at. */
  relatedPaths?: string[];
}

function folderTable(ruleId: string, cases: readonly FolderCase[]): void {
  describe(ruleId, () => {
    before(ready);
    for (const c of cases) {
      it(c.what, () => {
        const results = analyzeFiles(Object.entries(c.files).map(([path, text]) => ({ path, text })));
        const got: Record<string, number[]> = {};
        const all: Finding[] = [];
        for (const [path, findings] of results) {
          const mine = findings.filter((f) => f.ruleId === ruleId);
          all.push(...mine);
          if (mine.length > 0) {
            got[path] = mine.map((f) => f.range.start.line + 1).sort((a, b) => a - b);
          }
        }
        assert.deepEqual(got, c.want, all.map((f) => f.message).join('\n'));
        if (c.messages) {
          assert.deepEqual(all.map((f) => f.message), c.messages);
        }
        if (c.relatedPaths) {
          assert.deepEqual([...new Set(all.flatMap((f) => (f.related ?? []).map((r) => r.path)))].sort(), [...c.relatedPaths].sort());
        }
      });
    }
  });
}

const deployment = (name: string, labels: string, extra: string[] = [], replicas = 3): string =>
  y(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: ${labels}}`,
    '  template:',
    `    metadata: {labels: ${labels}}`,
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: acme/${name}:1.0.0`,
    '          ports:',
    '            - name: http',
    '              containerPort: 8080',
    ...extra,
  );
const service = (name: string, selector: string, target = 'http'): string => y('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', `  selector: ${selector}`, '  ports:', '    - port: 80', `      targetPort: ${target}`);

folderTable('kubernetes/service-selector-mismatch', [
  {
    what: 'selector typo across files, related points at the workload',
    files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/svc.yaml': service('web', '{app: wbe}') },
    want: { 'k8s/svc.yaml': [6] },
    messages: [serviceSelector("Service 'web'", 'app=wbe')],
    relatedPaths: ['k8s/deploy.yaml'],
  },
  { what: 'matching selector', files: { 'k8s/deploy.yaml': deployment('web', '{app: web, tier: fe}'), 'k8s/svc.yaml': service('web', '{app: web}') }, want: {} },
  { what: 'same file, multi-document', files: { 'k8s/app.yaml': deployment('web', '{app: web}') + '---\n' + service('web', '{app: api}') }, want: { 'k8s/app.yaml': [23] } },
  { what: 'a folder without workloads is not judged', files: { 'k8s/svc.yaml': service('web', '{app: web}') }, want: {} },
  { what: 'files of another folder do not count', files: { 'a/deploy.yaml': deployment('web', '{app: web}'), 'b/svc.yaml': service('web', '{app: web}'), 'b/job.yaml': y('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    metadata: {labels: {app: job}}', '    spec: {restartPolicy: Never, containers: [{name: c, image: "c:1"}]}') }, want: { 'b/svc.yaml': [6] } },
  { what: 'a workload of another namespace is no candidate: not judged', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}').replace('  name: web', '  name: web\n  namespace: a'), 'k8s/svc.yaml': service('web', '{app: web}').replace('  name: web', '  name: web\n  namespace: b') }, want: {} },
]);

folderTable('kubernetes/service-target-port', [
  {
    what: 'named targetPort the container does not declare',
    files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/svc.yaml': service('web', '{app: web}', 'metrics') },
    want: { 'k8s/svc.yaml': [9] },
    messages: [targetPort("Service 'web'", 'metrics', true)],
    relatedPaths: ['k8s/deploy.yaml'],
  },
  { what: 'named port exists', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/svc.yaml': service('web', '{app: web}') }, want: {} },
  { what: 'numeric port not declared', files: { 'k8s/app.yaml': deployment('web', '{app: web}') + '---\n' + service('web', '{app: web}', '9000') }, want: { 'k8s/app.yaml': [26] } },
  { what: 'numeric port declared', files: { 'k8s/app.yaml': deployment('web', '{app: web}') + '---\n' + service('web', '{app: web}', '8080') }, want: {} },
  { what: 'no targetPort: the port itself must be exposed', files: { 'k8s/app.yaml': deployment('web', '{app: web}') + '---\n' + y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  ports: [{port: 8080}]') }, want: {} },
  { what: 'containers without declared ports are not judged on numbers', files: { 'k8s/app.yaml': y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p, labels: {app: p}}', 'spec: {containers: [{name: c, image: "c:1"}]}', '---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: p}', 'spec: {selector: {app: p}, ports: [{port: 80, targetPort: 8080}]}') }, want: {} },
]);

folderTable('kubernetes/ingress-missing-service', [
  {
    what: 'v1 backend names a missing Service',
    files: {
      'k8s/svc.yaml': service('web', '{app: web}'),
      'k8s/ingress.yaml': y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  rules:', '    - host: shop.example.com', '      http:', '        paths:', '          - path: /', '            pathType: Prefix', '            backend:', '              service:', '                name: web-svc', '                port: {number: 80}'),
    },
    want: { 'k8s/ingress.yaml': [13] },
    messages: [ingress("Ingress 'web'", 'web-svc')],
    relatedPaths: ['k8s/svc.yaml'],
  },
  { what: 'v1beta1 serviceName and defaultBackend exist', files: { 'k8s/all.yaml': service('web', '{app: web}') + '---\n' + y('apiVersion: networking.k8s.io/v1beta1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  backend: {serviceName: web, servicePort: 80}') }, want: {} },
  { what: 'v1beta1 path backend missing', files: { 'k8s/all.yaml': service('web', '{app: web}') + '---\n' + y('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  rules:', '    - http:', '        paths:', '          - backend: {serviceName: api, servicePort: 80}') }, want: { 'k8s/all.yaml': [18] } },
  { what: 'no Service in the folder: not judged', files: { 'k8s/ingress.yaml': y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  defaultBackend: {service: {name: other, port: {number: 80}}}') }, want: {} },
  { what: 'defaultBackend missing', files: { 'k8s/a.yaml': service('web', '{app: web}'), 'k8s/b.yaml': y('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  defaultBackend:', '    service: {name: other, port: {number: 80}}') }, want: { 'k8s/b.yaml': [6] } },
]);

const hpaYaml = (target: string, metric: string[]): string =>
  y('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${target}`, '  minReplicas: 2', '  maxReplicas: 5', ...metric);
const cpuMetric = ['  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target: {type: Utilization, averageUtilization: 70}'];
const withRequests = ['          resources:', '            requests: {cpu: 100m, memory: 128Mi}', '            limits: {memory: 256Mi}'];

folderTable('kubernetes/hpa-target', [
  { what: 'target missing', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/hpa.yaml': hpaYaml('webapp', cpuMetric) }, want: { 'k8s/hpa.yaml': [8] }, messages: [hpa("HorizontalPodAutoscaler 'web'", "Deployment 'webapp'", 'missing')] },
  { what: 'cpu utilisation without cpu requests', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/hpa.yaml': hpaYaml('web', cpuMetric) }, want: { 'k8s/hpa.yaml': [14] }, relatedPaths: ['k8s/deploy.yaml'] },
  { what: 'cpu requests set', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}', withRequests), 'k8s/hpa.yaml': hpaYaml('web', cpuMetric) }, want: {} },
  { what: 'autoscaling/v1 targetCPUUtilizationPercentage', files: { 'k8s/all.yaml': deployment('web', '{app: web}') + '---\n' + y('apiVersion: autoscaling/v1', 'kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', '  maxReplicas: 4', '  targetCPUUtilizationPercentage: 60') }, want: { 'k8s/all.yaml': [24] } },
  { what: 'no workloads in the folder: not judged', files: { 'k8s/hpa.yaml': hpaYaml('web', cpuMetric) }, want: {} },
  { what: 'average value metrics need no requests', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/hpa.yaml': hpaYaml('web', ['  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target: {type: AverageValue, averageValue: 500m}']) }, want: {} },
]);

const pdbYaml = (labels: string): string => y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  maxUnavailable: 1', `  selector: {matchLabels: ${labels}}`);

folderTable('kubernetes/missing-pod-disruption-budget', [
  { what: 'three replicas, no PDB', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}') }, want: { 'k8s/deploy.yaml': [2] }, messages: [pdb("Deployment 'web'")] },
  { what: 'PDB in another file of the folder', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/pdb.yaml': pdbYaml('{app: web}') }, want: {} },
  { what: 'PDB selecting other pods', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/pdb.yaml': pdbYaml('{app: api}') }, want: { 'k8s/deploy.yaml': [2] } },
  { what: 'single replica needs none', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}', [], 1) }, want: {} },
  { what: 'replicas unset but an HPA scales it', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}').replace('  replicas: 3\n', ''), 'k8s/hpa.yaml': hpaYaml('web', []) }, want: { 'k8s/deploy.yaml': [2] }, relatedPaths: ['k8s/hpa.yaml'] },
  { what: 'DaemonSets and Jobs are not replicated workloads', files: { 'k8s/ds.yaml': y('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec: {containers: [{name: c, image: "c:1"}]}') }, want: {} },
]);

const annotated = y(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: api}',
  'spec:',
  '  selector: {matchLabels: {app: api}}',
  '  template:',
  '    metadata:',
  '      labels: {app: api}',
  '      annotations:',
  '        prometheus.io/scrape: "true"',
  '        prometheus.io/port: "9090"',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: api:1',
  '          ports: [{name: metrics, containerPort: 9090}]',
);
const exporter = y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: redis}', 'spec:', '  serviceName: redis', '  selector: {matchLabels: {app: redis}}', '  template:', '    metadata: {labels: {app: redis}}', '    spec:', '      containers:', '        - name: redis', '          image: redis:7.2', '        - name: exporter', '          image: oliver006/redis_exporter:v1.62.0', '          ports:', '            - containerPort: 9121');

folderTable('kubernetes/metrics-not-scraped', [
  { what: 'named metrics port, nothing scrapes', files: { 'k8s/app.yaml': annotated.replace('        prometheus.io/scrape: "true"\n', '') }, want: { 'k8s/app.yaml': [15] }, messages: [metrics("Deployment 'api'", 'metrics')] },
  { what: 'annotated pod template', files: { 'k8s/app.yaml': annotated }, want: {} },
  { what: 'exporter sidecar port by number', files: { 'k8s/redis.yaml': exporter }, want: { 'k8s/redis.yaml': [16] } },
  { what: 'a ServiceMonitor in the folder', files: { 'k8s/redis.yaml': exporter, 'k8s/monitor.yaml': y('apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitor', 'metadata: {name: redis}', 'spec:', '  selector: {matchLabels: {app: redis}}', '  endpoints: [{port: metrics}]') }, want: {} },
  { what: 'an annotated Service selecting the pods', files: { 'k8s/redis.yaml': exporter, 'k8s/svc.yaml': y('apiVersion: v1', 'kind: Service', 'metadata:', '  name: redis-metrics', '  annotations: {prometheus.io/scrape: "true"}', 'spec: {selector: {app: redis}, ports: [{port: 9121}]}') }, want: {} },
  { what: 'an http port only', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}') }, want: {} },
]);

const policy = (selector: string): string => y('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: p}', 'spec:', `  podSelector: ${selector}`, '  policyTypes: [Ingress]');

folderTable('kubernetes/missing-network-policy', [
  { what: 'no policy', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}') }, want: { 'k8s/deploy.yaml': [2] }, messages: [netpol("Deployment 'web'")] },
  { what: 'default-deny for the namespace', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/netpol.yaml': policy('{}') }, want: {} },
  { what: 'policy for the pods', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/netpol.yaml': policy('{matchLabels: {app: web}}') }, want: {} },
  { what: 'policy for other pods', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/netpol.yaml': policy('{matchLabels: {app: api}}') }, want: { 'k8s/deploy.yaml': [2] } },
  { what: 'CronJobs are not reported', files: { 'k8s/cron.yaml': y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: "c:1"}]}}}}') }, want: {} },
  { what: 'a Cilium policy counts', files: { 'k8s/deploy.yaml': deployment('web', '{app: web}'), 'k8s/cnp.yaml': y('apiVersion: cilium.io/v2', 'kind: CiliumNetworkPolicy', 'metadata: {name: p}', 'spec: {endpointSelector: {}}') }, want: {} },
]);

import { ruleTable } from '../../../helpers/table';
import { message as readiness } from '../../../../src/core/rules/kubernetes/missing-readiness-probe';
import { message as liveness } from '../../../../src/core/rules/kubernetes/missing-liveness-probe';
import { message as identical } from '../../../../src/core/rules/kubernetes/identical-probes';
import { deploymentWith, y } from './manifests';

const bare = deploymentWith('containers:', '  - name: app', '    image: acme/app:1.0.0', '    ports:', '      - containerPort: 8080');
const worker = deploymentWith('containers:', '  - name: worker', '    image: acme/worker:1.0.0');
const probed = deploymentWith(
  'initContainers:',
  '  - name: migrate',
  '    image: acme/migrate:1.0.0',
  'containers:',
  '  - name: app',
  '    image: acme/app:1.0.0',
  '    ports:',
  '      - name: http',
  '        containerPort: 8080',
  '    readinessProbe:',
  '      httpGet: {path: /ready, port: http}',
  '    livenessProbe:',
  '      httpGet: {path: /live, port: http}',
);
const job = y('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: run', '          image: acme/job:1', '          ports: [{containerPort: 9000}]');
const podAndSts = y(
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      ports: [{containerPort: 80}]',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata: {name: s}',
  'spec:',
  '  serviceName: s',
  '  selector: {matchLabels: {app: s}}',
  '  template:',
  '    metadata: {labels: {app: s}}',
  '    spec:',
  '      containers:',
  '        - name: db',
  '          image: postgres:16',
  '          ports: [{containerPort: 5432}]',
  '          readinessProbe: {exec: {command: [pg_isready]}}',
  '          livenessProbe: {exec: {command: [pg_isready]}}',
);

ruleTable('kubernetes/missing-readiness-probe', [
  { what: 'serving container without a probe', input: bare, want: [16], messages: [readiness("container 'app'")] },
  { what: 'worker without ports is not reported', input: worker, want: [] },
  { what: 'probed container, init container skipped', input: probed, want: [] },
  { what: 'Jobs run to completion', input: job, want: [] },
  { what: 'Pod and StatefulSet in one file', input: podAndSts, want: [6] },
]);

ruleTable('kubernetes/missing-liveness-probe', [
  { what: 'serving container without a probe', input: bare, want: [16], messages: [liveness("container 'app'")] },
  { what: 'worker without ports is reported too', input: worker, want: [16] },
  { what: 'probed container, init container skipped', input: probed, want: [] },
  { what: 'Jobs run to completion', input: job, want: [] },
  { what: 'Pod and StatefulSet in one file', input: podAndSts, want: [6] },
]);

ruleTable('kubernetes/identical-probes', [
  { what: 'same exec check in a StatefulSet', input: podAndSts, want: [24], messages: [identical("container 'db'")] },
  { what: 'different endpoints', input: probed, want: [] },
  {
    what: 'same httpGet, different initial delay only',
    input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    readinessProbe:', '      httpGet: {path: /healthz, port: 8080}', '    livenessProbe:', '      httpGet: {path: /healthz, port: 8080}', '      initialDelaySeconds: 30'),
    want: [20],
  },
  {
    what: 'same endpoint but a more tolerant liveness threshold',
    input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    readinessProbe:', '      httpGet: {path: /healthz, port: 8080}', '    livenessProbe:', '      httpGet: {path: /healthz, port: 8080}', '      failureThreshold: 6'),
    want: [],
  },
  { what: 'only one probe', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    livenessProbe: {tcpSocket: {port: 8080}}'), want: [] },
]);

import { ruleTable } from '../../../helpers/table';
import { message as probePort } from '../../../../src/core/rules/kubernetes/probe-port-mismatch';
import { message as pdb } from '../../../../src/core/rules/kubernetes/pdb-blocks-eviction';
import { message as saField } from '../../../../src/core/rules/kubernetes/deprecated-service-account-field';
import { message } from '../../../../src/core/rules/kubernetes/secret-from-configmap';
import { deploymentWith, y } from './manifests';

ruleTable('kubernetes/probe-port-mismatch', [
  {
    what: 'named port not declared',
    input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    ports: [{name: http, containerPort: 8080}]', '    readinessProbe:', '      httpGet: {path: /ready, port: web}'),
    want: [20],
    messages: [probePort("container 'app'", 'readinessProbe', 'web', true)],
  },
  { what: 'numeric port not declared', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    ports: [{containerPort: 8080}]', '    livenessProbe:', '      tcpSocket:', '        port: 9090'), want: [21] },
  { what: 'ports match by name and number', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    ports: [{name: http, containerPort: 8080}]', '    readinessProbe: {httpGet: {path: /r, port: http}}', '    livenessProbe: {tcpSocket: {port: 8080}}', '    startupProbe: {grpc: {port: 8080}}'), want: [] },
  { what: 'no declared ports: numbers are not judged', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: c', '      image: c:1', '      livenessProbe: {httpGet: {path: /, port: 80}}'), want: [] },
  { what: 'startup probe on a named port of a StatefulSet', input: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: s}', 'spec:', '  serviceName: s', '  selector: {matchLabels: {app: s}}', '  template:', '    metadata: {labels: {app: s}}', '    spec:', '      containers:', '        - name: db', '          image: postgres:16', '          startupProbe:', '            tcpSocket: {port: postgres}'), want: [14] },
  { what: 'exec probes have no port', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    livenessProbe: {exec: {command: [true]}}'), want: [] },
]);

ruleTable('kubernetes/pdb-blocks-eviction', [
  { what: 'maxUnavailable 0', input: y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  maxUnavailable: 0', '  selector: {matchLabels: {app: web}}'), want: [5], messages: [pdb("PodDisruptionBudget 'web'", 'maxUnavailable: 0')] },
  { what: 'minAvailable 100%', input: y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 100%'), want: [5] },
  { what: 'minAvailable equal to the replicas of the selected Deployment', input: deploymentWith('containers: [{name: c, image: "c:1"}]') + '---\n' + y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 2', '  selector: {matchLabels: {app: web}}'), want: [21] },
  { what: 'minAvailable below the replicas', input: deploymentWith('containers: [{name: c, image: "c:1"}]') + '---\n' + y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 1', '  selector: {matchLabels: {app: web}}'), want: [] },
  { what: 'maxUnavailable 1', input: y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  maxUnavailable: 1'), want: [] },
  { what: 'percent below 100', input: y('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 50%'), want: [] },
]);

ruleTable('kubernetes/deprecated-service-account-field', [
  { what: 'serviceAccount in a Deployment', input: deploymentWith('serviceAccount: web', 'containers: [{name: c, image: "c:1"}]'), want: [15], messages: [saField("Deployment 'web'")] },
  { what: 'serviceAccountName', input: deploymentWith('serviceAccountName: web', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'both fields in a Pod', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  serviceAccountName: a', '  serviceAccount: a', '  containers: [{name: c, image: "c:1"}]'), want: [6] },
  { what: 'CronJob', input: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          serviceAccount: runner', '          containers: [{name: c, image: "c:1"}]'), want: [10] },
  { what: 'a ServiceAccount object is not the field', input: y('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: web}'), want: [] },
]);

ruleTable('kubernetes/secret-from-configmap', [
  {
    what: 'password from a ConfigMap',
    input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    env:', '      - name: DB_PASSWORD', '        valueFrom:', '          configMapKeyRef:', '            name: app-config', '            key: db-password'),
    want: [21],
    messages: [message("container 'app'", 'DB_PASSWORD', 'app-config')],
  },
  { what: 'password from a Secret', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    env:', '      - name: DB_PASSWORD', '        valueFrom: {secretKeyRef: {name: db, key: password}}'), want: [] },
  { what: 'plain setting from a ConfigMap', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    env:', '      - name: AUTH_URL', '        valueFrom: {configMapKeyRef: {name: cfg, key: auth-url}}'), want: [] },
  { what: 'init container of a CronJob, flow style', input: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          initContainers:', '            - name: i', '              image: i:1', '              env: [{name: API_TOKEN, valueFrom: {configMapKeyRef: {name: cfg, key: token}}}]', '          containers: [{name: c, image: "c:1"}]'), want: [13] },
  { what: 'no env', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [] },
]);

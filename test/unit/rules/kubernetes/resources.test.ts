import { ruleTable } from '../../../helpers/table';
import { message as cpuRequest } from '../../../../src/core/rules/kubernetes/missing-cpu-request';
import { message as memoryRequest } from '../../../../src/core/rules/kubernetes/missing-memory-request';
import { message as cpuLimit } from '../../../../src/core/rules/kubernetes/missing-cpu-limit';
import { message as memoryLimit } from '../../../../src/core/rules/kubernetes/missing-memory-limit';
import { deploymentWith, y } from './manifests';

const none = deploymentWith('containers:', '  - name: app', '    image: acme/app:1.0.0');
const full = deploymentWith('containers:', '  - name: app', '    image: acme/app:1.0.0', '    resources:', '      requests: {cpu: 100m, memory: 128Mi}', '      limits: {cpu: 500m, memory: 256Mi}');
const limitsOnly = deploymentWith('containers:', '  - name: app', '    image: acme/app:1.0.0', '    resources:', '      limits:', '        cpu: "1"', '        memory: 1Gi');
const requestsOnly = deploymentWith('containers:', '  - name: app', '    image: acme/app:1.0.0', '    resources:', '      requests:', '        cpu: 250m', '        memory: 256Mi');
const cronWithInit = y(
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata: {name: backup}',
  'spec:',
  '  schedule: "0 3 * * *"',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          initContainers:',
  '            - name: prepare',
  '              image: busybox:1.36',
  '          containers:',
  '            - name: dump',
  '              image: postgres:16',
  '              resources:',
  '                requests: {cpu: 50m, memory: 64Mi}',
  '                limits: {cpu: 200m, memory: 128Mi}',
);
const statefulAndPod = y(
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata: {name: db}',
  'spec:',
  '  serviceName: db',
  '  selector: {matchLabels: {app: db}}',
  '  template:',
  '    metadata: {labels: {app: db}}',
  '    spec:',
  '      containers:',
  '        - name: pg',
  '          image: postgres:16',
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: debug}',
  'spec:',
  '  containers:',
  '    - name: shell',
  '      image: busybox:1.36',
  '  ephemeralContainers:',
  '    - name: dbg',
  '      image: busybox:1.36',
);

ruleTable('kubernetes/missing-cpu-request', [
  { what: 'no resources at all', input: none, want: [16], messages: [cpuRequest("container 'app'")] },
  { what: 'requests and limits set', input: full, want: [] },
  { what: 'only limits: the request defaults to the limit', input: limitsOnly, want: [] },
  { what: 'init container of a CronJob', input: cronWithInit, want: [11] },
  { what: 'StatefulSet and Pod in one file, ephemeral containers skipped', input: statefulAndPod, want: [11, 19] },
]);

ruleTable('kubernetes/missing-memory-request', [
  { what: 'no resources at all', input: none, want: [16], messages: [memoryRequest("container 'app'")] },
  { what: 'requests and limits set', input: full, want: [] },
  { what: 'only limits', input: limitsOnly, want: [] },
  { what: 'init container of a CronJob', input: cronWithInit, want: [11] },
  { what: 'StatefulSet and Pod in one file', input: statefulAndPod, want: [11, 19] },
]);

ruleTable('kubernetes/missing-cpu-limit', [
  { what: 'no resources at all', input: none, want: [16], messages: [cpuLimit("container 'app'")] },
  { what: 'requests only', input: requestsOnly, want: [16] },
  { what: 'requests and limits set', input: full, want: [] },
  { what: 'init container of a CronJob', input: cronWithInit, want: [11] },
  { what: 'StatefulSet and Pod in one file', input: statefulAndPod, want: [11, 19] },
]);

ruleTable('kubernetes/missing-memory-limit', [
  { what: 'no resources at all', input: none, want: [16], messages: [memoryLimit("container 'app'")] },
  { what: 'requests only', input: requestsOnly, want: [16] },
  { what: 'requests and limits set', input: full, want: [] },
  { what: 'limits only', input: limitsOnly, want: [] },
  { what: 'init container of a CronJob', input: cronWithInit, want: [11] },
  { what: 'StatefulSet and Pod in one file', input: statefulAndPod, want: [11, 19] },
]);

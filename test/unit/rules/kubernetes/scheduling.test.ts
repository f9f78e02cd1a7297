import { ruleTable } from '../../../helpers/table';
import { message as defaultNamespace } from '../../../../src/core/rules/kubernetes/default-namespace';
import { message as automount } from '../../../../src/core/rules/kubernetes/automount-service-account-token';
import { message as defaultAccount } from '../../../../src/core/rules/kubernetes/default-service-account';
import { message as singleReplica } from '../../../../src/core/rules/kubernetes/single-replica';
import { message as rollout } from '../../../../src/core/rules/kubernetes/unsafe-rollout-strategy';
import { message as exposed } from '../../../../src/core/rules/kubernetes/exposed-service';
import { deploymentWith, y } from './manifests';

ruleTable('kubernetes/default-namespace', [
  { what: 'Deployment in default', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  namespace: default'), want: [5], messages: [defaultNamespace("Deployment 'web'")] },
  { what: 'named namespace', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: web, namespace: shop}'), want: [] },
  { what: 'no namespace: chosen at deploy time', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'every document of a stream', input: y('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a, namespace: default}', '---', 'apiVersion: batch/v1', 'kind: CronJob', 'metadata:', '  name: b', '  namespace: "default"'), want: [3, 9] },
  { what: 'List items', input: y('apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: Pod', '    metadata: {name: p, namespace: default}'), want: [6] },
]);

ruleTable('kubernetes/automount-service-account-token', [
  { what: 'not set: reported at the kind line', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [2], messages: [automount("Deployment 'web'", false)] },
  { what: 'false on the pod', input: deploymentWith('automountServiceAccountToken: false', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  {
    what: 'false on the ServiceAccount of the same file',
    input: y('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: app}', 'automountServiceAccountToken: false', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  serviceAccountName: app', '  containers: [{name: c, image: "c:1"}]'),
    want: [],
  },
  { what: 'explicit true with the default account', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  automountServiceAccountToken: true', '  containers: [{name: c, image: "c:1"}]'), want: [5] },
  { what: 'explicit true with a dedicated account is deliberate', input: deploymentWith('serviceAccountName: operator', 'automountServiceAccountToken: true', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'CronJob', input: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          containers: [{name: c, image: "c:1"}]'), want: [2] },
]);

ruleTable('kubernetes/default-service-account', [
  { what: 'no serviceAccountName', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [2], messages: [defaultAccount("Deployment 'web'")] },
  { what: 'explicit default', input: deploymentWith('serviceAccountName: default', 'containers: [{name: c, image: "c:1"}]'), want: [15] },
  { what: 'dedicated account', input: deploymentWith('serviceAccountName: web', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'token not mounted: the identity grants nothing', input: deploymentWith('automountServiceAccountToken: false', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'deprecated serviceAccount field in a Pod', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  serviceAccount: default', '  containers: [{name: c, image: "c:1"}]'), want: [5] },
]);

ruleTable('kubernetes/single-replica', [
  { what: 'replicas: 1', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 1'), want: [5], messages: [singleReplica("Deployment 'web'")] },
  { what: 'replicas: 2', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'unset (HPA or overlay owns it)', input: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  serviceName: db'), want: [] },
  { what: 'StatefulSet with one replica', input: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  replicas: 1', '  serviceName: db'), want: [5] },
  { what: 'scaled to zero on purpose', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: off}', 'spec:', '  replicas: 0'), want: [] },
  { what: 'a Job has no replicas', input: y('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  parallelism: 1'), want: [] },
]);

ruleTable('kubernetes/unsafe-rollout-strategy', [
  { what: 'Recreate', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 3', '  strategy:', '    type: Recreate'), want: [7], messages: [rollout("Deployment 'web'", 'recreate')] },
  { what: 'maxUnavailable 100%', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 3', '  strategy:', '    rollingUpdate:', '      maxUnavailable: 100%'), want: [8] },
  { what: 'maxUnavailable equal to replicas', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 2', '  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 2}}'), want: [6] },
  { what: 'both zero', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  strategy:', '    rollingUpdate:', '      maxSurge: 0', '      maxUnavailable: 0'), want: [8] },
  { what: 'sensible rolling update', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 3', '  strategy:', '    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}'), want: [] },
  { what: 'no strategy', input: deploymentWith('containers: [{name: c, image: "c:1"}]'), want: [] },
]);

ruleTable('kubernetes/exposed-service', [
  { what: 'public LoadBalancer', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: LoadBalancer', '  ports: [{port: 80}]'), want: [5], messages: [exposed("Service 'web'", 'LoadBalancer')] },
  { what: 'NodePort', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: NodePort'), want: [5] },
  { what: 'internal load balancer annotation', input: y('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  annotations:', '    networking.gke.io/load-balancer-type: "Internal"', 'spec:', '  type: LoadBalancer'), want: [] },
  { what: 'source ranges', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: LoadBalancer', '  loadBalancerSourceRanges: [10.0.0.0/8]'), want: [] },
  { what: 'aws-load-balancer-internal "false" is public', input: y('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  annotations:', '    service.beta.kubernetes.io/aws-load-balancer-internal: "false"', 'spec:', '  type: LoadBalancer'), want: [8] },
  { what: 'aws-load-balancer-internal "true" is internal', input: y('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  annotations:', '    service.beta.kubernetes.io/aws-load-balancer-internal: "true"', 'spec:', '  type: LoadBalancer'), want: [] },
  { what: 'ClusterIP', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec: {type: ClusterIP}'), want: [] },
]);

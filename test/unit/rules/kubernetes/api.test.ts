import { ruleTable } from '../../../helpers/table';
import { message as deprecated, deprecationOf } from '../../../../src/core/rules/kubernetes/deprecated-api-version';
import { message as mismatch } from '../../../../src/core/rules/kubernetes/selector-template-mismatch';
import { y } from './manifests';

const cronDeprecation = deprecationOf('batch/v1beta1', 'CronJob');

ruleTable('kubernetes/deprecated-api-version', [
  { what: 'CronJob batch/v1beta1', input: y('apiVersion: batch/v1beta1', 'kind: CronJob', 'metadata: {name: c}'), want: [1], messages: cronDeprecation ? [deprecated("CronJob 'c'", 'batch/v1beta1', cronDeprecation)] : ['missing table entry'] },
  { what: 'extensions Deployment and Ingress in one stream', input: y('apiVersion: extensions/v1beta1', 'kind: Deployment', 'metadata: {name: d}', '---', 'kind: Ingress', 'apiVersion: extensions/v1beta1', 'metadata: {name: i}'), want: [1, 6] },
  { what: 'current versions', input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', '---', 'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: p}', '---', 'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: h}'), want: [] },
  { what: 'PDB and PSP in policy/v1beta1', input: y('apiVersion: policy/v1beta1', 'kind: PodDisruptionBudget', 'metadata: {name: p}', '---', 'apiVersion: policy/v1beta1', 'kind: PodSecurityPolicy', 'metadata: {name: psp}'), want: [1, 5] },
  { what: 'RBAC v1beta1 inside a List', input: y('apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: rbac.authorization.k8s.io/v1beta1', '    kind: ClusterRole', '    metadata: {name: r}'), want: [4] },
  { what: 'a v1beta1 of a CRD group is not judged', input: y('apiVersion: cert-manager.io/v1beta1', 'kind: Certificate', 'metadata: {name: c}'), want: [] },
]);

ruleTable('kubernetes/selector-template-mismatch', [
  {
    what: 'matchLabels differ from the template labels',
    input: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: website}', '    spec:', '      containers: [{name: c, image: "c:1"}]'),
    want: [5],
    messages: [mismatch("Deployment 'web'", 'mismatch')],
  },
  { what: 'matching, with extra template labels', input: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  selector: {matchLabels: {app: db}}', '  template:', '    metadata: {labels: {app: db, tier: data}}', '    spec: {containers: [{name: c, image: "c:1"}]}'), want: [] },
  { what: 'apps/v1 without a selector', input: y('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  template:', '    metadata: {labels: {app: d}}', '    spec: {containers: [{name: c, image: "c:1"}]}'), want: [2] },
  {
    what: 'matchExpressions that exclude the template',
    input: y('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: r}', 'spec:', '  selector:', '    matchExpressions:', '      - {key: tier, operator: In, values: [frontend]}', '  template:', '    metadata: {labels: {tier: backend}}', '    spec: {containers: [{name: c, image: "c:1"}]}'),
    want: [5],
  },
  { what: 'ReplicationController plain selector', input: y('apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: rc}', 'spec:', '  selector: {app: rc}', '  template:', '    metadata: {labels: {app: rc}}', '    spec: {containers: [{name: c, image: "c:1"}]}'), want: [] },
  { what: 'Job without manualSelector', input: y('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec: {restartPolicy: Never, containers: [{name: c, image: "c:1"}]}'), want: [] },
]);

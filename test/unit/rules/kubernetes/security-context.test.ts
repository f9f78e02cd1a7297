import { ruleTable } from '../../../helpers/table';
import { message as runAsRoot } from '../../../../src/core/rules/kubernetes/run-as-root';
import { message as escalation } from '../../../../src/core/rules/kubernetes/allow-privilege-escalation';
import { message as privileged } from '../../../../src/core/rules/kubernetes/privileged-container';
import { message as writable } from '../../../../src/core/rules/kubernetes/writable-root-filesystem';
import { message as notDropped } from '../../../../src/core/rules/kubernetes/capabilities-not-dropped';
import { message as dangerous } from '../../../../src/core/rules/kubernetes/dangerous-capabilities';
import { message as procMount } from '../../../../src/core/rules/kubernetes/unmasked-proc-mount';
import { deploymentWith, y } from './manifests';

const hardened = deploymentWith(
  'securityContext:',
  '  runAsNonRoot: true',
  '  runAsUser: 10001',
  'containers:',
  '  - name: app',
  '    image: acme/app:1.0.0',
  '    securityContext:',
  '      allowPrivilegeEscalation: false',
  '      readOnlyRootFilesystem: true',
  '      capabilities:',
  '        drop: ["ALL"]',
);
const bare = deploymentWith('containers:', '  - name: app', '    image: acme/app:1.0.0');
const cronJob = y(
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata: {name: c}',
  'spec:',
  '  schedule: "@hourly"',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          initContainers:',
  '            - name: init',
  '              image: busybox:1.36',
  '          containers:',
  '            - name: run',
  '              image: acme/run:1',
  '              securityContext:',
  '                runAsUser: 0',
  '                allowPrivilegeEscalation: true',
  '                readOnlyRootFilesystem: false',
  '                privileged: true',
  '                procMount: Unmasked',
  '                capabilities:',
  '                  add: [SYS_ADMIN, NET_BIND_SERVICE, CAP_NET_RAW]',
  '                  drop: [NET_RAW]',
);
const podLevelRoot = y(
  'apiVersion: v1',
  'kind: Pod',
  'metadata: {name: p}',
  'spec:',
  '  securityContext:',
  '    runAsUser: 0',
  '  containers:',
  '    - name: a',
  '      image: a:1',
  '    - name: b',
  '      image: b:1',
  '      securityContext:',
  '        runAsUser: 1000',
);

ruleTable('kubernetes/run-as-root', [
  { what: 'nothing set', input: bare, want: [16], messages: [runAsRoot("container 'app'", 'missing')] },
  { what: 'pod-level runAsNonRoot covers every container', input: hardened, want: [] },
  { what: 'runAsUser 0 in a CronJob container, init container unset', input: cronJob, want: [11, 17] },
  { what: 'pod-level UID 0 reported once; a container override wins', input: podLevelRoot, want: [6], messages: [runAsRoot("container 'a'", 'uid0')] },
  { what: 'runAsNonRoot: false', input: deploymentWith('securityContext:', '  runAsNonRoot: false', 'containers:', '  - name: app', '    image: a:1'), want: [16] },
  { what: 'container runAsNonRoot overrides pod false', input: deploymentWith('securityContext:', '  runAsNonRoot: false', 'containers:', '  - name: app', '    image: a:1', '    securityContext: {runAsNonRoot: true}'), want: [] },
]);

ruleTable('kubernetes/allow-privilege-escalation', [
  { what: 'not set', input: bare, want: [16], messages: [escalation("container 'app'", false)] },
  { what: 'false', input: hardened, want: [] },
  { what: 'true in a CronJob, init container unset', input: cronJob, want: [11, 18] },
  { what: 'pod-level settings do not exist for this key', input: deploymentWith('securityContext: {runAsNonRoot: true}', 'containers:', '  - name: app', '    image: a:1'), want: [17] },
  { what: 'flow style false', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "a:1", securityContext: {allowPrivilegeEscalation: false}}]'), want: [] },
]);

ruleTable('kubernetes/privileged-container', [
  { what: 'privileged CronJob container', input: cronJob, want: [20], messages: [privileged("container 'run'")] },
  { what: 'hardened', input: hardened, want: [] },
  { what: 'Knative Service', input: y('apiVersion: serving.knative.dev/v1', 'kind: Service', 'metadata: {name: hello}', 'spec:', '  template:', '    spec:', '      containers:', '        - image: r.example/hello:1.0', '          securityContext: {privileged: true}'), want: [9] },
  { what: 'Knative Revision', input: y('apiVersion: serving.knative.dev/v1', 'kind: Revision', 'metadata: {name: hello-00001}', 'spec:', '  containers:', '    - image: r.example/hello:1.0', '      securityContext: {privileged: true}'), want: [7] },
  { what: 'Argo Rollout', input: y('apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '        - name: web', '          image: r.example/web:1.0', '          securityContext: {privileged: true}'), want: [12] },
  { what: 'OpenShift DeploymentConfig', input: y('apiVersion: apps.openshift.io/v1', 'kind: DeploymentConfig', 'metadata: {name: web}', 'spec:', '  selector: {app: web}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers:', '        - name: web', '          image: r.example/web:1.0', '          securityContext: {privileged: true}'), want: [12] },
  { what: 'a core Service has no pods', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: hello}', 'spec:', '  template:', '    spec:', '      containers:', '        - image: r.example/hello:1.0', '          securityContext: {privileged: true}'), want: [] },
  { what: 'privileged: false', input: deploymentWith('containers:', '  - name: app', '    image: a:1', '    securityContext: {privileged: false}'), want: [] },
  { what: 'privileged init container of a DaemonSet', input: y('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    spec:', '      initContainers:', '        - name: sysctl', '          image: busybox:1.36', '          securityContext:', '            privileged: true', '      containers:', '        - name: d', '          image: d:1'), want: [13] },
  { what: 'no security context', input: bare, want: [] },
]);

ruleTable('kubernetes/writable-root-filesystem', [
  { what: 'not set', input: bare, want: [16], messages: [writable("container 'app'", false)] },
  { what: 'read-only', input: hardened, want: [] },
  { what: 'explicit false in a CronJob, init container unset', input: cronJob, want: [11, 19] },
  { what: 'two containers, one read-only', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext: {readOnlyRootFilesystem: true}', '  - name: b', '    image: b:1'), want: [19] },
  { what: 'quoted "true" is still a string, not a boolean: reported', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext: {readOnlyRootFilesystem: "yes"}'), want: [18] },
]);

ruleTable('kubernetes/capabilities-not-dropped', [
  { what: 'nothing dropped', input: bare, want: [16], messages: [notDropped("container 'app'")] },
  { what: 'drop ALL', input: hardened, want: [] },
  { what: 'drop only NET_RAW in a CronJob, init container unset', input: cronJob, want: [11, 24] },
  { what: 'lower-case all', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext:', '      capabilities:', '        drop:', '          - all'), want: [] },
  { what: 'Pod with two containers', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      securityContext: {capabilities: {drop: [ALL]}}', '    - name: b', '      image: b:1'), want: [9] },
]);

ruleTable('kubernetes/dangerous-capabilities', [
  { what: 'SYS_ADMIN and CAP_NET_RAW added, NET_BIND_SERVICE fine', input: cronJob, want: [23, 23], messages: [dangerous("container 'run'", 'SYS_ADMIN'), dangerous("container 'run'", 'NET_RAW')] },
  { what: 'hardened', input: hardened, want: [] },
  { what: 'ALL in a block list', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext:', '      capabilities:', '        add:', '          - ALL'), want: [21] },
  { what: 'only NET_BIND_SERVICE', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext: {capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}}'), want: [] },
  { what: 'dropping SYS_ADMIN is fine', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext: {capabilities: {drop: [SYS_ADMIN]}}'), want: [] },
]);

ruleTable('kubernetes/unmasked-proc-mount', [
  { what: 'Unmasked in a CronJob', input: cronJob, want: [21], messages: [procMount("container 'run'")] },
  { what: 'Default', input: deploymentWith('containers:', '  - name: a', '    image: a:1', '    securityContext: {procMount: Default}'), want: [] },
  { what: 'not set', input: bare, want: [] },
  { what: 'init container of a Pod', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  initContainers:', '    - name: i', '      image: i:1', '      securityContext:', '        procMount: Unmasked', '  containers:', '    - name: c', '      image: c:1'), want: [9] },
  { what: 'hardened', input: hardened, want: [] },
]);

import { ruleTable } from '../../../helpers/table';
import { message as hostNetwork } from '../../../../src/core/rules/kubernetes/host-network';
import { message as hostPid } from '../../../../src/core/rules/kubernetes/host-pid';
import { message as hostIpc } from '../../../../src/core/rules/kubernetes/host-ipc';
import { message as shareProcess } from '../../../../src/core/rules/kubernetes/share-process-namespace';
import { message as hostPath } from '../../../../src/core/rules/kubernetes/host-path-volume';
import { message as hostPort } from '../../../../src/core/rules/kubernetes/host-port';
import { message as sysctl } from '../../../../src/core/rules/kubernetes/unsafe-sysctls';
import { deploymentWith, y } from './manifests';

const daemonSet = y(
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata: {name: agent}',
  'spec:',
  '  selector: {matchLabels: {app: agent}}',
  '  template:',
  '    metadata: {labels: {app: agent}}',
  '    spec:',
  '      hostNetwork: true',
  '      hostPID: true',
  '      hostIPC: true',
  '      shareProcessNamespace: true',
  '      containers:',
  '        - name: agent',
  '          image: acme/agent:1',
  '          ports:',
  '            - containerPort: 9100',
  '              hostPort: 9100',
  '      volumes:',
  '        - name: sock',
  '          hostPath:',
  '            path: /var/run/docker.sock',
  '        - name: etc',
  '          hostPath: {path: /etc/}',
  '        - name: logs',
  '          hostPath:',
  '            path: /var/log/app',
  '            type: DirectoryOrCreate',
);
const clean = deploymentWith(
  'hostNetwork: false',
  'securityContext:',
  '  sysctls:',
  '    - name: net.ipv4.ip_local_port_range',
  '      value: "1024 65535"',
  'containers:',
  '  - name: app',
  '    image: a:1',
  '    ports: [{containerPort: 8080}]',
  'volumes:',
  '  - name: tmp',
  '    emptyDir: {}',
);
const pod = y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  hostNetwork: true', '  hostPID: false', '  securityContext:', '    sysctls:', '      - {name: kernel.msgmax, value: "65536"}', '      - {name: net.core.somaxconn, value: "1024"}', '  containers:', '    - name: c', '      image: c:1', '      ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]');
const cron = y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          hostIPC: true', '          volumes: [{name: root, hostPath: {path: /}}]', '          containers: [{name: c, image: "c:1"}]');

ruleTable('kubernetes/host-network', [
  { what: 'DaemonSet', input: daemonSet, want: [9], messages: [hostNetwork("DaemonSet 'agent'")] },
  { what: 'Pod', input: pod, want: [5] },
  { what: 'false', input: clean, want: [] },
  { what: 'CronJob without it', input: cron, want: [] },
  { what: 'List item', input: y('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: x}', '  spec:', '    hostNetwork: true', '    containers: [{name: c, image: "c:1"}]'), want: [8] },
]);

ruleTable('kubernetes/host-pid', [
  { what: 'DaemonSet', input: daemonSet, want: [10], messages: [hostPid("DaemonSet 'agent'")] },
  { what: 'explicit false', input: pod, want: [] },
  { what: 'clean', input: clean, want: [] },
  { what: 'CronJob', input: cron, want: [] },
  { what: 'Deployment', input: deploymentWith('hostPID: true', 'containers: [{name: c, image: "c:1"}]'), want: [15] },
]);

ruleTable('kubernetes/host-ipc', [
  { what: 'DaemonSet', input: daemonSet, want: [11], messages: [hostIpc("DaemonSet 'agent'")] },
  { what: 'CronJob', input: cron, want: [10] },
  { what: 'Pod without it', input: pod, want: [] },
  { what: 'clean', input: clean, want: [] },
  { what: 'quoted string is not a boolean', input: deploymentWith('hostIPC: "no"', 'containers: [{name: c, image: "c:1"}]'), want: [] },
]);

ruleTable('kubernetes/share-process-namespace', [
  { what: 'DaemonSet', input: daemonSet, want: [12], messages: [shareProcess("DaemonSet 'agent'")] },
  { what: 'clean', input: clean, want: [] },
  { what: 'Pod', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  shareProcessNamespace: true', '  containers: [{name: c, image: "c:1"}]'), want: [5] },
  { what: 'false', input: deploymentWith('shareProcessNamespace: false', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'CronJob without it', input: cron, want: [] },
]);

ruleTable('kubernetes/host-path-volume', [
  {
    what: 'socket, /etc and a log directory in a DaemonSet',
    input: daemonSet,
    want: [22, 24, 27],
    messages: [hostPath("DaemonSet 'agent'", '/var/run/docker.sock', 'socket'), hostPath("DaemonSet 'agent'", '/etc/', 'sensitive'), hostPath("DaemonSet 'agent'", '/var/log/app', 'other')],
  },
  { what: 'root in a CronJob', input: cron, want: [11] },
  { what: 'emptyDir only', input: clean, want: [] },
  { what: 'kubelet directory in a StatefulSet', input: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: s}', 'spec:', '  serviceName: s', '  selector: {matchLabels: {app: s}}', '  template:', '    metadata: {labels: {app: s}}', '    spec:', '      containers: [{name: c, image: "c:1"}]', '      volumes:', '        - name: k', '          hostPath:', '            path: /var/lib/kubelet/pods'), want: [14] },
  { what: 'Pod without volumes', input: pod, want: [] },
  {
    what: 'a node agent reading /proc read-only is a warning; writable in one container stays an error (issue 17)',
    input: y('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata: {name: agent}', 'spec:', '  selector: {matchLabels: {app: a}}', '  template:', '    metadata: {labels: {app: a}}', '    spec:', '      containers:', '        - name: c', '          image: "c:1"', '          volumeMounts: [{name: proc, mountPath: /host/proc, readOnly: true}, {name: dev, mountPath: /host/dev, readOnly: true}]', '        - name: d', '          image: "d:1"', '          volumeMounts: [{name: dev, mountPath: /host/dev}]', '      volumes:', '        - {name: proc, hostPath: {path: /proc}}', '        - {name: dev, hostPath: {path: /dev}}'),
    want: [17, 18],
    messages: [hostPath("DaemonSet 'agent'", '/proc', 'sensitive', true), hostPath("DaemonSet 'agent'", '/dev', 'sensitive')],
  },
]);

ruleTable('kubernetes/host-port', [
  { what: 'DaemonSet', input: daemonSet, want: [18], messages: [hostPort("container 'agent'", 9100)] },
  { what: 'flow style in a Pod', input: pod, want: [14] },
  { what: 'no hostPort', input: clean, want: [] },
  { what: 'hostPort 0 means none', input: deploymentWith('containers:', '  - name: c', '    image: c:1', '    ports:', '      - containerPort: 80', '        hostPort: 0'), want: [] },
  { what: 'CronJob', input: cron, want: [] },
]);

ruleTable('kubernetes/unsafe-sysctls', [
  { what: 'two unsafe sysctls in a Pod', input: pod, want: [9, 10], messages: [sysctl("Pod 'p'", 'kernel.msgmax'), sysctl("Pod 'p'", 'net.core.somaxconn')] },
  { what: 'safe sysctl', input: clean, want: [] },
  { what: 'none', input: daemonSet, want: [] },
  { what: 'slash-separated safe name', input: deploymentWith('securityContext:', '  sysctls:', '    - name: net/ipv4/tcp_syncookies', '      value: "1"', 'containers: [{name: c, image: "c:1"}]'), want: [] },
  { what: 'Deployment with vm sysctl', input: deploymentWith('securityContext:', '  sysctls:', '    - name: vm.max_map_count', '      value: "262144"', 'containers: [{name: c, image: "c:1"}]'), want: [17] },
]);

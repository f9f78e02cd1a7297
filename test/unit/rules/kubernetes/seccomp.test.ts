import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/kubernetes/missing-seccomp-profile';
import { deploymentWith, y } from './manifests';

ruleTable('kubernetes/missing-seccomp-profile', [
  { what: 'no profile anywhere: reported at the kind line', input: deploymentWith('containers:', '  - name: app', '    image: a:1'), want: [2], messages: [message("pod of Deployment 'web'", false)] },
  { what: 'pod-level RuntimeDefault', input: deploymentWith('securityContext:', '  seccompProfile: {type: RuntimeDefault}', 'containers:', '  - name: app', '    image: a:1'), want: [] },
  { what: 'pod-level Unconfined', input: deploymentWith('securityContext:', '  seccompProfile:', '    type: Unconfined', 'containers:', '  - name: app', '    image: a:1'), want: [17] },
  {
    what: 'one container sets it, the other does not',
    input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: a:1', '      securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}', '    - name: b', '      image: b:1'),
    want: [9],
  },
  { what: 'container Unconfined overrides the pod', input: deploymentWith('securityContext: {seccompProfile: {type: RuntimeDefault}}', 'containers:', '  - name: app', '    image: a:1', '    securityContext:', '      seccompProfile:', '        type: Unconfined'), want: [21] },
  {
    what: 'legacy pod annotation in a CronJob',
    input: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: c}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        metadata:', '          annotations:', '            seccomp.security.alpha.kubernetes.io/pod: runtime/default', '        spec:', '          containers: [{name: c, image: "c:1"}]'),
    want: [],
  },
  { what: 'StatefulSet after a Service', input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec: {selector: {app: s}, ports: [{port: 80}]}', '---', 'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: s}', 'spec:', '  serviceName: s', '  selector: {matchLabels: {app: s}}', '  template:', '    metadata: {labels: {app: s}}', '    spec:', '      containers: [{name: c, image: "c:1"}]'), want: [7] },
]);

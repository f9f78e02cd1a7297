import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/kubernetes/image-latest-tag';
import { deploymentWith, y } from './manifests';

ruleTable('kubernetes/image-latest-tag', [
  { what: 'untagged image in a Deployment', input: deploymentWith('containers:', '  - name: app', '    image: nginx'), want: [17], messages: [message("container 'app'", 'nginx', 'untagged')] },
  { what: 'latest in a bare Pod', input: y('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: app', '      image: redis:latest'), want: [8], messages: [message("container 'app'", 'redis:latest', 'latest')] },
  {
    what: 'init container of a CronJob',
    input: y('apiVersion: batch/v1', 'kind: CronJob', 'metadata:', '  name: c', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          initContainers:', '            - name: wait', '              image: busybox', '          containers:', '            - name: run', '              image: acme/job:1.2.0'),
    want: [13],
  },
  { what: 'flow-style container list', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers: [{name: a, image: "alpine:latest"}]'), want: [5] },
  { what: 'pinned tag and digest are fine', input: deploymentWith('containers:', '  - name: app', '    image: nginx:1.27.2', '  - name: side', '    image: envoyproxy/envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), want: [] },
  { what: 'registry with a port and a tag', input: deploymentWith('containers:', '  - name: app', '    image: registry.local:5000/team/app:2.0.1'), want: [] },
  {
    what: 'second document of a multi-document file, StatefulSet',
    input: y('apiVersion: v1', 'kind: Service', 'metadata: {name: db}', 'spec: {selector: {app: db}, ports: [{port: 5432}]}', '---', 'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: db}', 'spec:', '  serviceName: db', '  selector: {matchLabels: {app: db}}', '  template:', '    metadata: {labels: {app: db}}', '    spec:', '      containers:', '        - name: pg', '          image: postgres'),
    want: [17],
  },
  { what: 'items of a List', input: y('apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: Pod', '    metadata: {name: a}', '    spec:', '      containers:', '        - name: a', '          image: nginx:latest'), want: [10] },
  { what: 'a variable tag is not judged', input: deploymentWith('containers:', '  - name: app', '    image: ghcr.io/acme/app:${TAG}'), want: [] },
]);

import { ruleTable } from '../../../helpers/table';
import { message } from '../../../../src/core/rules/kubernetes/image-pull-policy';
import { deploymentWith, y } from './manifests';

ruleTable('kubernetes/image-pull-policy', [
  { what: 'latest with IfNotPresent', input: deploymentWith('containers:', '  - name: app', '    image: acme/app:latest', '    imagePullPolicy: IfNotPresent'), want: [18], messages: [message("container 'app'", 'acme/app:latest', 'IfNotPresent')] },
  { what: 'untagged with Never in a Pod', input: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: a', '      image: acme/app', '      imagePullPolicy: Never'), want: [8] },
  { what: 'latest with Always', input: deploymentWith('containers:', '  - name: app', '    image: acme/app:latest', '    imagePullPolicy: Always'), want: [] },
  { what: 'latest without a policy (defaults to Always)', input: deploymentWith('containers:', '  - name: app', '    image: acme/app:latest'), want: [] },
  { what: 'pinned tag with IfNotPresent', input: deploymentWith('containers:', '  - name: app', '    image: acme/app:1.4.2', '    imagePullPolicy: IfNotPresent'), want: [] },
  { what: 'init container of a Job', input: y('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      initContainers:', '        - name: i', '          image: busybox', '          imagePullPolicy: IfNotPresent', '      containers:', '        - name: c', '          image: acme/job:3'), want: [10] },
]);

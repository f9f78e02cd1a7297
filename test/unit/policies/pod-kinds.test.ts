import { ruleTable } from '../../helpers/table';
import { y } from '../rules/kubernetes/manifests';

/** The pod spec lines (at the given indent) of a container publishing SSH, with an nfs volume. */
function podSpec(indent: string): string[] {
  return ['containers:', '  - name: sftp', '    image: r.example/sftp:1.2.0', '    ports: [{containerPort: 22}]', 'volumes:', '  - name: data', '    nfs: {server: files.example.com, path: /x}'].map((l) => indent + l);
}

const TEMPLATE = (apiVersion: string, kind: string): string => y(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: sftp}', 'spec:', '  template:', '    spec:', ...podSpec('      '));

// every pod-bearing kind gets the container and pod policies (the port is line 10, the volume line 13)
const KINDS = [
  { what: 'Knative Service', input: TEMPLATE('serving.knative.dev/v1', 'Service') },
  { what: 'Knative Configuration', input: TEMPLATE('serving.knative.dev/v1', 'Configuration') },
  { what: 'Argo Rollout', input: TEMPLATE('argoproj.io/v1alpha1', 'Rollout') },
  { what: 'OpenShift DeploymentConfig', input: TEMPLATE('apps.openshift.io/v1', 'DeploymentConfig') },
  { what: 'Job', input: TEMPLATE('batch/v1', 'Job') },
];
const REVISION = y('apiVersion: serving.knative.dev/v1', 'kind: Revision', 'metadata: {name: sftp-00001}', 'spec:', ...podSpec('  '));
const CRON = y('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: sftp}', 'spec:', '  schedule: "@daily"', '  jobTemplate:', '    spec:', '      template:', '        spec:', ...podSpec('          '));
const CORE_SERVICE = y('apiVersion: v1', 'kind: Service', 'metadata: {name: sftp}', 'spec:', '  template:', '    spec:', ...podSpec('      '));

ruleTable('kubernetes/ssh-port', [
  ...KINDS.map((k) => ({ ...k, want: [10] })),
  { what: 'Knative Revision', input: REVISION, want: [8] },
  { what: 'CronJob', input: CRON, want: [13] },
  { what: 'a core Service has no pods', input: CORE_SERVICE, want: [] },
]);

ruleTable('kubernetes/restricted-volume-type', [
  ...KINDS.map((k) => ({ ...k, want: [13] })),
  { what: 'Knative Revision', input: REVISION, want: [11] },
  { what: 'CronJob', input: CRON, want: [16] },
  { what: 'a core Service has no pods', input: CORE_SERVICE, want: [] },
]);

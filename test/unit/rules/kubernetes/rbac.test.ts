import { ruleTable } from '../../../helpers/table';
import { message as wildcard } from '../../../../src/core/rules/kubernetes/rbac-wildcard';
import { message as clusterAdmin } from '../../../../src/core/rules/kubernetes/cluster-admin-binding';
import { message as secrets } from '../../../../src/core/rules/kubernetes/rbac-secrets-access';
import { message as exec } from '../../../../src/core/rules/kubernetes/rbac-pod-exec';
import { message as escalation } from '../../../../src/core/rules/kubernetes/rbac-escalation-verbs';
import { y } from './manifests';

const role = (...rules: string[]): string => y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata: {name: r}', 'rules:', ...rules);
const readOnly = role('  - apiGroups: [""]', '    resources: [pods, services, configmaps]', '    verbs: [get, list, watch]', '  - apiGroups: [apps]', '    resources: [deployments]', '    verbs: [get]');

ruleTable('kubernetes/rbac-wildcard', [
  { what: 'wildcard verbs', input: role('  - apiGroups: [""]', '    resources: [pods]', '    verbs: ["*"]'), want: [7], messages: [wildcard("ClusterRole 'r'", 'verbs')] },
  { what: 'wildcard resources and groups, block lists', input: role('  - apiGroups:', '      - "*"', '    resources:', '      - "*"', '    verbs: [get]'), want: [6, 8] },
  { what: 'read-only role', input: readOnly, want: [] },
  { what: 'namespaced Role in a stream', input: y('apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: a}', '---', 'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata: {name: a}', 'rules:', '  - {apiGroups: [batch], resources: [jobs], verbs: ["*"]}'), want: [9] },
  { what: 'nonResourceURLs wildcard is not a resource wildcard', input: role('  - nonResourceURLs: ["/metrics"]', '    verbs: [get]'), want: [] },
]);

ruleTable('kubernetes/cluster-admin-binding', [
  { what: 'ClusterRoleBinding', input: y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata: {name: b}', 'roleRef:', '  apiGroup: rbac.authorization.k8s.io', '  kind: ClusterRole', '  name: cluster-admin', 'subjects: [{kind: ServiceAccount, name: ci, namespace: ci}]'), want: [7], messages: [clusterAdmin("ClusterRoleBinding 'b'")] },
  { what: 'RoleBinding to cluster-admin', input: y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', 'metadata: {name: b, namespace: x}', 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}'), want: [4] },
  { what: 'view role', input: y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata: {name: b}', 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}'), want: [] },
  { what: 'a Role that happens to be named cluster-admin', input: y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', 'metadata: {name: b}', 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: cluster-admin}'), want: [] },
  { what: 'not a binding', input: readOnly, want: [] },
]);

ruleTable('kubernetes/rbac-secrets-access', [
  { what: 'list secrets', input: role('  - apiGroups: [""]', '    resources: [configmaps, secrets]', '    verbs: [get, list]'), want: [6], messages: [secrets("ClusterRole 'r'")] },
  { what: 'get on named secrets only', input: role('  - apiGroups: [""]', '    resources: [secrets]', '    resourceNames: [app-tls]', '    verbs: [get]'), want: [] },
  { what: 'wildcard verb', input: role('  - apiGroups: [""]', '    resources:', '      - secrets', '    verbs: ["*"]'), want: [7] },
  { what: 'create only', input: role('  - apiGroups: [""]', '    resources: [secrets]', '    verbs: [create]'), want: [] },
  { what: 'another API group', input: role('  - apiGroups: [external-secrets.io]', '    resources: [secrets]', '    verbs: [get]'), want: [] },
]);

ruleTable('kubernetes/rbac-pod-exec', [
  { what: 'pods/exec create', input: role('  - apiGroups: [""]', '    resources: [pods, pods/exec]', '    verbs: [create, get]'), want: [6], messages: [exec("ClusterRole 'r'", 'pods/exec')] },
  { what: 'attach in a block list', input: role('  - apiGroups: [""]', '    resources:', '      - pods/attach', '    verbs: [create]'), want: [7] },
  { what: 'pods/log is fine', input: role('  - apiGroups: [""]', '    resources: [pods/log]', '    verbs: [get]'), want: [] },
  { what: 'read-only', input: readOnly, want: [] },
  { what: 'exec without a verb that allows it', input: role('  - apiGroups: [""]', '    resources: [pods/exec]', '    verbs: [list]'), want: [] },
]);

ruleTable('kubernetes/rbac-escalation-verbs', [
  { what: 'bind and escalate on roles', input: role('  - apiGroups: [rbac.authorization.k8s.io]', '    resources: [clusterroles]', '    verbs: [bind, escalate]'), want: [7, 7], messages: [escalation("ClusterRole 'r'", 'bind'), escalation("ClusterRole 'r'", 'escalate')] },
  { what: 'impersonate in a block list', input: role('  - apiGroups: [""]', '    resources: [users, groups]', '    verbs:', '      - impersonate'), want: [8] },
  { what: 'read-only', input: readOnly, want: [] },
  { what: 'create roles', input: role('  - apiGroups: [rbac.authorization.k8s.io]', '    resources: [roles]', '    verbs: [create]'), want: [] },
  { what: 'Role (not ClusterRole)', input: y('apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata: {name: r}', 'rules:', '  - {apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate]}'), want: [5] },
]);

import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, analyzeFiles } from '../../../../src/core';
import { ready } from '../../../helpers/core';
import { y } from './manifests';

/** Realistic shapes that must stay quiet (or partly quiet) across the whole Kubernetes pack. */
describe('kubernetes pack precision', () => {
  before(ready);

  it('a kustomize patch (containers without images) gets no "missing …" findings', () => {
    const patch = y(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 4',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          resources:',
      '            limits:',
      '              memory: 1Gi',
    );
    const ids = analyze('overlays/prod/patch.yaml', patch).map((f) => f.ruleId);
    assert.deepEqual(ids, []);
  });

  it('a patch still reports an explicitly dangerous setting', () => {
    const patch = y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          securityContext:', '            privileged: true');
    assert.deepEqual(analyze('overlays/dev/patch.yaml', patch).map((f) => `${f.range.start.line + 1} ${f.ruleId}`), ['10 kubernetes/privileged-container']);
  });

  it('a Service for operator-made pods is not dangling', () => {
    const files = [
      { path: 'k8s/app.yaml', text: y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: "web:1"}]}') },
      { path: 'k8s/db.yaml', text: y('apiVersion: acid.zalan.do/v1', 'kind: postgresql', 'metadata: {name: shop-db}', 'spec: {numberOfInstances: 2}') },
      { path: 'k8s/db-svc.yaml', text: y('apiVersion: v1', 'kind: Service', 'metadata: {name: shop-db-ro}', 'spec:', '  selector: {cluster-name: shop-db, spilo-role: replica}', '  ports: [{port: 5432}]') },
    ];
    const found = [...analyzeFiles(files).values()].flat().filter((f) => f.ruleId === 'kubernetes/service-selector-mismatch');
    assert.deepEqual(found, []);
  });

  it('settings that mention auth are not secrets; credentials are', () => {
    const text = y(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: grafana}',
      'spec:',
      '  containers:',
      '    - name: grafana',
      '      image: grafana/grafana:11.2.0',
      '      env:',
      '        - {name: GF_AUTH_ANONYMOUS_ENABLED, value: "true"}',
      '        - {name: GF_AUTH_ANONYMOUS_ORG_ROLE, value: Viewer}',
      '        - {name: GF_AUTH_GENERIC_OAUTH_AUTH_URL, value: "https://sso.example.com/authorize"}',
      '        - {name: TOKEN_EXPIRY, value: 1h}',
      '        - {name: PASSWORD_MIN_LENGTH, value: "12"}',
      '        - {name: GF_SECURITY_ADMIN_PASSWORD, value: "grafana-admin-2024"}',
      '        - {name: SLACK_WEBHOOK_URL, value: "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX"}',
    );
    const lines = analyze('k8s/grafana.yaml', text).filter((f) => f.ruleId === 'kubernetes/secret-in-env').map((f) => f.range.start.line + 1);
    assert.deepEqual(lines, [14, 15]);
  });

  it('a clean Deployment and Service in one file give only folder-level info', () => {
    const text = y(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  replicas: 2',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      serviceAccountName: web',
      '      automountServiceAccountToken: false',
      '      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
      '      containers:',
      '        - name: web',
      '          image: ghcr.io/acme/web:1.0.0',
      '          ports: [{name: http, containerPort: 8080}]',
      '          readinessProbe: {httpGet: {path: /ready, port: http}}',
      '          livenessProbe: {httpGet: {path: /live, port: http}}',
      '          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 256Mi}}',
      '          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web, namespace: shop}',
      'spec: {selector: {app: web}, ports: [{port: 80, targetPort: http}]}',
    );
    // both entry points run the folder rules, over a folder holding this one file
    const single = analyze('k8s/web.yaml', text).map((f) => f.ruleId).sort();
    const folder = [...analyzeFiles([{ path: 'k8s/web.yaml', text }]).values()].flat().map((f) => f.ruleId).sort();
    assert.deepEqual(single, ['kubernetes/missing-network-policy', 'kubernetes/missing-pod-disruption-budget']);
    assert.deepEqual(folder, single);
  });

  it('reads YAML 1.1 booleans as Kubernetes does, and merge keys', () => {
    const text = y(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  hostNetwork: yes',
      '  containers:',
      '    - &base',
      '      name: a',
      '      image: a:1.0.0',
      '      securityContext:',
      '        privileged: on',
      '    - <<: *base',
      '      name: b',
    );
    const found = analyze('k8s/p.yaml', text)
      .filter((f) => f.ruleId === 'kubernetes/host-network' || f.ruleId === 'kubernetes/privileged-container')
      .map((f) => `${f.range.start.line + 1} ${f.ruleId}`);
    // the second container inherits image and securityContext through the merge key: both are privileged
    assert.deepEqual(found, ['5 kubernetes/host-network', '11 kubernetes/privileged-container', '11 kubernetes/privileged-container']);
    const images = analyze('k8s/p.yaml', text).filter((f) => f.ruleId === 'kubernetes/missing-memory-limit').map((f) => f.range.start.line + 1);
    assert.deepEqual(images, [8, 12]);
  });

  it('Windows pods skip the Linux-only security settings; one-shot pods need no probes', () => {
    const windows = y(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: iis}',
      'spec:',
      '  selector: {matchLabels: {app: iis}}',
      '  template:',
      '    metadata: {labels: {app: iis}}',
      '    spec:',
      '      nodeSelector:',
      '        kubernetes.io/os: windows',
      '      securityContext:',
      '        windowsOptions: {runAsUserName: ContainerUser}',
      '      containers:',
      '        - name: iis',
      '          image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
    );
    const linuxOnly = ['run-as-root', 'allow-privilege-escalation', 'writable-root-filesystem', 'capabilities-not-dropped', 'missing-seccomp-profile'].map((r) => `kubernetes/${r}`);
    assert.deepEqual(analyze('k8s/iis.yaml', windows).filter((f) => linuxOnly.includes(f.ruleId)), []);
    const oneShot = y('apiVersion: v1', 'kind: Pod', 'metadata: {name: migrate}', 'spec:', '  restartPolicy: Never', '  containers:', '    - name: migrate', '      image: acme/migrate:1.0.0', '      ports: [{containerPort: 8080}]');
    assert.deepEqual(analyze('k8s/migrate.yaml', oneShot).filter((f) => f.ruleId.endsWith('-probe')), []);
  });
});

// Regression corpus (issue 17): files with Go/Helm template strings, written here.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectKind } from '../../../src/core';
import { templatingBreaksYaml } from '../../../src/core/kinds';
import { corpusTable } from '../../helpers/corpus';
import { y } from '../rules/kubernetes/manifests';

const annotated = y(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  annotations:',
  "    notifications.example.io/message: 'Deployed {{ .app.metadata.name }} at {{ .time }}'",
  '    # rendered by the notifier: {{ .context.url }}',
  'spec:',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:latest',
  '          args: ["--title={{ .Title }}", --port=8080]',
);

describe('regression: template detection', () => {
  it('template strings inside scalars and comments do not make a template', () => {
    assert.equal(templatingBreaksYaml(annotated), false);
    assert.equal(detectKind('deploy/web.yaml', annotated), 'kubernetes');
    assert.equal(templatingBreaksYaml('image: registry/app:{{ .Tag }}\nname: pre-{{ .X }}\n'), false);
  });
  it('templating where YAML structure is read makes a template', () => {
    for (const text of ['{{- if .Values.enabled }}\nkind: Service\n', 'replicas: {{ .Values.replicas }}\n', 'args:\n  - {{ .Values.arg }}\n', 'ports: [{{ .Values.port }}]\n', 'labels:\n  {{- include "x" . | nindent 4 }}\n']) {
      assert.equal(templatingBreaksYaml(text), true, text);
    }
    assert.equal(detectKind('chart/x.yaml', 'apiVersion: v1\nkind: Service\nspec:\n  replicas: {{ .Values.replicas }}\n'), 'helm');
  });
});

corpusTable('regression: templated strings are opaque values', [
  {
    what: 'a plain Deployment with a Go template in an annotation is analysed',
    rule: 'kubernetes/image-latest-tag',
    files: { 'deploy/web.yaml': annotated },
    want: [{ path: 'deploy/web.yaml', line: 15, severity: 'warning' }],
  },
  {
    what: 'a chart template under templates/ is not analysed',
    rule: 'kubernetes/image-latest-tag',
    files: { 'chart/templates/web.yaml': annotated, 'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n' },
    want: [],
  },
]);

describe('regression: the rules changed for issue 17 state their known limits', () => {
  it('each page has a Known limits section', async () => {
    const fs = await import('fs');
    const path = await import('path');
    const { repoRoot } = await import('../../helpers/core');
    const changed = [
      'terraform/resource-hardcoded-secret', 'kubernetes/service-selector-mismatch', 'kubernetes/hpa-target', 'kubernetes/ingress-missing-service',
      'kubernetes/service-target-port', 'kubernetes/selector-template-mismatch', 'kubernetes/secret-manifest', 'kubernetes/secret-from-configmap',
      'github-actions/expression-syntax', 'github-actions/hardcoded-secret', 'gitlab-ci/deploy-without-rules', 'gitlab-ci/allow-failure-on-test', 'dockerfile/apk-no-cache', 'kubernetes/host-path-volume',
    ];
    for (const id of changed) {
      const page = fs.readFileSync(path.join(repoRoot(), 'docs', 'rules', `${id}.md`), 'utf8');
      assert.ok(/\n## Known limits\n- \S/.test(page), `${id}: no Known limits section`);
    }
  });
});

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseYamlFile } from '../../../../src/core/parsers/yaml';
import { flag, kubernetesModel, readSelector, selectorMatches } from '../../../../src/core/parsers/kubernetes';
import { y } from './manifests';

describe('kubernetes model', () => {
  const text = y(
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - apiVersion: v1',
    '    kind: PodTemplate',
    '    metadata: {name: tpl}',
    '    template:',
    '      metadata: {labels: {app: tpl}}',
    '      spec:',
    '        containers: [{name: t, image: "t:1"}]',
    '---',
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    '  name: nightly',
    '  namespace: jobs',
    'spec:',
    '  schedule: "@daily"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        metadata:',
    '          labels: {app: nightly}',
    '        spec:',
    '          initContainers:',
    '            - name: prep',
    '              image: busybox:1.36',
    '          containers:',
    '            - name: run',
    '              image: acme/run:1',
    '              ports: [{name: http, containerPort: 8080}]',
    '          ephemeralContainers:',
    '            - name: debug',
    '              image: busybox:1.36',
    '---',
    '# a comment-only document and a scalar document are skipped',
    '---',
    'just a string',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: svc}',
  );
  const model = kubernetesModel(parseYamlFile(text));

  it('lists every object, List items included, with its kind line', () => {
    assert.deepEqual(
      model.resources.map((r) => `${r.kind}/${r.name}@${r.header.start.line + 1}${r.inList ? ' (list)' : ''}`),
      ['PodTemplate/tpl@5 (list)', 'CronJob/nightly@13', 'Service/svc@41'],
    );
  });

  it('extracts pod specs from PodTemplate and CronJob templates', () => {
    const [tpl, cron, svc] = model.resources;
    assert.equal(tpl.pod?.labels.get('app'), 'tpl');
    assert.equal(cron.namespace, 'jobs');
    assert.equal(cron.pod?.runsToCompletion, true);
    assert.equal(svc.pod, undefined);
    assert.deepEqual(
      cron.pod?.containers.map((c) => `${c.group}:${c.name}@${c.header.start.line + 1}`),
      ['containers:run@29', 'initContainers:prep@26', 'ephemeralContainers:debug@33'],
    );
    assert.deepEqual(cron.pod?.containers[0].ports.map((p) => `${p.name}:${p.containerPort}`), ['http:8080']);
  });

  it('is built once per parsed file', () => {
    const file = parseYamlFile(text);
    assert.equal(kubernetesModel(file), kubernetesModel(file));
  });

  it('evaluates selectors with matchLabels and every expression operator', () => {
    const doc = parseYamlFile(
      y(
        'matchLabels: {app: web}',
        'matchExpressions:',
        '  - {key: tier, operator: In, values: [fe, be]}',
        '  - {key: canary, operator: DoesNotExist}',
        '  - {key: zone, operator: Exists}',
        '  - {key: env, operator: NotIn, values: [dev]}',
      ),
    ).documents[0];
    const selector = readSelector(doc.contents, doc, 'set');
    assert.ok(selector);
    const labels = (o: Record<string, string>): Map<string, string> => new Map(Object.entries(o));
    assert.equal(selectorMatches(selector, labels({ app: 'web', tier: 'fe', zone: 'a', env: 'prod' })), true);
    assert.equal(selectorMatches(selector, labels({ app: 'web', tier: 'fe', zone: 'a', env: 'dev' })), false);
    assert.equal(selectorMatches(selector, labels({ app: 'web', tier: 'db', zone: 'a' })), false);
    assert.equal(selectorMatches(selector, labels({ app: 'web', tier: 'be', zone: 'a', canary: 'x' })), false);
    assert.equal(selectorMatches(selector, labels({ app: 'web', tier: 'be' })), false);
  });

  it('reads booleans the way Kubernetes does', () => {
    const doc = parseYamlFile(y('a: yes', 'b: "yes"', 'c: false', 'd: Off', 'e: 1')).documents[0];
    const values = ['a', 'b', 'c', 'd', 'e'].map((k) => flag((doc.contents as { get(k: string, keep: true): unknown }).get(k, true)));
    assert.deepEqual(values, [true, undefined, false, false, undefined]);
  });
});

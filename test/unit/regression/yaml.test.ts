// Regression corpus (issue 17): YAML that real-world loaders accept, written here.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, duplicateKeyMessage } from '../../../src/core';
import { corpusTable } from '../../helpers/corpus';
import { ready } from '../../helpers/core';

const y = (...lines: string[]): string => lines.join('\n') + '\n';

const pod = (first: string, second: string): string =>
  y('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', `      image: ${first}`, '      ports: [{containerPort: 80}]', `      image: ${second}`);

corpusTable('regression: repeated keys are reported and the last value is checked', [
  {
    what: 'a repeated key in a compose service (docker compose rejects it)',
    rule: 'duplicate-key',
    files: { 'compose.yaml': y('services:', '  web:', '    image: nginx:1.27', '    ports: ["8080:80"]', '    image: nginx:1.26') },
    want: [{ path: 'compose.yaml', line: 5, severity: 'warning' }],
  },
  {
    what: 'a repeated steps: in a workflow job',
    rule: 'duplicate-key',
    files: { '.github/workflows/ci.yml': y('on: push', 'jobs:', '  test:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: make', '    steps:', '      - run: make test') },
    want: [{ path: '.github/workflows/ci.yml', line: 7, severity: 'warning' }],
  },
  {
    what: 'kubectl keeps the last image: the latest tag written last is found',
    rule: 'kubernetes/image-latest-tag',
    files: { 'k8s/pod.yaml': pod('nginx:1.27', 'nginx:latest') },
    want: [{ path: 'k8s/pod.yaml', line: 10, severity: 'warning' }],
  },
  {
    what: 'kubectl keeps the last image: a pinned tag written last is not flagged',
    rule: 'kubernetes/image-latest-tag',
    files: { 'k8s/pod.yaml': pod('nginx:latest', 'nginx:1.27') },
    want: [],
  },
  {
    what: 'repeated merge keys are YAML 1.1 style, not a repeat',
    rule: 'duplicate-key',
    files: {
      'docker-compose.yml': y('x-base: &base', '  restart: unless-stopped', 'x-logs: &logs', '  logging: {driver: local}', 'services:', '  web:', '    <<: *base', '    <<: *logs', '    image: nginx:1.27'),
    },
    want: [],
  },
  {
    what: 'keys repeated in different mappings are not a repeat',
    rule: 'duplicate-key',
    files: { 'compose.yaml': y('services:', '  web:', '    image: nginx:1.27', '  api:', '    image: nginx:1.27') },
    want: [],
  },
]);

const quotedAtKeyColumn = y(
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  annotations:',
  "    note: 'applied by the operator: {\"driver\": \"mysql\",",
  '    "changes": ["CREATE TABLE users"],',
  "    \"it''s\": true}'",
  '    other: "a double-quoted one',
  '    continued at the same column"',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:latest',
);

corpusTable('regression: lax YAML that loaders accept parses', [
  {
    what: 'a %YAML directive and an explicit document end',
    rule: 'parse-error',
    files: { 'k8s/cm.yaml': y('%YAML 1.1', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', 'data: {enabled: "yes"}', '...', '%YAML 1.1', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: b}') },
    want: [],
  },
  {
    what: "GitLab's !reference tags",
    rule: 'parse-error',
    files: { '.gitlab-ci.yml': y('.setup:', '  script: [echo setup]', 'test:', '  stage: test', '  script:', '    - !reference [.setup, script]', '    - make test') },
    want: [],
  },
  {
    what: 'tabs inside flow collections and before comments, CRLF line ends, a very long line',
    rule: 'parse-error',
    files: { 'compose.yaml': ['services:', '  web:', '    image: nginx:1.27', '    command: ["serve",\t"--port", "80"]\t# tab', `    labels: {note: "${'x'.repeat(40_000)}"}`].join('\r\n') + '\r\n' },
    want: [],
  },
  {
    what: "a quoted scalar continued at its key's column (kubectl and PyYAML read it)",
    rule: 'parse-error',
    files: { 'k8s/pod.yaml': quotedAtKeyColumn },
    want: [],
  },
  {
    what: 'a tab in the indentation is a parse error at its line (compose and kubectl reject it too)',
    rule: 'parse-error',
    files: { 'compose.yaml': y('services:', '  web:', '    image: nginx:1.27', '    environment:', '\t  A: x') },
    want: [{ path: 'compose.yaml', line: 5, severity: 'error' }],
  },
]);

corpusTable('regression: positions after a re-indented quoted scalar are those of the file', [
  {
    what: 'the finding below the scalars is on its own line and column',
    rule: 'kubernetes/image-latest-tag',
    files: { 'k8s/pod.yaml': quotedAtKeyColumn },
    want: [{ path: 'k8s/pod.yaml', line: 14, severity: 'warning' }],
  },
]);

describe('regression: a quoted scalar continued at its key column', () => {
  it('keeps its value and the columns of what follows', async () => {
    await ready();
    const found = analyze('k8s/pod.yaml', quotedAtKeyColumn, {}).find((f) => f.ruleId === 'kubernetes/image-latest-tag');
    assert.deepEqual(found?.range.start, { line: 13, character: 13 });
    const { parseYamlFile } = await import('../../../src/core/parsers/yaml');
    const file = parseYamlFile(quotedAtKeyColumn);
    assert.equal(file.error, undefined);
    const note = (file.documents[0].toJS() as { metadata: { annotations: { note: string; other: string } } }).metadata.annotations;
    assert.equal(note.note, 'applied by the operator: {"driver": "mysql", "changes": ["CREATE TABLE users"], "it\'s": true}');
    assert.equal(note.other, 'a double-quoted one continued at the same column');
  });
});

describe('regression: duplicate-key messages', () => {
  it('say which loader rejects the file, or which value counts', async () => {
    await ready();
    const compose = analyze('compose.yaml', y('services:', '  web:', '    image: a:1', '    image: a:2'), {});
    assert.deepEqual(compose.filter((f) => f.ruleId === 'duplicate-key').map((f) => f.message), [duplicateKeyMessage('compose', 'image', 2)]);
    assert.match(duplicateKeyMessage('compose', 'image', 2), /line 3 .*docker compose rejects/);
    assert.match(duplicateKeyMessage('kubernetes', 'image', 2), /the last value is the one used/);
    const off = analyze('compose.yaml', y('services:', '  web:', '    image: a:1', '    image: a:2'), { rules: { 'duplicate-key': 'off' } });
    assert.deepEqual(off.filter((f) => f.ruleId === 'duplicate-key'), []);
  });
});

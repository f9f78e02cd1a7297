import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze, analyzeFiles, applyFixes, detectKind, MAX_FILE_BYTES, MAX_YAML_BYTES, parseAnalyzeConfig, PARSE_ERROR, FILE_TOO_LARGE, INTERNAL_ERROR } from '../../src/core';
import { ready } from '../helpers/core';

/**
 * Every call must return findings, never throw; at most one parse-error; and no rule may have
 * failed (a rule that throws shows as an internal-error finding, see 'a rule that throws').
 */
function safeAnalyze(path: string, text: string): ReturnType<typeof analyze> {
  const findings = analyze(path, text);
  assert.ok(Array.isArray(findings));
  assert.ok(findings.filter((f) => f.ruleId === PARSE_ERROR).length <= 1, 'at most one parse-error finding');
  assert.deepEqual(findings.filter((f) => f.ruleId === INTERNAL_ERROR).map((f) => f.message), [], `a rule failed on ${path}`);
  return findings;
}

describe('detectKind', () => {
  const table: [string, string | undefined, string | undefined][] = [
    ['Dockerfile', undefined, 'dockerfile'],
    ['svc/Dockerfile.prod', undefined, 'dockerfile'],
    ['build/api.Dockerfile', undefined, 'dockerfile'],
    ['web.dockerfile', undefined, 'dockerfile'],
    ['Containerfile', undefined, 'dockerfile'],
    ['compose.yaml', undefined, 'compose'],
    ['compose.yml', undefined, 'compose'],
    ['docker-compose.yml', undefined, 'compose'],
    ['docker-compose.override.yaml', undefined, 'compose'],
    ['repo/.github/workflows/ci.yml', undefined, 'github-actions'],
    ['.github/workflows/release.yaml', undefined, 'github-actions'],
    ['.gitlab-ci.yml', undefined, 'gitlab-ci'],
    ['infra/main.tf', undefined, 'terraform'],
    ['aurora.yaml', undefined, 'aurora'],
    ['infra/aurora.yml', undefined, 'aurora'],
    // a workflow that runs the linter is a workflow, not the config
    ['.github/workflows/aurora.yml', undefined, 'github-actions'],
    ['repo/.github/workflows/aurora.yaml', undefined, 'github-actions'],
    ['Pulumi.prod.yaml', undefined, 'pulumi'],
    ['k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['k8s/all.yaml', '# comment\n---\napiVersion: v1\nkind: Service\n---\napiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n', 'helm'],
    ['config/settings.yaml', 'foo: bar\n', undefined],
    ['README.md', undefined, undefined],
    ['src/app.ts', undefined, undefined],
  ];
  for (const [path, text, want] of table) {
    it(`${path} → ${want ?? 'not analysed'}`, () => {
      assert.equal(detectKind(path, text), want);
    });
  }
  it('recognises Helm templates by a Chart.yaml above them', () => {
    assert.equal(detectKind('chart/templates/svc.yaml', 'apiVersion: v1\nkind: Service\n', { fileExists: (p) => p === '../Chart.yaml' }), 'helm');
  });
});

describe('bad input never throws and gives at most one parse-error', () => {
  before(ready);

  it('unclosed quote in YAML gives one parse-error at the parser line', () => {
    const f = safeAnalyze('compose.yaml', 'services:\n  web:\n    image: "nginx:1.25\n    ports: []\n');
    const pe = f.filter((x) => x.ruleId === PARSE_ERROR);
    assert.equal(pe.length, 1);
    assert.ok(pe[0].range.start.line >= 2, `parse error reported at line ${pe[0].range.start.line}`);
  });

  it('tab-indented YAML gives a parse-error', () => {
    const f = safeAnalyze('k8s/a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n');
    assert.equal(f.filter((x) => x.ruleId === PARSE_ERROR).length, 1);
    assert.equal(f.find((x) => x.ruleId === PARSE_ERROR)?.range.start.line, 3);
  });

  it('malformed HCL gives one parse-error at its line', () => {
    const f = safeAnalyze('main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n\n');
    const pe = f.filter((x) => x.ruleId === PARSE_ERROR);
    assert.equal(pe.length, 1);
  });

  it('truncated files at every line never throw', () => {
    const samples: [string, string][] = [
      ['Dockerfile', 'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && \\\n  npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n'],
      ['compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n    environment:\n      - A=b\n'],
      ['k8s/d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      containers:\n        - name: x\n          image: nginx\n'],
      ['main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = {\n    a = "b"\n  }\n}\n'],
      ['.github/workflows/ci.yml', 'on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: |\n          echo "${{ github.sha }}"\n'],
    ];
    for (const [path, text] of samples) {
      for (let cut = 0; cut <= text.length; cut += 3) {
        safeAnalyze(path, text.slice(0, cut));
      }
    }
  });

  it('empty files give nothing', () => {
    for (const path of ['Dockerfile', 'compose.yaml', 'main.tf', '.gitlab-ci.yml', '.github/workflows/x.yml', 'aurora.yaml']) {
      assert.deepEqual(safeAnalyze(path, '').filter((f) => f.ruleId === PARSE_ERROR), []);
    }
  });

  it('binary content gives one parse-error', () => {
    const f = safeAnalyze('Dockerfile', 'FROM \u0000\u0001\u0002\u00ff binary');
    assert.deepEqual(f.map((x) => x.ruleId), [PARSE_ERROR]);
  });

  it('files over the size limit are skipped with one info finding', () => {
    const big = 'x: ' + 'a'.repeat(MAX_YAML_BYTES + 10) + '\n';
    const f = safeAnalyze('compose.yaml', big);
    assert.deepEqual(f.map((x) => [x.ruleId, x.severity]), [[FILE_TOO_LARGE, 'info']]);
    const dockerfile = 'FROM alpine:3.20\n' + `RUN echo ${'a'.repeat(MAX_FILE_BYTES)}\n`;
    assert.deepEqual(safeAnalyze('Dockerfile', dockerfile).map((x) => x.ruleId), [FILE_TOO_LARGE]);
  });

  it('a Kubernetes stream over the YAML limit, recognised by its content, says it was skipped (issue 17)', () => {
    const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  k: ' + 'a'.repeat(MAX_YAML_BYTES) + '\n';
    assert.deepEqual(safeAnalyze('manifests/install.yaml', doc).map((x) => x.ruleId), [FILE_TOO_LARGE]);
  });

  it('a Kubernetes stream between the two limits is analysed (issue 17)', () => {
    const docs: string[] = [];
    while (docs.join('---\n').length <= MAX_FILE_BYTES) {
      docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${docs.length}}\ndata:\n  k: ${'a'.repeat(2000)}\n`);
    }
    docs.push('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: nginx:latest\n');
    const f = safeAnalyze('manifests/install.yaml', docs.join('---\n'));
    assert.ok(f.some((x) => x.ruleId === 'kubernetes/image-latest-tag'), f.map((x) => x.ruleId).join(', '));
    assert.ok(!f.some((x) => x.ruleId === FILE_TOO_LARGE));
  });

  it('a YAML alias bomb does not expand', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    }
    const text = 'services:\n  web:\n    image: nginx:1.27\n' + bomb.join('\n') + '\n';
    safeAnalyze('compose.yaml', text);
    safeAnalyze('k8s/bomb.yaml', 'apiVersion: v1\nkind: ConfigMap\n' + bomb.join('\n') + '\n');
  });

  it('CRLF line endings give the same positions as LF', () => {
    const lf = 'FROM ubuntu\nRUN echo hi\nADD a /a\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (fs: ReturnType<typeof analyze>) => fs.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.range.end.character]);
    assert.deepEqual(strip(safeAnalyze('Dockerfile', crlf)), strip(safeAnalyze('Dockerfile', lf)));
    const fixed = applyFixes(crlf, analyze('Dockerfile', crlf));
    assert.ok(fixed.text.includes('COPY a /a\r\n'), 'fix keeps CRLF');
  });

  it('a BOM does not shift positions', () => {
    const text = 'FROM ubuntu\n';
    const withBom = '\ufeff' + text;
    assert.deepEqual(safeAnalyze('Dockerfile', withBom).map((f) => f.range), safeAnalyze('Dockerfile', text).map((f) => f.range));
  });

  it('Helm templates never produce parse errors', () => {
    const f = safeAnalyze('chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "x.fullname" . }}\nspec:\n  {{- toYaml .Values.spec | nindent 2 }}\n');
    assert.deepEqual(f, []);
  });

  it('deep nesting and long lines stay safe', () => {
    safeAnalyze('compose.yaml', 'services:\n' + '  '.repeat(1) + 'a: ' + '['.repeat(500) + ']'.repeat(500) + '\n');
    safeAnalyze('Dockerfile', 'FROM alpine:3.20\nRUN echo ' + 'x'.repeat(100_000) + '\n');
    safeAnalyze('main.tf', 'locals {\n  a = ' + '['.repeat(300) + ']'.repeat(300) + '\n}\n');
  });
});

describe('configuration', () => {
  before(ready);

  it('severity overrides from aurora.yaml apply and off disables', () => {
    const { config, problems } = parseAnalyzeConfig('agents: {}\nrules:\n  dockerfile/no-latest-tag: error\n  dockerfile/add-instead-of-copy: off\n');
    assert.deepEqual(problems, []);
    const f = analyze('Dockerfile', 'FROM ubuntu\nADD a /a\n', config);
    assert.deepEqual(f.filter((x) => x.ruleId === 'dockerfile/no-latest-tag').map((x) => x.severity), ['error']);
    assert.deepEqual(f.filter((x) => x.ruleId === 'dockerfile/add-instead-of-copy'), []);
  });

  it('invalid levels are reported with their line, not thrown', () => {
    const { problems } = parseAnalyzeConfig('rules:\n  dockerfile/no-latest-tag: loud\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].range.start.line, 1);
  });

  it('a malformed aurora.yaml gives a problem, not an exception', () => {
    const { config, problems } = parseAnalyzeConfig('rules: [\n');
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
  });
});

describe('suppression', () => {
  before(ready);
  it('aurora-ignore with several ids and a reason', () => {
    const ids = analyze('Dockerfile', '# aurora-ignore dockerfile/add-instead-of-copy,dockerfile/no-latest-tag legacy\nFROM ubuntu\nADD a /a\n').map((f) => f.ruleId);
    assert.ok(!ids.includes('dockerfile/no-latest-tag') && ids.includes('dockerfile/add-instead-of-copy'), ids.join(','));
  });
  it('an ignore for another rule does not suppress', () => {
    assert.equal(analyze('Dockerfile', '# aurora-ignore dockerfile/add-instead-of-copy\nFROM ubuntu\n').filter((f) => f.ruleId === 'dockerfile/no-latest-tag').length, 1);
  });
  it('aurora-ignore-file silences a rule in the whole file', () => {
    assert.deepEqual(analyze('Dockerfile', '# aurora-ignore-file dockerfile/no-latest-tag\nFROM ubuntu\nFROM debian\n').filter((f) => f.ruleId === 'dockerfile/no-latest-tag'), []);
  });
  it('trailing comment on the same line (YAML)', () => {
    const text = 'services:\n  web:\n    image: nginx # aurora-ignore compose/no-latest-tag\n';
    assert.deepEqual(analyze('compose.yaml', text).filter((f) => f.ruleId === 'compose/no-latest-tag'), []);
    assert.equal(analyze('compose.yaml', text.replace(' # aurora-ignore compose/no-latest-tag', '')).filter((f) => f.ruleId === 'compose/no-latest-tag').length, 1);
  });
});

describe('analyzeFiles', () => {
  before(ready);
  it('returns findings by path for every file given', () => {
    const r = analyzeFiles([
      { path: 'a/Dockerfile', text: 'FROM ubuntu\n' },
      { path: 'a/compose.yaml', text: 'services:\n  x:\n    image: redis\n' },
      { path: 'a/notes.yaml', text: 'a: 1\n' },
    ]);
    assert.ok(r.get('a/Dockerfile')?.some((f) => f.ruleId === 'dockerfile/no-latest-tag'));
    assert.ok(r.get('a/compose.yaml')?.some((f) => f.ruleId === 'compose/no-latest-tag'));
    assert.deepEqual(r.get('a/notes.yaml'), []);
  });
});

describe('on-type document reuse', () => {
  before(ready);
  const doc = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  labels:\n    app: demo\n    tier: backend\n    owner: platform-team\ndata:\n  key: value-${i}\n  other: "${'x'.repeat(120)}"\n`;
  const stream = Array.from({ length: 6 }, (_, i) => doc(i)).join('---\n');

  it('gives the same findings as a fresh parse after edits that shift documents', () => {
    const edits = [
      stream,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx}]\n---\n' + stream,
      stream.replace('cm-2', 'cm-two-longer-name'),
      stream.replace('cm-4\n', 'cm-4\n  namespace: default\n'),
      stream + '---\n' + doc(2),
      doc(1) + '---\n' + doc(1),
    ];
    for (const text of edits) {
      const reused = analyze('k8s/cm.yaml', text);
      const fresh = analyzeFiles([{ path: 'k8s/cm.yaml', text }]).get('k8s/cm.yaml');
      assert.deepEqual(reused, fresh);
    }
  });

  it('positions follow the document after it moved', () => {
    const bad = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  a: [unclosed\n';
    const first = analyze('k8s/cm.yaml', stream + '---\n' + bad).find((f) => f.ruleId === PARSE_ERROR);
    const moved = analyze('k8s/cm.yaml', doc(99) + '---\n' + stream + '---\n' + bad).find((f) => f.ruleId === PARSE_ERROR);
    assert.ok(first && moved);
    assert.equal(moved.range.start.line - first.range.start.line, doc(99).split('\n').length);
  });
});

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { before, describe, it } from 'node:test';
import { analyzeFiles, detectKind, TextIndex } from '../../../src/core';
import type { Finding, Rule } from '../../../src/core';
import { HANDLERS } from '../../../src/core/kinds';
import { KUBERNETES_RULES, CROSS_DOCUMENT_RULES } from '../../../src/core/rules/kubernetes';
import { isFolderRule } from '../../../src/core/rule';
import { parseYamlFile } from '../../../src/core/parsers/yaml';
import type { YamlFile } from '../../../src/core/parsers/yaml';
import { bigFile } from '../../../bench/genrepo';
import { filesUnder, ready, repoRoot } from '../../helpers/core';

/*
 * Rules marked `scope: 'document'` are run on one document at a time while typing, and their
 * findings are kept for the documents that did not change. That is only right when a rule's
 * findings on a document do not depend on the other documents: these tests hold each marked rule
 * to that over every Kubernetes text of the repository, also joined into one stream.
 */


const root = repoRoot();

/** Every Kubernetes text: fixtures and examples that detect as Kubernetes, and the rule docs' YAML blocks. */
function kubernetesTexts(): string[] {
  const texts: string[] = [];
  for (const dir of ['test/fixtures', 'examples']) {
    for (const f of filesUnder(path.join(root, dir), (p) => /\.ya?ml$/.test(p))) {
      const text = fs.readFileSync(f, 'utf8');
      if (detectKind(f, text) === 'kubernetes') {
        texts.push(text);
      }
    }
  }
  for (const doc of filesUnder(path.join(root, 'docs', 'rules', 'kubernetes'), (f) => f.endsWith('.md'))) {
    for (const m of fs.readFileSync(doc, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/gi)) {
      texts.push(m[1]);
    }
  }
  return texts;
}

const fileRules = KUBERNETES_RULES.filter((r) => !isFolderRule(r)) as Rule<YamlFile>[];

function run(rule: Rule<YamlFile>, model: YamlFile): string[] {
  const found: string[] = [];
  rule.check({ path: 'k8s/all.yaml', text: model.text, index: model.index, model, config: {}, env: {}, ruleIds: [], report: (r) => found.push(JSON.stringify(r)) });
  return found.sort();
}

/** A stream parsed whole, and split into its documents as the on-type path splits it. */
interface Parsed {
  text: string;
  file: YamlFile;
  parts: YamlFile[];
}

function parse(text: string): Parsed {
  const file = parseYamlFile(text, new TextIndex(text));
  return { text, file, parts: (HANDLERS.kubernetes.documents!(file) ?? []).map((p) => p.model) };
}

/**
 * The rule on the whole stream, and the rule on each document alone (findings joined). The
 * parses are shared by every rule, as analyze shares one parse between the rules of a file.
 */
function wholeAndSplit(rule: Rule<YamlFile>, parsed: Parsed): { whole: string[]; split: string[] } {
  return { whole: run(rule, parsed.file), split: parsed.parts.flatMap((p) => run(rule, p)).sort() };
}

describe('document-scoped rules', () => {
  before(ready);
  const texts = kubernetesTexts();
  const stream = texts.join('\n---\n');

  it('has Kubernetes texts and marks every file rule but the cross-document ones', () => {
    assert.ok(texts.length >= 60, `only ${texts.length} texts`);
    assert.ok(stream.split('\n---\n').length > 100);
    for (const rule of fileRules) {
      assert.strictEqual(rule.scope === 'document', !CROSS_DOCUMENT_RULES.has(rule.id), rule.id);
    }
    assert.strictEqual(CROSS_DOCUMENT_RULES.size, 2);
  });

  it('each marked rule finds per document exactly what it finds in the whole file', () => {
    let compared = 0;
    const parsed = [...texts, stream].map(parse);
    for (const rule of fileRules.filter((r) => r.scope === 'document')) {
      for (const p of parsed) {
        const { whole, split } = wholeAndSplit(rule, p);
        assert.deepStrictEqual(split, whole, `${rule.id} differs per document on:\n${p.text.slice(0, 300)}`);
        compared += whole.length;
      }
    }
    assert.ok(compared > 500, `only ${compared} findings compared`);
  });

  it('the rules left whole-file do look across documents', () => {
    const account = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\nautomountServiceAccountToken: false\n';
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: api\n  containers:\n    - name: c\n      image: a:1\n';
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: b\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: w\n';
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: w\n  template:\n    metadata:\n      labels:\n        app: w\n    spec:\n      containers:\n        - name: c\n          image: a:1\n';
    const cases: Record<string, string> = {
      'kubernetes/automount-service-account-token': `${account}---\n${pod}`,
      'kubernetes/pdb-blocks-eviction': `${pdb}---\n${deploy}`,
    };
    for (const id of CROSS_DOCUMENT_RULES) {
      const rule = fileRules.find((r) => r.id === id)!;
      const { whole, split } = wholeAndSplit(rule, parse(cases[id]));
      assert.notDeepStrictEqual(split, whole, id);
    }
  });
});

describe('findings kept per document while typing', () => {
  before(ready);
  const base = bigFile('kubernetes', 600);
  const files = (text: string) => [{ path: 'k8s/big.yaml', text }];
  const onType = (text: string, config = {}): Finding[] => analyzeFiles(files(text), config, () => ({}), { onType: true }).get('k8s/big.yaml')!;
  const cold = (text: string, config = {}): Finding[] => analyzeFiles(files(text), config).get('k8s/big.yaml')!;
  const documentRules = new Set(fileRules.filter((r) => r.scope === 'document').map((r) => r.id));

  it('an edit on the same line count reuses the unchanged documents findings as they were', () => {
    const first = onType(base);
    const at = base.indexOf('image: ') + 'image: '.length;
    const edited = base.slice(0, at) + 'x' + base.slice(at);
    const second = onType(edited);
    assert.deepStrictEqual(second, cold(edited));
    const firstDocEnd = new TextIndex(base).positionAt(base.indexOf('\n---\n')).line;
    const kept = (list: Finding[]) => list.filter((f) => f.range.start.line > firstDocEnd && documentRules.has(f.ruleId));
    assert.ok(kept(first).length > 10, `${kept(first).length} findings after the first document`);
    // the same objects: the rules did not run again on the documents after the edited one
    assert.ok(kept(second).every((f) => kept(first).includes(f)));
    assert.strictEqual(kept(second).length, kept(first).length);
  });

  it('lines added or removed above a document move its kept findings, fixes included', () => {
    onType(base);
    const at = base.indexOf('\n') + 1;
    const added = base.slice(0, at) + '# one\n# two\n# three\n' + base.slice(at);
    const got = onType(added);
    assert.deepStrictEqual(got, cold(added));
    assert.ok(got.some((f) => f.fix && f.range.start.line > 100));
    const removed = added.replace('# one\n# two\n', '');
    assert.deepStrictEqual(onType(removed), cold(removed));
  });

  it('a changed config is not answered from the kept findings', () => {
    onType(base);
    const config = { rules: { 'kubernetes/image-latest-tag': 'error' as const, 'kubernetes/missing-liveness-probe': 'off' as const } };
    const got = onType(base, config);
    assert.deepStrictEqual(got, cold(base, config));
    assert.ok(got.some((f) => f.ruleId === 'kubernetes/image-latest-tag' && f.severity === 'error'));
    assert.deepStrictEqual(onType(base), cold(base));
  });

  it('a line break style or a YAML directive outside the document is not answered from the kept findings', () => {
    // a review found both: fixes write the file's line break (taken from its first line), and a
    // %YAML 1.1 directive changes how the documents read (0b1 is a number there)
    const config = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n';
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  replicas: 0b1\n  template:\n    spec:\n      containers:\n        - name: c\n          image: a:1.0\n';
    const lf = `# head\n${config}---\n${deploy}`;
    const crlfFirst = lf.replace('\n', '\r\n');
    const directive = `%YAML 1.1\n---\n${config}---\n${deploy}`;
    for (const sequence of [[lf, crlfFirst, lf], [directive, `---\n${config}---\n${deploy}`, directive]]) {
      for (const [i, text] of sequence.entries()) {
        assert.deepStrictEqual(onType(text), cold(text), `step ${i + 1}: ${JSON.stringify(text.slice(0, 20))}`);
      }
    }
    assert.ok(cold(crlfFirst).some((f) => f.fix?.edits.some((e) => e.newText.includes('\r\n'))), 'the CRLF file has fixes that write CRLF');
  });
});

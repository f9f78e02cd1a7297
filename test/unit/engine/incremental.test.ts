import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { before, describe, it } from 'node:test';
import { analyzeFiles, cachedChars, clearCaches } from '../../../src/core';
import { chunkStarts, parseDockerfile } from '../../../src/core/parsers/dockerfile';
import { parseTerraform } from '../../../src/core/parsers/terraform';
import { parseYamlFile } from '../../../src/core/parsers/yaml';
import { parseByEntries } from '../../../src/core/parsers/yamlEntries';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { bigFile } from '../../../bench/genrepo';
import { TextIndex } from '../../../src/core/text';
import { filesUnder, ready, repoRoot } from '../../helpers/core';
import { prng } from '../../helpers/prng';

/*
 * The on-type path starts from earlier parses (tree-sitter incremental parsing plus reused
 * Terraform blocks; cached YAML documents). Whatever the edits, it must give exactly what a fresh
 * parse gives: these tests replay seeded edit sequences and compare both after every step.
 */


const root = repoRoot();
const tfSources = [...filesUnder(path.join(root, 'test', 'fixtures', 'ok'), (f) => f.endsWith('.tf')), ...filesUnder(path.join(root, 'examples'), (f) => f.endsWith('.tf'))].map((f) => fs.readFileSync(f, 'utf8'));
/** Dockerfiles: the fixtures and examples, and every Dockerfile block of the rule docs. */
const dockerSources = [
  ...filesUnder(path.join(root, 'test', 'fixtures'), (f) => /dockerfile/i.test(path.basename(f))),
  ...filesUnder(path.join(root, 'examples'), (f) => /dockerfile/i.test(path.basename(f))),
].map((f) => fs.readFileSync(f, 'utf8'));
for (const doc of filesUnder(path.join(root, 'docs', 'rules', 'dockerfile'), (f) => f.endsWith('.md'))) {
  for (const m of fs.readFileSync(doc, 'utf8').matchAll(/```dockerfile\n([\s\S]*?)```/gi)) {
    dockerSources.push(m[1]);
  }
}
// continuation lines that begin with instruction keywords, and heredoc bodies that look like instructions
const trickyDockerfile = Array.from({ length: 30 }, (_, i) => `RUN apt-get install -y \\\n    copy utils${i} \\\n\n    # ${i}\n    run-parts \\\n    user${i}\nCOPY <<EOF /etc/x${i}\nRUN inside\n  EOF\nEOF\n`).join('');
dockerSources.push(trickyDockerfile);
// heredoc openers dockerfile-ast names differently from a plain word, and openers on continued
// lines (a second review found chunks cut inside them), at several distances from a possible cut
for (const opener of ['RUN cat <<EOF>/x\nhi\nEOF\n', 'RUN cat <<EOF;\nhi\nEOF\n', 'RUN cat <<END-X\nEND\nRUN x\nEND-X\n', 'RUN cat <<$M\nRUN y\n$M\n', 'RUN cat <<1EOF\nx\n1EOF\n', 'RUN cat <<-\nx\n', 'RUN <<EOF\\\nx\nRUN z\nEOFx\n', 'RUN cat <<EOF \\\nEOF\nRUN w\nEOF\n', 'RUN cat <<<word\n']) {
  for (const pad of [0, 8, 15, 16, 17]) {
    dockerSources.push(`FROM alpine:3.20\n${'RUN true\n'.repeat(pad)}${opener}${'RUN b\n'.repeat(20)}EOF\n${'RUN c\n'.repeat(20)}`);
  }
}
/** Single-document YAML files (compose, workflows, pipelines, manifests, rule docs) that parse cleanly. */
const yamlSources = [
  ...filesUnder(path.join(root, 'test', 'fixtures'), (f) => /\.ya?ml$/.test(f)),
  ...filesUnder(path.join(root, 'examples'), (f) => /\.ya?ml$/.test(f)),
].map((f) => fs.readFileSync(f, 'utf8'));
for (const doc of filesUnder(path.join(root, 'docs', 'rules'), (f) => f.endsWith('.md'))) {
  for (const m of fs.readFileSync(doc, 'utf8').matchAll(/```ya?ml\n([\s\S]*?)```/gi)) {
    yamlSources.push(m[1]);
  }
}

// shapes a second review found cut wrongly: a header text seen again while its first copy is in use,
// comment lines at the end of a piece (yaml hangs them on what follows), trailing blank lines
yamlSources.push(
  'a:\n  env:\n    X: 1\nb:\n  env:\n    X: 1\n    -y: 2\nc:\n  env:\n    Z: 3\n',
  's:\n  web:\n    a: 1\n    b: 2\n  # c\n',
  's:\n  web:\n    a: 1\n    # c\n  db:\n    b: 2\n',
  's:\n  web:\n    a: 1\n  # c\nt: 1\n',
  's:\n  web:\n    run: |\n      echo\n  # c\nt:\n  - x\n  # d\nu: 1\n',
  'a:\n  b: 1\n\n',
  'a:\n  b: 1\n# end\n',
  `${bigFile('compose', 150)}  # db:\n  #   image: postgres:16.4-alpine\n`,
  `${bigFile('compose', 150).replace(/\n {2}svc3:/, '\n    # ports:\n    #   - 80:80\n  svc3:')}`,
  // sequences cut into items: comments between and after items, scalars, a lone dash, nested lists
  'c:\n  - name: a\n    image: x\n  # between\n  - name: b\n',
  'c:\n  - name: a\n  # after the last\nd: 1\n',
  'c:\n  - a\n  -\n  - - b\n    - c\n  - "d"\n  - |\n    e\nd: 1\n',
  'c:\n  # before\n\n  - x: 1\n\n  - y: 2\n    z:\n      - 3\n',
  'spec:\n  containers:\n    - name: a\n      env:\n        - name: A\n          value: "1"\n        # note\n        - name: B\n    - name: b\n',
);

/** A YAML node as positions and values (comments left out: no rule reads them). */
function shapeOf(node: unknown): unknown {
  if (node === null || node === undefined) {
    return null;
  }
  const range = (node as { range?: unknown }).range;
  if (isMap(node)) {
    return ['map', range, node.items.map((p) => [shapeOf(p.key), shapeOf(p.value)])];
  }
  if (isSeq(node)) {
    return ['seq', range, node.items.map(shapeOf)];
  }
  if (isScalar(node)) {
    return ['scalar', range, node.value, node.type];
  }
  if (isAlias(node)) {
    return ['alias', range, node.source];
  }
  return ['other', range];
}

const k8sSources = filesUnder(path.join(root, 'examples', 'k8s'), (f) => /\.ya?ml$/.test(f)).map((f) => fs.readFileSync(f, 'utf8'));

/** Pieces an edit may insert: typing, HCL/YAML punctuation, line breaks, a copied slice. */
const PIECES = ['a', 'x', '1', ' ', '\n', '"', '{', '}', '=', '[', ']', '#', '${', ':', '- ', '---\n', '\r\n', 'é', '😀'];

/** A seeded edit: insert, delete or replace a short span, sometimes paste a slice of the text. */
function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const del = r() < 0.4 ? Math.floor(r() * 12) : 0;
  let ins = '';
  const roll = r();
  if (roll < 0.6) {
    ins = PIECES[Math.floor(r() * PIECES.length)];
  } else if (roll < 0.8) {
    const from = Math.floor(r() * text.length);
    ins = text.slice(from, from + Math.floor(r() * 200));
  }
  return text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
}

/**
 * What a user does to a file: mostly typing inside values near one spot, sometimes a stray edit
 * that breaks the syntax (undone at the next step, as a user would), sometimes a pasted block.
 */
function* typingSession(start: string, steps: number, seed: number): Generator<string> {
  const r = prng(seed);
  let text = start;
  for (let i = 0; i < steps; i++) {
    const roll = r();
    if (roll < 0.15) {
      yield edit(text, r);
      i++;
      yield text;
      continue;
    }
    if (roll < 0.22) {
      const lineStarts = [...text.matchAll(/\n(?=[a-z])/g)].map((m) => (m.index ?? 0) + 1);
      const at = lineStarts.length > 0 ? lineStarts[Math.floor(r() * lineStarts.length)] : 0;
      const block = text.includes('resource "') || text.endsWith('}\n') ? `variable "v${i}" {\n  default = "x${i}"\n}\n\n` : `# note ${i}\n`;
      text = text.slice(0, at) + block + text.slice(at);
    } else if (roll < 0.27) {
      // indent a block header: the block keeps its offsets' order but moves within its line
      const headers = [...text.matchAll(/^(?=(resource|variable|output|locals|module|data) )/gm)].map((m) => m.index ?? 0);
      if (headers.length > 0) {
        const at = headers[Math.floor(r() * headers.length)];
        text = text.slice(0, at) + ' ' + text.slice(at);
      }
    } else {
      // inside a quoted value: insert a letter after an opening quote, or delete one
      const quotes = [...text.matchAll(/= "(?=[a-z0-9])/g)].map((m) => (m.index ?? 0) + 3);
      if (quotes.length === 0) {
        text = text + '\n';
      } else {
        const at = quotes[Math.floor(r() * quotes.length)];
        text = r() < 0.7 ? text.slice(0, at) + String.fromCharCode(97 + Math.floor(r() * 26)) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      }
    }
    yield text;
  }
}

describe('on-type reuse gives what a fresh parse gives', () => {
  before(ready);

  it('has sources to edit', () => {
    assert.ok(tfSources.length >= 5, `Terraform sources found: ${tfSources.length}`);
    assert.ok(k8sSources.length >= 2, `Kubernetes sources found: ${k8sSources.length}`);
  });

  it('Terraform: incremental parses equal fresh parses over 250 seeded edits', () => {
    const base = tfSources.join('\n');
    assert.ok(base.length > 4000, 'the joined module is large enough to take the reuse path');
    let reusedSteps = 0;
    let step = 0;
    for (const text of typingSession(base, 250, 11)) {
      step++;
      const index = new TextIndex(text);
      const incremental = parseTerraform(text, index, { reuse: true });
      const fresh = parseTerraform(text, new TextIndex(text));
      assert.deepStrictEqual(incremental, fresh, `step ${step} differs`);
      if (incremental.model) {
        reusedSteps++;
      }
    }
    // most steps parse (typing inside values and names), so block reuse is really exercised
    assert.ok(reusedSteps > 120, `steps with a model: ${reusedSteps}`);
  });

  it('Terraform: two files edited in turn keep their own parses', () => {
    const a = tfSources.slice(0, Math.ceil(tfSources.length / 2)).join('\n');
    const b = tfSources.slice(Math.ceil(tfSources.length / 2)).join('\n');
    const ra = typingSession(a, 60, 3);
    const rb = typingSession(b, 60, 4);
    for (let i = 0; i < 60; i++) {
      for (const text of [ra.next().value, rb.next().value]) {
        assert.ok(typeof text === 'string');
        assert.deepStrictEqual(parseTerraform(text, new TextIndex(text), { reuse: true }), parseTerraform(text), `step ${i} differs`);
      }
    }
  });

  it('Dockerfile: instructions parsed in chunks equal a whole parse, file by file and joined', () => {
    assert.ok(dockerSources.length >= 40, `Dockerfile sources: ${dockerSources.length}`);
    // joined: a large multi-stage file with heredocs, continuations and comments between chunks
    const joined = dockerSources.join('\n');
    const chunks = chunkStarts(joined.split('\n'));
    assert.ok(chunks && chunks.length > 10, `chunks of the joined file: ${chunks?.length}`);
    const shape = (text: string, reuse: boolean): unknown =>
      parseDockerfile(text, new TextIndex(text), { reuse }).instructions.map((i) => [
        i.getKeyword(),
        i.getRange(),
        i.getArgumentsRange(),
        i.getArguments().map((a) => [a.getValue(), a.getRange()]),
        i.getRawArgumentsContent(),
      ]);
    // the tricky file shifted line by line, so every one of its lines comes where a chunk may start
    const shifted = Array.from({ length: 12 }, (_, j) => 'FROM alpine:3.20\n' + '# pad\n'.repeat(j) + trickyDockerfile);
    for (const [n, text] of [...dockerSources, joined, joined.replace(/\n/g, '\r\n'), ...shifted].entries()) {
      assert.deepStrictEqual(shape(text, true), shape(text, false), `source ${n} differs`);
    }
  });

  it('Dockerfile: no chunk starts inside a continued instruction, a heredoc, or after an escape directive', () => {
    const lines = [
      'FROM alpine:3.20',
      'RUN echo a \\',
      ...Array.from({ length: 17 }, (_, i) => `    && echo ${i} \\`),
      '',
      '# a comment inside the continued RUN',
      'RUN echo still-continued',
      'RUN <<EOF',
      ...Array.from({ length: 17 }, (_, i) => `  echo body ${i}`),
      'RUN not-an-instruction',
      '  EOF',
      'EOF',
      'LABEL after=heredoc',
    ];
    const starts = chunkStarts(lines) ?? [];
    const at = (text: string): number => lines.indexOf(text);
    assert.ok(!starts.includes(at('RUN echo still-continued')), `split inside a continued RUN: ${starts}`);
    assert.ok(starts.includes(at('RUN <<EOF')), `a split once the RUN ended: ${starts}`);
    assert.ok(!starts.includes(at('RUN not-an-instruction')), `split inside a heredoc: ${starts}`);
    assert.ok(starts.includes(at('LABEL after=heredoc')), `a split after the heredoc: ${starts}`);
    assert.strictEqual(chunkStarts(['# escape=`', ...lines]), undefined);
    assert.strictEqual(chunkStarts(['FROM a\rRUN b']), undefined);
  });

  it('YAML: a document built from separately parsed entries equals a whole parse', () => {
    let built = 0;
    let whole = 0;
    for (const [n, text] of yamlSources.entries()) {
      const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
      if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length > 0 || docs[0].warnings.length > 0) {
        continue;
      }
      // every entry cut as deep as it goes (splitMin 1), and with the default size
      for (const splitMin of [1, 1024]) {
        const doc = parseByEntries(text, 0, text.length, new Set(), splitMin);
        if (!doc) {
          whole++;
          continue;
        }
        built++;
        assert.deepStrictEqual([doc.range, shapeOf(doc.contents)], [docs[0].range, shapeOf(docs[0].contents)], `source ${n} (splitMin ${splitMin}) differs:\n${text}`);
        assert.deepStrictEqual(doc.toJS(), docs[0].toJS(), `source ${n}: values differ`);
      }
    }
    assert.ok(built > 200, `documents built from entries: ${built} (parsed whole: ${whole})`);
  });

  it('YAML: what cannot be cut safely is parsed whole', () => {
    const cases = [
      '- a\n- b\n', // a sequence root
      'a: 1\nb: "open\nc: 2"\n', // a quoted scalar over an entry-looking line
      'a: [1,\n2]\nb: 1\n', // a flow collection over lines
      '? complex\n: value\nb: 1\n', // an explicit key
      'a:\n\tb: 1\n', // a tab
      '%YAML 1.2\n---\na: 1\n', // a directive
    ];
    for (const text of cases) {
      const doc = parseByEntries(text, 0, text.length, new Set(), 1);
      if (doc) {
        // when it is built after all, it must be what a whole parse gives
        const whole = parseAllDocuments(text) as unknown as Document.Parsed[];
        assert.deepStrictEqual(shapeOf(doc.contents), shapeOf(whole[0].contents), JSON.stringify(text));
        assert.strictEqual(whole[0].errors.length, 0, `built from pieces though the whole has errors: ${JSON.stringify(text)}`);
      }
    }
    assert.strictEqual(parseByEntries(cases[1], 0, cases[1].length, new Set(), 1), undefined, 'a quoted scalar over lines');
    assert.strictEqual(parseByEntries(cases[0], 0, cases[0].length, new Set(), 1), undefined, 'a sequence root');
    // an alias in one entry to an anchor in another resolves through the whole document
    const aliased = 'x-logging: &logging\n  driver: json-file\nservices:\n  web:\n    logging: *logging\n';
    const doc = parseByEntries(aliased, 0, aliased.length, new Set(), 1);
    assert.ok(doc, 'built from entries');
    assert.deepStrictEqual(doc.toJS(), { 'x-logging': { driver: 'json-file' }, services: { web: { logging: { driver: 'json-file' } } } });
  });

  it('YAML: files sharing identical documents in one run keep their own positions', () => {
    const doc = k8sSources[0];
    const files = [
      { path: 'k8s/a.yaml', text: doc },
      { path: 'k8s/b.yaml', text: `# header line\n${doc}` },
    ];
    const cold = analyzeFiles(files);
    // twice: the second run starts from the documents the first one cached
    for (let i = 0; i < 2; i++) {
      assert.deepStrictEqual(analyzeFiles(files, {}, () => ({}), { onType: true }), cold);
    }
    const a = parseYamlFile(files[0].text, undefined, { reuseDocuments: true, usedChunks: new Set() });
    assert.ok(a.documents.length > 0);
  });

  it('findings on the on-type path equal a cold analysis over seeded edits (Terraform, Kubernetes, Dockerfile, compose, workflows, pipelines)', () => {
    const cases = [
      { path: 'infra/main.tf', base: tfSources.join('\n'), seed: 21 },
      { path: 'k8s/all.yaml', base: k8sSources.join('\n---\n'), seed: 22 },
      { path: 'app/Dockerfile', base: dockerSources.join('\n'), seed: 23 },
      { path: 'compose.yaml', base: bigFile('compose', 200), seed: 24 },
      { path: '.github/workflows/ci.yml', base: bigFile('github-actions', 200), seed: 25 },
      { path: '.gitlab-ci.yml', base: bigFile('gitlab-ci', 200), seed: 26 },
    ];
    for (const c of cases) {
      let step = 0;
      for (const text of typingSession(c.base, 80, c.seed)) {
        step++;
        const files = [{ path: c.path, text }];
        assert.deepStrictEqual(analyzeFiles(files, {}, () => ({}), { onType: true }), analyzeFiles(files), `${c.path} step ${step} differs`);
      }
    }
  });

  it('emptying every parse cache in the middle of typing changes no result', () => {
    const cases = [
      { path: 'compose.yaml', base: bigFile('compose', 300) },
      { path: 'infra/main.tf', base: tfSources.join('\n') },
      { path: 'app/Dockerfile', base: dockerSources.join('\n') },
      { path: '.github/workflows/ci.yml', base: bigFile('github-actions', 300) },
    ];
    for (const c of cases) {
      let step = 0;
      for (const text of typingSession(c.base, 12, 31)) {
        step++;
        const files = [{ path: c.path, text }];
        if (step % 3 === 0) {
          // the trees and documents the last run kept are dropped (Terraform's trees freed)
          clearCaches();
        }
        assert.deepStrictEqual(analyzeFiles(files, {}, () => ({}), { onType: true }), analyzeFiles(files), `${c.path} step ${step} differs`);
      }
    }
  });

  it('the parse caches stay within their budget however long one types', () => {
    clearCaches();
    // one service with a long script: a block scalar is one piece (about 40,000 characters), and
    // every keystroke inside it makes a new one
    const items = Array.from({ length: 2500 }, (_, i) => `      run --flag-${i}=value`).join('\n');
    const base = `services:\n  app:\n    image: nginx:1.27-alpine\n    command: |\n${items}\n  db:\n    image: postgres:16.4-alpine\n`;
    let peak = 0;
    for (let i = 0; i < 60; i++) {
      const at = base.indexOf(`--flag-${i * 40}=`) + 2;
      const text = base.slice(0, at) + 'x' + base.slice(at);
      const file = parseYamlFile(text, undefined, { reuseDocuments: true, usedChunks: new Set() });
      assert.strictEqual(file.error, undefined);
      peak = Math.max(peak, cachedChars());
    }
    // 60 keystrokes made 2.4 million characters of pieces; the budget keeps 1.5 million
    assert.ok(peak > 1_000_000, `the cache filled up (${peak} characters)`);
    assert.ok(peak <= 1_500_000, `the cache stays within its budget (${peak} characters)`);
    clearCaches();
    assert.strictEqual(cachedChars(), 0);
  });

  it('Kubernetes: documents that repeat a header (spec:) while one of them cannot be cut keep their own content', () => {
    // a Deployment, a Pod whose containers list stops the cutting of its spec, another Deployment:
    // the third spec: header must not take over the first document's
    const labels = (n: string): string => Array.from({ length: 60 }, (_, i) => `      label-${n}-${i}: value-${i}-xxxxxxxxxx`).join('\n');
    const deploy = (n: string, image: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${n}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n${labels(n)}\n  template:\n    spec:\n      containers:\n      - name: ${n}\n        image: ${image}\n`;
    const env = Array.from({ length: 50 }, (_, i) => `    - name: VAR_${i}\n      value: "${i}-xxxxxxxx"`).join('\n');
    const pod = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nspec:\n  containers:\n  - name: two\n    image: nginx:1.25\n    env:\n${env}\n  restartPolicy: Always\n`;
    const text = [deploy('one', 'nginx:latest'), pod, deploy('three', 'nginx:1.25')].join('---\n');
    const files = [{ path: 'k8s/all.yaml', text }];
    for (let i = 0; i < 2; i++) {
      assert.deepStrictEqual(analyzeFiles(files, {}, () => ({}), { onType: true }), analyzeFiles(files), `run ${i + 1}`);
    }
    const docs = parseYamlFile(text, undefined, { reuseDocuments: true, usedChunks: new Set() }).documents;
    const whole = parseAllDocuments(text) as unknown as Document.Parsed[];
    assert.deepStrictEqual(docs.map((d) => shapeOf(d.contents)), whole.map((d) => shapeOf(d.contents)));
  });

  it('workflows: a job kept from the last keystroke follows a changed default shell and the moved text', () => {
    // large enough to be parsed job by job, so the job with the script is kept while the top changes
    const filler = Array.from({ length: 40 }, (_, i) => `  lint${i}:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: npm run lint -- --part=${i}\n`).join('');
    const job = '  install:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: curl -fsSL https://get.example.dev | bash\n';
    const workflow = (shell: string): string => `name: ci\non: push\npermissions:\n  contents: read\n${shell}jobs:\n${filler}${job}`;
    const pwsh = 'defaults:\n  run:\n    shell: pwsh\n';
    const steps = [workflow(''), workflow(pwsh), workflow(''), workflow('env:\n  STAGE: ci\n')];
    for (const [i, text] of steps.entries()) {
      const files = [{ path: '.github/workflows/ci.yml', text }];
      const typed = analyzeFiles(files, {}, () => ({}), { onType: true });
      assert.deepStrictEqual(typed, analyzeFiles(files), `step ${i + 1}`);
      const curl = typed.get('.github/workflows/ci.yml')!.filter((f) => f.ruleId === 'github-actions/curl-pipe-shell');
      assert.strictEqual(curl.length, i === 1 ? 0 : 1, `step ${i + 1}: the script is read as bash unless the default shell is pwsh`);
    }
  });

  it('workflows: a large job edited, or another file with a job of the same name, is never answered with a kept job', () => {
    // a review found kept jobs served by the pair of a large job's key line, which is cached by
    // that line alone (in any file): the edit, or the other file's steps, went unseen
    const steps = (n: number, w: string): string => Array.from({ length: n }, (_, i) => `      - name: ${w} ${i}\n        run: make ${w}-${i} VERBOSE=1 CI=true PARALLEL=4\n`).join('');
    const wf = (body: string): string => `on: issues\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-22.04\n    timeout-minutes: 10\n    steps:\n${body}  other:\n    runs-on: ubuntu-22.04\n    timeout-minutes: 10\n    steps:\n${steps(14, 'other')}`;
    const injection = '      - run: echo "${{ github.event.issue.title }}"\n';
    const sequence: [string, string][] = [
      ['.github/workflows/a.yml', wf(steps(14, 'alpha'))],
      ['.github/workflows/a.yml', wf(steps(14, 'alpha') + injection)],
      ['.github/workflows/b.yml', wf(steps(16, 'beta'))],
      ['.github/workflows/a.yml', wf(steps(14, 'alpha') + injection)],
      ['.github/workflows/a.yml', wf(steps(14, 'alpha'))],
    ];
    for (const [i, [path, text]] of sequence.entries()) {
      const files = [{ path, text }];
      const typed = analyzeFiles(files, {}, () => ({}), { onType: true });
      assert.deepStrictEqual(typed, analyzeFiles(files), `step ${i + 1} (${path})`);
      const injected = typed.get(path)!.some((f) => f.ruleId === 'github-actions/script-injection');
      assert.strictEqual(injected, text.includes(injection), `step ${i + 1}: script-injection`);
    }
  });
});

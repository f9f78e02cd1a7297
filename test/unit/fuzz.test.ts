import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, applyFixes, detectKind, PARSE_ERROR } from '../../src/core';
import { ready, repoRoot } from '../helpers/core';
import { prng } from '../helpers/prng';

/**
 * Seeded fuzzing of `analyze` for every file kind. The default budget runs in `npm test`;
 * `npm run fuzz` sets FUZZ_ITERATIONS (and optionally FUZZ_SEED) for a much larger run.
 */
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 800);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);


function corpus(): { path: string; text: string }[] {
  const root = repoRoot();
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(full);
      } else {
        const rel = path.relative(root, full).split(path.sep).join('/');
        const text = fs.readFileSync(full, 'utf8');
        if (detectKind(rel, text) !== undefined) {
          out.push({ path: rel, text });
        }
      }
    }
  };
  walk(path.join(root, 'test', 'fixtures', 'ok'));
  walk(path.join(root, 'examples'));
  return [...out, ...SEEDS];
}

/** Small seeds of every kind, so each kind is fuzzed even where the corpus has none. */
const SEEDS: { path: string; text: string }[] = [
  { path: 'k8s/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports: [{containerPort: 8080, name: http}]\n          env:\n            - name: DB_PASSWORD\n              value: hunter2\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n' },
  { path: 'infra/main.tf', text: 'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws", version = "~> 5.0" }\n  }\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\nresource "aws_security_group" "sg" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' },
  { path: '.github/workflows/ci.yml', text: 'on: [push, pull_request_target]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "${{ github.event.pull_request.title }}" && npm test\n  deploy:\n    needs: test\n    runs-on: ubuntu-24.04\n    steps:\n      - run: kubectl apply -f k8s/\n' },
  { path: '.gitlab-ci.yml', text: 'stages: [build, test, deploy]\nvariables:\n  API_TOKEN: abc123\nbuild:\n  stage: build\n  image: docker:latest\n  script:\n    - curl -s https://x.example/i.sh | sh\ndeploy:\n  stage: deploy\n  script: [kubectl apply -f k8s/]\n' },
  { path: 'aurora.yaml', text: 'agents:\n  devops:\n    model: claude-sonnet-4-5\n    temperature: 0.1\n    tools: [run_shell_command, read_file, write_file]\n    permissions:\n      filesystem: ["/k8s", "/terraform"]\n      network: ["github.com"]\nrules:\n  dockerfile/no-latest-tag: error\n' },
  { path: 'Dockerfile', text: 'FROM ubuntu\nMAINTAINER me\nRUN apt-get update && apt-get install curl && curl -k https://x.example/a | bash\nENV API_KEY=sk-live-123\nADD . /app\nWORKDIR app\nCMD python app.py\n' },
];

const NOISE = ['"', "'", '{', '}', '[', ']', ':', '-', '\t', '\n', '\r\n', '\\', '|', '>', '&', '*', '!', '#', '${', '{{', '}}', '\uD800', '\uFFFD', '\u0000', ' ', '`', '$(', '<<EOF\n', '=', ',', '@', '%'];

type Mutator = (text: string, r: () => number) => string;

const MUTATORS: Record<string, Mutator> = {
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)),
  flip: (t, r) => {
    let out = t;
    const n = 1 + Math.floor(r() * 8);
    for (let i = 0; i < n; i++) {
      const at = Math.floor(r() * out.length);
      out = out.slice(0, at) + NOISE[Math.floor(r() * NOISE.length)] + out.slice(at + 1);
    }
    return out;
  },
  deleteLine: (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  duplicateLines: (t, r) => {
    const lines = t.split('\n');
    const at = Math.floor(r() * lines.length);
    lines.splice(at, 0, ...lines.slice(at, at + 1 + Math.floor(r() * 5)));
    return lines.join('\n');
  },
  reindent: (t, r) => t.split('\n').map((l) => (r() < 0.2 ? (r() < 0.5 ? '\t' : '   ') + l : l)).join('\n'),
  crlf: (t, r) => t.split('\n').map((l) => l + (r() < 0.5 ? '\r' : '')).join('\n'),
  bom: (t) => '\ufeff' + t,
  longLine: (t, r) => {
    const lines = t.split('\n');
    const at = Math.floor(r() * lines.length);
    lines[at] = lines[at] + 'x'.repeat(20_000 + Math.floor(r() * 80_000));
    return lines.join('\n');
  },
  deepNesting: (t, r) => {
    const depth = 50 + Math.floor(r() * 400);
    return t + '\nx: ' + '['.repeat(depth) + ']'.repeat(r() < 0.5 ? depth : Math.floor(depth / 2)) + '\n';
  },
  helm: (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 0, '{{- if .Values.enabled }}');
    return lines.join('\n');
  },
  multiDoc: (t, r) => Array.from({ length: 2 + Math.floor(r() * 30) }, () => t).join('\n---\n'),
  aliasBomb: (t) => t + '\na: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d]\n',
};

describe(`fuzzing analyze (seed ${SEED}, ${ITERATIONS} inputs)`, () => {
  before(ready);

  it('no exception escapes, at most one parse-error, fixes stay applicable', { timeout: 600_000 }, () => {
    const files = corpus();
    assert.ok(files.length >= 3, 'the corpus needs files of several kinds');
    const r = prng(SEED);
    const names = Object.keys(MUTATORS);
    const tried: Record<string, number> = {};
    for (let i = 0; i < ITERATIONS; i++) {
      const base = files[Math.floor(r() * files.length)];
      let text = base.text;
      const rounds = 1 + Math.floor(r() * 3);
      const applied: string[] = [];
      for (let k = 0; k < rounds; k++) {
        const name = names[Math.floor(r() * names.length)];
        applied.push(name);
        text = MUTATORS[name](text, r);
      }
      for (const n of applied) {
        tried[n] = (tried[n] ?? 0) + 1;
      }
      let findings;
      try {
        findings = analyze(base.path, text);
      } catch (e) {
        assert.fail(`analyze threw on ${base.path} after ${applied.join('+')} (iteration ${i}): ${(e as Error).stack}`);
      }
      assert.ok(findings.filter((f) => f.ruleId === PARSE_ERROR).length <= 1, `several parse errors on ${base.path} after ${applied.join('+')}`);
      const internal = findings.filter((f) => f.ruleId === 'internal-error');
      assert.deepEqual(internal.map((f) => f.message), [], `a rule threw on ${base.path} after ${applied.join('+')} (iteration ${i})`);
      const fixed = applyFixes(text, findings);
      assert.equal(typeof fixed.text, 'string');
    }
    if (process.env.FUZZ_ITERATIONS) {
      process.stdout.write(`fuzz: ${ITERATIONS} inputs from ${files.length} seed files, seed ${SEED}; mutations: ${JSON.stringify(tried)}\n`);
    }
  });
});

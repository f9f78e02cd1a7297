import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeFiles } from '../../../src/core';
import { generate } from '../../../src/generate';
import type { GeneratedFile, GenerateOptions, ProjectInput, Target } from '../../../src/generate';
import { ready } from '../../helpers/core';
import { sample, sampleProjects } from './helpers';

/** Every generator with every option set that changes its output shape. */
const VARIANTS: { target: Target; options: GenerateOptions }[] = [
  { target: 'dockerfile', options: {} },
  { target: 'compose', options: {} },
  { target: 'pipeline', options: { provider: 'github' } },
  { target: 'pipeline', options: { provider: 'gitlab' } },
  { target: 'pipeline', options: { provider: 'github', image: 'registry.acme.example/team/app' } },
  { target: 'k8s', options: {} },
  { target: 'k8s', options: { hpa: true, pdb: true } },
  { target: 'terraform', options: { provider: 'aws' } },
  { target: 'terraform', options: { provider: 'gcp' } },
];

/**
 * The one finding allowed: generated Dockerfiles pin base images by version tag only. A digest
 * can only be read from the registry and generation is offline and deterministic; the header
 * comment sends users to "Aurora: Pin Images", which adds the digests (and the finding goes).
 * Every such finding must be on a FROM line of a file that carries that comment.
 */
const ALLOWED_RULE = 'dockerfile/no-digest-pin';

function findingLines(files: readonly GeneratedFile[]): string[] {
  const paths = new Set(files.map((f) => f.path));
  const results = analyzeFiles(files, {}, (p) => ({
    fileExists: (rel: string) => {
      const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
      const joined = (dir ? `${dir}/${rel}` : rel).replace(/^\.\//, '');
      return paths.has(joined);
    },
  }));
  const out: string[] = [];
  for (const [file, findings] of results) {
    const text = files.find((f) => f.path === file)?.text ?? '';
    const lines = text.split('\n');
    for (const f of findings) {
      if (f.ruleId === ALLOWED_RULE && /^FROM /.test(lines[f.range.start.line]) && text.includes('"Aurora: Pin Images"')) {
        continue;
      }
      out.push(`${file}:${f.range.start.line + 1}: ${f.severity} ${f.ruleId} ${f.message}`);
    }
  }
  return out;
}

/** Shapes the sample folders do not cover, kept in memory. */
const EXTRA: Record<string, ProjectInput> = {
  'yarn berry without lockfile': { files: { 'package.json': '{"name":"web","packageManager":"yarn@4.5.3","scripts":{"build":"vite build","start":"node server.js"}}' } },
  'npm without lockfile': { files: { 'package.json': '{"name":"web","dependencies":{"mysql":"2.18.1"}}' } },
  'plain pyproject': { files: { 'pyproject.toml': '[project]\nname = "tool"\nversion = "2.0.0"\ndependencies = ["flask>=3"]\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' } },
  'poetry console script': { files: { 'pyproject.toml': '[tool.poetry]\nname = "jobs"\nversion = "1.0.0"\n\n[tool.poetry.dependencies]\npython = "^3.12"\n\n[project.scripts]\njobs = "jobs.main:run"\n', 'poetry.lock': '', 'requirements.txt': '' } },
  'uv project without lock': { files: { 'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["fastapi"]\n\n[tool.uv]\n', 'main.py': 'app = FastAPI()\n' } },
  'poetry without server': { files: { 'pyproject.toml': '[tool.poetry]\nname = "site"\nversion = "1.0.0"\n\n[tool.poetry.dependencies]\npython = "^3.13"\ndjango = "^5.1"\n' } },
  'go root main without go.sum': { files: { 'go.mod': 'module example.com/api\n\ngo 1.21\n', 'main.go': 'package main\n', '.git/config': '[remote "origin"]\n\turl = git@gitlab.com:acme/api.git\n[branch "master"]\n' } },
  'maven without wrapper': { files: { 'pom.xml': '<project><artifactId>billing</artifactId><version>1.0.0-SNAPSHOT</version><properties><maven.compiler.release>11</maven.compiler.release></properties><dependencies><dependency><artifactId>mysql-connector-j</artifactId><groupId>com.mysql</groupId></dependency></dependencies></project>' } },
  'gradle groovy without wrapper': { files: { 'build.gradle': "plugins { id 'org.springframework.boot' version '3.4.1' }\nsourceCompatibility = '17'\n", '.git/config': '[remote "origin"]\n\turl = https://github.com/Acme/Shipping.git\n' } },
};

describe('generated files pass our own check with zero findings', () => {
  before(ready);
  for (const project of sampleProjects()) {
    for (const { target, options } of VARIANTS) {
      it(`${project}: ${target} ${JSON.stringify(options)}`, () => {
        const files = generate(target, sample(project), options);
        assert.ok(files.length > 0);
        assert.deepEqual(findingLines(files), []);
      });
    }
    it(`${project}: all targets together`, () => {
      const input = sample(project);
      const files = [...generate('dockerfile', input), ...generate('compose', input), ...generate('pipeline', input), ...generate('k8s', input, { hpa: true, pdb: true }), ...generate('terraform', input)];
      assert.deepEqual(findingLines(files), []);
    });
  }
  for (const [what, input] of Object.entries(EXTRA)) {
    for (const { target, options } of VARIANTS) {
      it(`${what}: ${target} ${JSON.stringify(options)}`, () => {
        assert.deepEqual(findingLines(generate(target, input, options)), []);
      });
    }
  }
  it('a project without a known manifest: k8s and terraform', () => {
    const input: ProjectInput = { files: {}, dirName: 'edge-proxy' };
    assert.deepEqual(findingLines([...generate('k8s', input, { hpa: true }), ...generate('terraform', input)]), []);
  });
});

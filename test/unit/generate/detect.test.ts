import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { detectCiProvider, detectStack, generate, GenerateError } from '../../../src/generate';
import type { ProjectInput, Stack } from '../../../src/generate';
import { toDnsLabel } from '../../../src/generate/detect';
import { appImage } from '../../../src/generate/image';
import { sample, sampleProjects } from './helpers';

interface Expected {
  language: Stack['language'];
  name: string;
  version: string;
  port: number;
  database?: 'postgres' | 'mysql';
  detail: Record<string, unknown>;
}

/** What detection must find in each sample project. */
const EXPECTED: Record<string, Expected> = {
  'node-npm': {
    language: 'node',
    name: 'orders-api',
    version: '1.4.2',
    port: 8080,
    database: 'postgres',
    detail: { packageManager: 'npm', lockfile: 'package-lock.json', nodeMajor: 20, image: 'node:20.18.1-alpine3.20', command: ['node', 'src/server.js'] },
  },
  'node-pnpm': {
    language: 'node',
    name: 'catalog-web',
    version: '0.9.0',
    port: 3000,
    detail: { packageManager: 'pnpm', lockfile: 'pnpm-lock.yaml', nodeMajor: 22, command: ['node', 'dist/index.js'] },
  },
  'node-yarn': {
    language: 'node',
    name: 'billing-worker',
    version: '2.0.1',
    port: 4000,
    database: 'mysql',
    detail: { packageManager: 'yarn', lockfile: 'yarn.lock', nodeMajor: 20, command: ['node', 'index.js'] },
  },
  'python-pip': {
    language: 'python',
    name: 'python-pip',
    version: '0.1.0',
    port: 8000,
    database: 'postgres',
    detail: { tool: 'pip', framework: 'flask', pythonVersion: '3.12', extraServer: undefined, command: ['gunicorn', '--bind', '0.0.0.0:8000', 'app:app'] },
  },
  'python-poetry': {
    language: 'python',
    name: 'recommendations',
    version: '0.3.0',
    port: 8000,
    database: 'postgres',
    detail: { tool: 'poetry', framework: 'fastapi', pythonVersion: '3.11', image: 'python:3.11.11-slim-bookworm', command: ['uvicorn', 'main:api', '--host', '0.0.0.0', '--port', '8000'] },
  },
  'python-uv': {
    language: 'python',
    name: 'back-office',
    version: '1.2.0',
    port: 8000,
    database: 'mysql',
    detail: { tool: 'uv', framework: 'django', pythonVersion: '3.12', extraServer: 'gunicorn==23.0.0', command: ['gunicorn', '--bind', '0.0.0.0:8000', 'backoffice.wsgi:application'] },
  },
  'go-service': {
    language: 'go',
    name: 'inventory',
    version: '0.1.0',
    port: 8080,
    database: 'postgres',
    detail: { goVersion: '1.23', image: 'golang:1.23.4-bookworm', mainPackage: './cmd/inventory', hasGoSum: true, uid: 65532 },
  },
  'java-maven': {
    language: 'java',
    name: 'payments',
    version: '3.1.0',
    port: 8080,
    database: 'postgres',
    detail: { build: 'maven', wrapper: true, javaVersion: 17, springBoot: true, healthPath: '/actuator/health', metricsPath: '/actuator/prometheus' },
  },
  'java-gradle': {
    language: 'java',
    name: 'shipping',
    version: '0.5.0',
    port: 9090,
    detail: { build: 'gradle', wrapper: true, javaVersion: 21, gradleFile: 'build.gradle.kts', springBoot: false, gradleDistribution: 'shipping', healthPath: '/healthz' },
  },
};

function input(files: Record<string, string>, dirName = 'svc'): ProjectInput {
  return { files, dirName };
}

describe('stack detection on the sample projects', () => {
  it('has an expectation for every sample project', () => {
    assert.deepEqual(sampleProjects(), Object.keys(EXPECTED).sort());
  });
  for (const [project, want] of Object.entries(EXPECTED)) {
    it(project, () => {
      const stack = detectStack(sample(project)) as unknown as Record<string, unknown>;
      assert.equal(stack.language, want.language);
      assert.equal(stack.name, want.name);
      assert.equal(stack.version, want.version);
      assert.equal(stack.port, want.port);
      assert.equal(stack.database, want.database);
      for (const [key, value] of Object.entries(want.detail)) {
        assert.deepEqual(stack[key], value, key);
      }
    });
  }
});

describe('stack detection edge cases', () => {
  it('tells yarn berry from classic by .yarnrc.yml or packageManager', () => {
    const a = detectStack(input({ 'package.json': '{"name":"a"}', 'yarn.lock': '', '.yarnrc.yml': '' }));
    const b = detectStack(input({ 'package.json': '{"name":"a","packageManager":"yarn@4.5.3"}', 'yarn.lock': '' }));
    const c = detectStack(input({ 'package.json': '{"name":"a","packageManager":"yarn@1.22.22"}', 'yarn.lock': '' }));
    assert.equal(a.language === 'node' && a.packageManager, 'yarn-berry');
    assert.equal(b.language === 'node' && b.packageManager, 'yarn-berry');
    assert.equal(c.language === 'node' && c.packageManager, 'yarn');
  });

  it('runs a dependency CLI from node_modules/.bin and falls back to main', () => {
    const next = detectStack(input({ 'package.json': '{"name":"w","scripts":{"start":"next start -p 3001"},"dependencies":{"next":"15.1.0"}}' }));
    assert.deepEqual(next.language === 'node' && next.command, ['node_modules/.bin/next', 'start', '-p', '3001']);
    assert.equal(next.port, 3001);
    const shell = detectStack(input({ 'package.json': '{"name":"w","main":"lib/app.js","scripts":{"start":"node a.js && node b.js"}}' }));
    assert.deepEqual(shell.language === 'node' && shell.command, ['node', 'lib/app.js']);
  });

  it('picks the newest known Node.js for an open range and the nearest one at or above a minimum', () => {
    const open = detectStack(input({ 'package.json': '{"name":"a","engines":{"node":">=19"}}' }));
    const old = detectStack(input({ 'package.json': '{"name":"a","engines":{"node":">=16"}}' }));
    const none = detectStack(input({ 'package.json': '{"name":"a"}' }));
    assert.equal(open.language === 'node' && open.nodeMajor, 20);
    assert.equal(old.language === 'node' && old.nodeMajor, 18);
    assert.equal(none.language === 'node' && none.nodeMajor, 22);
  });

  it('rejects a package.json that is not a JSON object', () => {
    assert.throws(() => detectStack(input({ 'package.json': '[1,2]' })), GenerateError);
    assert.throws(() => detectStack(input({ 'package.json': '{oops' })), /package\.json is not a JSON object/);
  });

  it('serves a Flask factory with gunicorn and adds gunicorn when it is missing', () => {
    const stack = detectStack(input({ 'requirements.txt': 'flask==3.1.0\n', 'app.py': 'from flask import Flask\n\ndef create_app():\n    return Flask(__name__)\n' }));
    assert.equal(stack.language, 'python');
    if (stack.language === 'python') {
      assert.deepEqual(stack.command, ['gunicorn', '--bind', '0.0.0.0:8000', 'app:create_app()']);
      assert.equal(stack.extraServer, 'gunicorn==23.0.0');
    }
  });

  it('uses gunicorn with uvicorn workers when a FastAPI project has gunicorn', () => {
    const stack = detectStack(input({ 'requirements.txt': 'fastapi\ngunicorn\nuvicorn\n', 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' }));
    assert.deepEqual(stack.language === 'python' && stack.command, ['gunicorn', '--bind', '0.0.0.0:8000', '--worker-class', 'uvicorn.workers.UvicornWorker', 'main:app']);
  });

  it('moves the bind address of a Python command with --port', () => {
    const stack = detectStack(sample('python-pip'), { port: 9000 });
    assert.equal(stack.port, 9000);
    assert.deepEqual(stack.language === 'python' && stack.command, ['gunicorn', '--bind', '0.0.0.0:9000', 'app:app']);
  });

  it('reads a plain pyproject project and its scripts entry point', () => {
    const stack = detectStack(input({ 'pyproject.toml': '[project]\nname = "tool"\nversion = "2.0.0"\nrequires-python = ">=3.13"\ndependencies = ["requests"]\n\n[project.scripts]\ntool-server = "tool.cli:main"\n' }));
    assert.equal(stack.language === 'python' && stack.tool, 'pyproject');
    assert.deepEqual(stack.language === 'python' && stack.command, ['tool-server']);
    assert.equal(stack.language === 'python' && stack.pythonVersion, '3.13');
  });

  it('builds a root main package and reads the go version without a toolchain line', () => {
    const stack = detectStack(input({ 'go.mod': 'module example.com/api/v2\n\ngo 1.21\n', 'main.go': 'package main\n' }));
    assert.equal(stack.name, 'api');
    assert.equal(stack.language === 'go' && stack.mainPackage, '.');
    assert.equal(stack.language === 'go' && stack.goVersion, '1.21');
    assert.equal(stack.language === 'go' && stack.hasGoSum, false);
  });

  it('reads the Java release of Groovy Gradle builds and Maven compiler properties', () => {
    const gradle = detectStack(input({ 'build.gradle': "plugins { id 'java' }\nsourceCompatibility = '11'\n" }));
    assert.equal(gradle.language === 'java' && gradle.javaVersion, 11);
    assert.equal(gradle.language === 'java' && gradle.wrapper, false);
    assert.equal(gradle.language === 'java' && gradle.gradleDistribution, undefined, 'no application plugin');
    const groovyApp = detectStack(input({ 'build.gradle': "apply plugin: 'application'\n" }, 'cli-tool'));
    assert.equal(groovyApp.language === 'java' && groovyApp.gradleDistribution, 'cli-tool');
    const boot = detectStack(input({ 'build.gradle.kts': 'plugins {\n    application\n    id("org.springframework.boot") version "3.4.1"\n}\n' }));
    assert.equal(boot.language === 'java' && boot.gradleDistribution, undefined, 'Spring Boot builds a runnable jar');
    const maven = detectStack(input({ 'pom.xml': '<project><artifactId>x</artifactId><properties><maven.compiler.release>17</maven.compiler.release></properties></project>' }));
    assert.equal(maven.language === 'java' && maven.javaVersion, 17);
    assert.equal(maven.name, 'x');
  });

  it('falls back to a generic stack named after the folder', () => {
    const stack = detectStack(input({}, 'My_Service'));
    assert.equal(stack.language, 'generic');
    assert.equal(stack.name, 'my-service');
    assert.throws(() => generate('dockerfile', input({})), /no package\.json, requirements\.txt/);
    assert.ok(generate('k8s', input({})).length > 0);
  });

  it('applies --name as a DNS label', () => {
    assert.equal(detectStack(sample('node-npm'), { name: 'Orders API v2' }).name, 'orders-api-v2');
    assert.equal(toDnsLabel('@scope/Pkg.Name'), 'pkg-name');
    assert.equal(toDnsLabel('---'), 'app');
    assert.equal(toDnsLabel('a'.repeat(80)).length, 63);
  });
});

describe('CI provider and registry detection', () => {
  it('prefers an existing CI file, then the git remote', () => {
    assert.equal(detectCiProvider(input({ '.gitlab-ci.yml': '' })), 'gitlab');
    assert.equal(detectCiProvider(input({ '.github': '' })), 'github');
    assert.equal(detectCiProvider(input({ '.git/config': '[remote "origin"]\n\turl = git@gitlab.com:acme/api.git\n' })), 'gitlab');
    assert.equal(detectCiProvider(input({ '.git/config': '[remote "origin"]\n\turl = https://github.com/acme/api.git\n' })), 'github');
    assert.equal(detectCiProvider(input({})), undefined);
  });

  it('writes the provider it detects when --provider is absent', () => {
    const gitlab = generate('pipeline', { files: { ...sample('go-service').files, '.gitlab-ci.yml': '' } });
    assert.deepEqual(gitlab.map((f) => f.path), ['.gitlab-ci.yml']);
    const github = generate('pipeline', sample('go-service'));
    assert.deepEqual(github.map((f) => f.path), ['.github/workflows/ci.yml']);
  });

  it('derives the image registry from the remote, --image, or a placeholder', () => {
    const stack = detectStack(sample('node-npm'));
    const remote = input({ '.git/config': '[remote "origin"]\n\turl = git@github.com:Acme/Orders.git\n' });
    assert.deepEqual(appImage(stack, remote, {}), { repository: 'ghcr.io/acme/orders', tag: '1.4.2', placeholder: false });
    assert.deepEqual(appImage(stack, input({}), { image: 'registry.acme.example:5000/team/orders:2.0.0' }), { repository: 'registry.acme.example:5000/team/orders', tag: '2.0.0', placeholder: false });
    assert.deepEqual(appImage(stack, input({}), {}), { repository: 'registry.example.com/orders-api', tag: '1.4.2', placeholder: true });
    assert.throws(() => appImage(stack, input({}), { image: 'acme/orders:latest' }), /latest/);
    assert.throws(() => appImage(stack, input({}), { image: 'Acme/Orders' }), /not an image name/);
  });

  it('rejects a provider that does not fit the target', () => {
    assert.throws(() => generate('pipeline', sample('node-npm'), { provider: 'aws' }), /github or gitlab/);
    assert.throws(() => generate('terraform', sample('node-npm'), { provider: 'github' }), /aws or gcp/);
  });
});

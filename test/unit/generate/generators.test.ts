import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse, parseAllDocuments } from 'yaml';
import { detectStack, generate } from '../../../src/generate';
import type { GeneratedFile, GenerateOptions, Target } from '../../../src/generate';
import { sample, sampleProjects } from './helpers';

/** Databases each sample project clearly uses (its driver is a dependency). */
const DATABASE: Record<string, 'postgres' | 'mysql' | undefined> = {
  'go-service': 'postgres',
  'java-gradle': undefined,
  'java-maven': 'postgres',
  'node-npm': 'postgres',
  'node-pnpm': undefined,
  'node-yarn': 'mysql',
  'python-pip': 'postgres',
  'python-poetry': 'postgres',
  'python-uv': 'mysql',
};

function only(project: string, target: Target, options: GenerateOptions = {}): Map<string, string> {
  return new Map(generate(target, sample(project), options).map((f: GeneratedFile) => [f.path, f.text]));
}

function text(files: Map<string, string>, path: string): string {
  const t = files.get(path);
  assert.ok(t !== undefined, `${path} was not generated`);
  return t;
}

type Obj = Record<string, unknown>;

function obj(value: unknown, what: string): Obj {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${what} is not a mapping`);
  return value as Obj;
}

/** Stages of a Dockerfile: the FROM line and the instructions under it (comments dropped). */
function stages(dockerfile: string): { from: string; lines: string[] }[] {
  const out: { from: string; lines: string[] }[] = [];
  for (const line of dockerfile.split('\n')) {
    if (line.startsWith('FROM ')) {
      out.push({ from: line, lines: [] });
    } else if (line.trim() && !line.startsWith('#') && out.length > 0) {
      out[out.length - 1].lines.push(line);
    }
  }
  return out;
}

describe('dockerfile generator', () => {
  for (const project of sampleProjects()) {
    it(project, () => {
      const files = only(project, 'dockerfile');
      assert.deepEqual([...files.keys()], ['Dockerfile', '.dockerignore']);
      const dockerfile = text(files, 'Dockerfile');
      const stack = detectStack(sample(project));
      const all = stages(dockerfile);
      assert.ok(all.length >= 2, 'multi-stage');
      assert.match(all[0].from, / AS build$/);
      for (const s of all) {
        const image = s.from.split(/\s+/)[1];
        assert.match(image, /:[0-9a-z][\w.-]*$/, `${image} has a tag`);
        assert.doesNotMatch(image, /:latest$/);
      }
      assert.match(dockerfile, /"Aurora: Pin Images"/);
      const final = all[all.length - 1];
      const user = final.lines.filter((l) => l.startsWith('USER '));
      assert.equal(user.length, 1, 'one USER in the final stage');
      assert.match(user[0], /^USER [1-9]\d*:[1-9]\d*$/, 'numeric non-root user');
      assert.equal(user[0], `USER ${stack.uid}:${stack.uid}`);
      assert.ok(final.lines.includes(`EXPOSE ${stack.port}`));
      const cmd = final.lines.filter((l) => l.startsWith('CMD '));
      assert.equal(cmd.length, 1);
      assert.ok(Array.isArray(JSON.parse(cmd[0].slice(4))), 'exec-form CMD');
      const health = final.lines.find((l) => l.startsWith('HEALTHCHECK '));
      if (stack.language === 'go') {
        assert.equal(health, undefined, 'no HEALTHCHECK on distroless');
        assert.match(dockerfile, /distroless image has no shell/);
        assert.match(final.from, /distroless/);
      } else {
        assert.ok(health, 'HEALTHCHECK');
        assert.ok(health.includes(`127.0.0.1:${stack.port}${stack.healthPath}`), health);
        assert.ok(Array.isArray(JSON.parse(health.slice(health.indexOf(' CMD ') + 5))), 'exec-form HEALTHCHECK');
      }
      // dependency manifests are copied and installed before the sources (in file order)
      const body = dockerfile.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
      const sources = body.findIndex((l) => l === 'COPY . .' || l === 'COPY src ./src');
      const install = body.findIndex((l) => /^RUN .*(npm ci|npm install|pnpm install|yarn install|pip install .*-r |poetry install|uv sync|pip install --no-cache-dir \.|go mod download|dependency:go-offline|dependencies)/.test(l));
      assert.ok(sources > 0 && install > 0, 'install and source copy present');
      if (!(stack.language === 'python' && stack.tool === 'pyproject')) {
        assert.ok(install < sources, 'install before sources');
        assert.ok(body.slice(0, install).some((l) => l.startsWith('COPY ') && l !== 'COPY . .'), 'manifests copied first');
      }
      for (const line of dockerfile.split('\n').filter((l) => /\bpip install\b/.test(l))) {
        assert.match(line, /(?<!uv )pip install --no-cache-dir|uv pip install --no-cache /);
      }
      for (const line of dockerfile.split('\n').filter((l) => /\bnpm (ci|install)\b/.test(l) && all[all.length - 1].lines.indexOf(l) < 0)) {
        assert.match(line, /npm cache clean --force|npm run build/);
      }
      const ignore = text(files, '.dockerignore').split('\n');
      for (const entry of ['.git', '.env', 'secrets']) {
        assert.ok(ignore.includes(entry), `.dockerignore has ${entry}`);
      }
    });
  }

  it('builds node sources in the build stage and prunes dev dependencies', () => {
    const dockerfile = text(only('node-pnpm', 'dockerfile'), 'Dockerfile');
    assert.match(dockerfile, /RUN pnpm install --frozen-lockfile\n/);
    assert.match(dockerfile, /RUN pnpm run build && pnpm prune --prod/);
    assert.match(dockerfile, /CMD \["node", "dist\/index\.js"\]/);
  });

  it('adds the missing server to a Python image, pinned', () => {
    assert.match(text(only('python-uv', 'dockerfile'), 'Dockerfile'), /uv pip install --no-cache --python \/opt\/venv\/bin\/python gunicorn==23\.0\.0/);
    assert.doesNotMatch(text(only('python-pip', 'dockerfile'), 'Dockerfile'), /gunicorn==/);
  });

  it('installs the project itself when the command is one of its console scripts', () => {
    const files = generate('dockerfile', {
      files: { 'pyproject.toml': '[project]\nname = "tool"\ndependencies = ["click"]\n\n[project.scripts]\ntool-server = "tool.cli:main"\n', 'uv.lock': '' },
    });
    const dockerfile = files[0].text;
    assert.match(dockerfile, /RUN uv sync --frozen --no-dev --no-install-project --no-cache\n(#.*\n)?COPY \. \.\nRUN uv sync --frozen --no-dev --no-cache\n/);
    assert.match(dockerfile, /CMD \["tool-server"\]/);
    assert.doesNotMatch(text(only('python-uv', 'dockerfile'), 'Dockerfile'), /--no-dev --no-cache\n/, 'a Django app runs from its sources');
  });

  it('uses the build tool wrapper when the project ships one', () => {
    assert.match(text(only('java-maven', 'dockerfile'), 'Dockerfile'), /COPY \.mvn\/ \.mvn\/\nCOPY mvnw pom\.xml \.\/\nRUN \.\/mvnw -B -ntp dependency:go-offline/);
    const gradle = text(only('java-gradle', 'dockerfile'), 'Dockerfile');
    assert.match(gradle, /COPY gradlew settings\.gradle\.kts build\.gradle\.kts \.\/\nRUN \.\/gradlew --no-daemon dependencies/);
    // the application plugin's distribution carries the dependencies a plain jar lacks
    assert.match(gradle, /RUN \.\/gradlew --no-daemon installDist && mv build\/install\/shipping \/out\n/);
    assert.match(gradle, /CMD \["\/app\/bin\/shipping"\]\n/);
  });
});

describe('compose generator', () => {
  for (const project of sampleProjects()) {
    it(project, () => {
      const stack = detectStack(sample(project));
      const compose = obj(parse(text(only(project, 'compose'), 'compose.yaml')), 'compose');
      const services = obj(compose.services, 'services');
      const app = obj(services[stack.name], 'app service');
      assert.deepEqual(app.build, { context: '.', dockerfile: 'Dockerfile' });
      assert.equal(app.image, `${stack.name}:${stack.version}`);
      assert.equal(app.pull_policy, 'build');
      assert.equal(app.env_file, '.env');
      assert.deepEqual(app.ports, [`127.0.0.1:${stack.port}:${stack.port}`]);
      assert.equal(app.restart, 'unless-stopped');
      assert.ok(obj(app.healthcheck, 'healthcheck'));
      assert.ok(obj(obj(obj(app.deploy, 'deploy').resources, 'resources').limits, 'limits').memory);
      const database = DATABASE[project];
      assert.equal(stack.database, database);
      if (!database) {
        assert.deepEqual(Object.keys(services), [stack.name]);
        return;
      }
      const db = obj(services.db, 'db');
      assert.match(String(db.image), database === 'postgres' ? /^postgres:16\.\d+-alpine$/ : /^mysql:8\.\d+\.\d+$/);
      assert.ok(obj(db.healthcheck, 'db healthcheck').test);
      assert.ok(obj(obj(obj(db.deploy, 'db deploy').resources, 'resources').limits, 'limits').memory);
      const env = obj(db.environment, 'db environment');
      for (const [key, value] of Object.entries(env)) {
        if (/PASSWORD/.test(key)) {
          assert.match(key, /_FILE$/, `${key} comes from a secrets file`);
          assert.match(String(value), /^\/run\/secrets\//);
        }
      }
      assert.ok(Array.isArray(db.volumes) && String(db.volumes[0]).startsWith('db-data:'), 'named volume');
      assert.ok(obj(compose.volumes, 'volumes')['db-data'] !== undefined);
      assert.equal(obj(obj(compose.secrets, 'secrets').db_password, 'db_password').file, './secrets/db_password.txt');
      assert.deepEqual(obj(obj(app.depends_on, 'depends_on').db, 'depends_on.db'), { condition: 'service_healthy' });
    });
  }

  it('disables the healthcheck explicitly for a distroless image', () => {
    const compose = obj(parse(text(only('go-service', 'compose'), 'compose.yaml')), 'compose');
    assert.deepEqual(obj(obj(compose.services, 'services').inventory, 'app').healthcheck, { disable: true });
  });
});

function needsOf(job: Obj): string[] {
  const needs = job.needs;
  return needs === undefined ? [] : Array.isArray(needs) ? needs.map(String) : [String(needs)];
}

describe('pipeline generator: GitHub Actions', () => {
  for (const project of sampleProjects()) {
    it(project, () => {
      const stack = detectStack(sample(project));
      const raw = text(only(project, 'pipeline', { provider: 'github' }), '.github/workflows/ci.yml');
      assert.doesNotMatch(raw, /:latest\b/);
      const workflow = obj(parse(raw), 'workflow');
      assert.deepEqual(workflow.permissions, { contents: 'read' });
      assert.ok(obj(workflow.concurrency, 'concurrency').group);
      const jobs = obj(workflow.jobs, 'jobs');
      assert.deepEqual(Object.keys(jobs), ['lint', 'test', 'build', 'scan', 'deploy']);
      assert.deepEqual(needsOf(obj(jobs.lint, 'lint')), []);
      assert.deepEqual(needsOf(obj(jobs.test, 'test')), ['lint']);
      assert.deepEqual(needsOf(obj(jobs.build, 'build')), ['test']);
      assert.deepEqual(needsOf(obj(jobs.scan, 'scan')), ['build']);
      assert.ok(needsOf(obj(jobs.deploy, 'deploy')).includes('test'), 'deploy is gated on the tests');
      assert.ok(needsOf(obj(jobs.deploy, 'deploy')).includes('scan'), 'deploy is gated on the scan');
      for (const [name, value] of Object.entries(jobs)) {
        const job = obj(value, name);
        assert.equal(typeof job['timeout-minutes'], 'number', `${name} has timeout-minutes`);
        const permissions = job.permissions === undefined ? {} : obj(job.permissions, `${name}.permissions`);
        assert.equal(permissions.packages === 'write', name === 'build', `${name}: packages: write only where pushing`);
        for (const step of (job.steps as Obj[]) ?? []) {
          if (typeof step.uses === 'string') {
            assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${step.uses} pinned to a commit`);
          }
        }
      }
      for (const line of raw.split('\n').filter((l) => /uses: /.test(l))) {
        assert.match(line, / # v\d+\.\d+\.\d+$/, 'tag in a trailing comment');
      }
      for (const name of ['scan', 'deploy']) {
        assert.match(String(obj(jobs[name], name).if), /default_branch/, `${name} only on the default branch`);
      }
      const scanSteps = obj(jobs.scan, 'scan').steps as Obj[];
      const trivy = scanSteps.find((s) => String(s.uses).startsWith('aquasecurity/trivy-action@'));
      assert.equal(obj(trivy?.with, 'trivy with')['exit-code'], '1');
      assert.ok(scanSteps.some((s) => s.if === 'failure()'), 'alert step on failure');
      const deploySteps = obj(jobs.deploy, 'deploy').steps as Obj[];
      const rollout = `kubectl -n ${stack.name} rollout status deploy/${stack.name} --timeout=180s || (kubectl -n ${stack.name} rollout undo deploy/${stack.name} && exit 1)`;
      assert.ok(deploySteps.some((s) => s.run === rollout), 'rollout status with rollback');
      assert.match(raw, /:\$GITHUB_SHA" >> "\$GITHUB_OUTPUT"/, 'image tagged with the commit SHA');
    });
  }

  it('logs into the registry named by --image', () => {
    const raw = text(only('node-npm', 'pipeline', { provider: 'github', image: 'registry.acme.example/team/orders' }), '.github/workflows/ci.yml');
    assert.match(raw, /echo "ref=registry\.acme\.example\/team\/orders:\$GITHUB_SHA"/);
    assert.match(raw, /registry: registry\.acme\.example\n/);
    assert.match(raw, /secrets\.REGISTRY_PASSWORD/);
  });
});

describe('pipeline generator: GitLab CI', () => {
  for (const project of sampleProjects()) {
    it(project, () => {
      const stack = detectStack(sample(project));
      const raw = text(only(project, 'pipeline', { provider: 'gitlab' }), '.gitlab-ci.yml');
      assert.doesNotMatch(raw, /:latest\b/);
      const pipeline = obj(parse(raw), 'pipeline');
      assert.deepEqual(pipeline.stages, ['lint', 'test', 'build', 'scan', 'deploy']);
      assert.equal(obj(pipeline.variables, 'variables').IMAGE, '$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA');
      const job = (name: string): Obj => obj(pipeline[name], name);
      assert.deepEqual(needsOf(job('test')), ['lint']);
      assert.deepEqual(needsOf(job('build')), ['test']);
      assert.deepEqual(needsOf(job('scan')), ['build']);
      assert.ok(needsOf(job('deploy')).includes('test') && needsOf(job('deploy')).includes('scan'));
      for (const name of ['lint', 'test', 'build', 'scan', 'deploy', 'alert']) {
        assert.match(String(job(name).timeout), /^\d+m$/, `${name} has a timeout`);
        if (name !== 'alert') {
          assert.equal(job(name).stage, name);
        }
      }
      for (const name of ['build', 'scan', 'deploy']) {
        assert.deepEqual(job(name).rules, [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
      }
      assert.ok((job('scan').script as string[]).some((l) => l.includes('--exit-code 1')));
      assert.deepEqual((job('alert').rules as Obj[])[0].when, 'on_failure');
      const rollout = `kubectl -n ${stack.name} rollout status deploy/${stack.name} --timeout=180s || (kubectl -n ${stack.name} rollout undo deploy/${stack.name} && exit 1)`;
      assert.ok((job('deploy').script as string[]).includes(rollout));
    });
  }
});

describe('k8s generator', () => {
  for (const project of sampleProjects()) {
    for (const hpa of [false, true]) {
      it(`${project}${hpa ? ' --hpa' : ''}`, () => {
        const stack = detectStack(sample(project));
        const files = only(project, 'k8s', { hpa });
        const docs = [...files.values()].flatMap((t) => parseAllDocuments(t).map((d) => obj(d.toJS(), 'document')));
        const byKind = new Map(docs.map((d) => [String(d.kind), d]));
        const kinds = ['Namespace', 'ServiceAccount', 'Deployment', 'Service', 'NetworkPolicy', 'PodDisruptionBudget', ...(hpa ? ['HorizontalPodAutoscaler'] : [])];
        assert.deepEqual([...byKind.keys()].sort(), kinds.sort());
        for (const d of docs.filter((x) => x.kind !== 'Namespace')) {
          assert.equal(obj(d.metadata, 'metadata').namespace, stack.name, `${String(d.kind)} has the namespace`);
        }
        assert.equal(obj(byKind.get('ServiceAccount'), 'sa').automountServiceAccountToken, false);
        const spec = obj(obj(byKind.get('Deployment'), 'deployment').spec, 'spec');
        if (hpa) {
          assert.equal(spec.replicas, undefined, 'the HPA owns replicas');
          assert.equal(obj(obj(byKind.get('HorizontalPodAutoscaler'), 'hpa').spec, 'hpa spec').minReplicas, 2);
        } else {
          assert.ok(Number(spec.replicas) >= 2);
        }
        assert.deepEqual(obj(spec.strategy, 'strategy'), { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
        const template = obj(spec.template, 'template');
        const annotations = obj(obj(template.metadata, 'template metadata').annotations, 'annotations');
        assert.deepEqual(annotations, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(stack.port), 'prometheus.io/path': stack.metricsPath });
        const pod = obj(template.spec, 'pod spec');
        assert.equal(pod.serviceAccountName, stack.name);
        assert.equal(pod.automountServiceAccountToken, false);
        const podSecurity = obj(pod.securityContext, 'pod securityContext');
        assert.equal(podSecurity.runAsNonRoot, true);
        assert.equal(podSecurity.runAsUser, stack.uid);
        assert.deepEqual(podSecurity.seccompProfile, { type: 'RuntimeDefault' });
        const containers = pod.containers as Obj[];
        assert.equal(containers.length, 1);
        const c = containers[0];
        assert.match(String(c.image), new RegExp(`:${stack.version.replace(/\./g, '\\.')}$`));
        const resources = obj(c.resources, 'resources');
        for (const k of ['requests', 'limits']) {
          const r = obj(resources[k], k);
          assert.ok(r.cpu && r.memory, `${k} cpu and memory`);
        }
        for (const p of ['readinessProbe', 'livenessProbe']) {
          assert.equal(obj(obj(c[p], p).httpGet, 'httpGet').path, stack.healthPath);
        }
        assert.deepEqual(obj(c.securityContext, 'container securityContext'), {
          runAsNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        });
      });
    }
  }
});

describe('terraform generator', () => {
  it('aws: pinned providers, encrypted and locked s3 backend, typed and described variables', () => {
    const files = only('node-npm', 'terraform', { provider: 'aws' });
    assert.deepEqual([...files.keys()], ['terraform/versions.tf', 'terraform/providers.tf', 'terraform/variables.tf', 'terraform/main.tf', 'terraform/outputs.tf']);
    const versions = text(files, 'terraform/versions.tf');
    assert.match(versions, /required_version = "[^"]*\d[^"]*"/);
    assert.match(versions, /aws = \{\n\s+source {2}= "hashicorp\/aws"\n\s+version = "~> \d+\.\d+"/);
    assert.match(versions, /backend "s3" \{[^}]*encrypt\s+= true[^}]*dynamodb_table\s+= "terraform-locks"/);
    assertVariablesAndOutputs(files);
  });

  it('gcp: a gcs backend and the google provider', () => {
    const files = only('go-service', 'terraform', { provider: 'gcp' });
    const versions = text(files, 'terraform/versions.tf');
    assert.match(versions, /backend "gcs" \{\n\s+bucket = "inventory-terraform-state"/);
    assert.match(versions, /source {2}= "hashicorp\/google"/);
    assertVariablesAndOutputs(files);
  });
});

function assertVariablesAndOutputs(files: Map<string, string>): void {
  const variables = text(files, 'terraform/variables.tf').split(/\n(?=variable )/).filter((b) => b.includes('variable "'));
  assert.ok(variables.length >= 2);
  for (const block of variables) {
    assert.match(block, /description = "/);
    assert.match(block, /type\s+= (string|number|bool)/);
  }
  const outputs = text(files, 'terraform/outputs.tf').split(/\n(?=output )/).filter((b) => b.includes('output "'));
  assert.ok(outputs.length >= 1);
  for (const block of outputs) {
    assert.match(block, /description = "/);
  }
}

describe('determinism', () => {
  it('gives the same text for the same input', () => {
    for (const target of ['dockerfile', 'compose', 'pipeline', 'k8s', 'terraform'] as const) {
      assert.deepEqual(generate(target, sample('node-npm')), generate(target, sample('node-npm')));
    }
  });
});

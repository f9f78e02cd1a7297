import * as fs from 'fs';
import * as path from 'path';
import { prng } from '../test/helpers/prng';

/*
 * A seeded generator of a realistic infrastructure repository for the scale benchmark.
 * Mix and sizes follow what platform repositories hold: many Kubernetes manifests (1–6 documents),
 * Dockerfiles of 10–80 lines, Terraform modules of 20–400 lines, workflows, compose and GitLab CI
 * files, and some non-infrastructure YAML that must be skipped quickly.
 */

type Gen = (r: () => number, i: number) => string;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const between = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const IMAGES = ['nginx:1.27-alpine', 'nginx', 'postgres:16.3-alpine', 'redis:latest', 'ghcr.io/acme/api:1.4.2', 'node:20-alpine', 'python:3.12-slim', 'busybox'];

const k8sDeployment: Gen = (r, i) => {
  const name = `svc-${i}`;
  const secure = r() < 0.5;
  const containers = between(r, 1, 3);
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    r() < 0.7 ? '  namespace: shop' : '  namespace: default',
    'spec:',
    `  replicas: ${between(r, 1, 4)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
  ];
  for (let c = 0; c < containers; c++) {
    lines.push(`        - name: c${c}`, `          image: ${pick(r, IMAGES)}`, '          ports:', `            - containerPort: ${8080 + c}`, '              name: http' + c);
    if (secure) {
      lines.push('          resources:', '            requests: {cpu: 100m, memory: 128Mi}', '            limits: {cpu: 500m, memory: 256Mi}');
      lines.push('          securityContext:', '            runAsNonRoot: true', '            allowPrivilegeEscalation: false', '            readOnlyRootFilesystem: true', '            capabilities: {drop: [ALL]}');
      lines.push('          readinessProbe:', '            httpGet: {path: /ready, port: http' + c + '}', '          livenessProbe:', '            httpGet: {path: /live, port: http' + c + '}');
    } else {
      lines.push('          env:', '            - name: DB_PASSWORD', '              value: s3cr3t-' + i, '          securityContext:', '            privileged: ' + String(r() < 0.3));
    }
  }
  lines.push('---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', `    app: ${name}`, '  ports:', '    - port: 80', '      targetPort: http0');
  return lines.join('\n') + '\n';
};

const dockerfile: Gen = (r) => {
  const lines = [`FROM ${pick(r, ['node:20-alpine', 'ubuntu', 'python:3.12', 'golang:1.22', 'debian:latest'])} AS build`, 'WORKDIR /src'];
  const n = between(r, 4, 40);
  for (let k = 0; k < n; k++) {
    lines.push(
      pick(r, [
        'COPY . .',
        'RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
        'RUN apt-get install git',
        'RUN npm ci && npm run build',
        'RUN pip install -r requirements.txt',
        'ENV NODE_ENV=production',
        'ADD config.json /etc/app/',
        'RUN curl -fsSL https://example.com/install.sh | sh',
        'RUN cd /src && make',
        'EXPOSE 8080',
        'RUN set -eux; \\\n    addgroup -S app; \\\n    adduser -S app -G app',
      ]),
    );
  }
  lines.push('FROM gcr.io/distroless/nodejs20-debian12:nonroot', 'COPY --from=build /src/dist /app', 'USER nonroot', 'CMD ["/app/server.js"]');
  return lines.join('\n') + '\n';
};

export const terraformFile: Gen = (r, i) => {
  const blocks: string[] = ['terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.40"\n    }\n  }\n}\n'];
  const n = between(r, 2, 25);
  for (let k = 0; k < n; k++) {
    blocks.push(
      pick(r, [
        `resource "aws_s3_bucket" "b${k}" {\n  bucket = "acme-${i}-${k}"\n  tags = {\n    Team = "platform"\n  }\n}\n`,
        `resource "aws_security_group" "sg${k}" {\n  name        = "sg-${k}"\n  description = "web"\n  ingress {\n    description = "ssh"\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`,
        `resource "aws_db_instance" "db${k}" {\n  engine              = "postgres"\n  instance_class      = "db.t3.micro"\n  publicly_accessible = true\n  storage_encrypted   = false\n}\n`,
        `variable "v${k}" {\n  type        = string\n  description = "value ${k}"\n  default     = "x"\n}\n`,
        `output "o${k}" {\n  value = aws_s3_bucket.b0.id\n}\n`,
      ]),
    );
  }
  return blocks.join('\n');
};

const workflow: Gen = (r) =>
  [
    'name: ci',
    'on: [push, pull_request]',
    'jobs:',
    '  test:',
    `    runs-on: ${pick(r, ['ubuntu-latest', 'ubuntu-24.04'])}`,
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with: {node-version: 20}',
    '      - run: npm ci && npm test',
    '  deploy:',
    r() < 0.5 ? '    needs: test' : '    needs: []',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - run: |',
    '          echo "${{ github.event.head_commit.message }}"',
    '          kubectl apply -f k8s/',
  ].join('\n') + '\n';

const compose: Gen = (r) =>
  ['services:', '  web:', `    image: ${pick(r, IMAGES)}`, '    ports:', '      - "8080:80"', '  db:', '    image: postgres:16.3-alpine', '    environment:', '      POSTGRES_PASSWORD: example', '    ports:', '      - "5432:5432"'].join('\n') + '\n';

const gitlab: Gen = (r) =>
  ['stages: [build, test, deploy]', 'build:', '  stage: build', `  image: ${pick(r, ['docker:27.3', 'docker:latest'])}`, '  script:', '    - docker build -t app .', 'test:', '  stage: test', '  script: [make test]', 'deploy:', '  stage: deploy', '  script:', '    - kubectl apply -f k8s/'].join('\n') + '\n';

const plainYaml: Gen = (r, i) => `name: config-${i}\nvalues:\n  replicas: ${between(r, 1, 5)}\n  flags: [a, b, c]\n`;

/** Write a repository of `count` files under `dir` (replacing it). Returns the files written. */
export function generateRepo(dir: string, count: number, seed = 42): number {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = prng(seed);
  const mix: [number, string, Gen][] = [
    [0.3, 'k8s', k8sDeployment],
    [0.2, 'docker', dockerfile],
    [0.15, 'tf', terraformFile],
    [0.1, 'wf', workflow],
    [0.1, 'compose', compose],
    [0.05, 'gitlab', gitlab],
    [0.1, 'yaml', plainYaml],
  ];
  for (let i = 0; i < count; i++) {
    let x = r();
    let chosen = mix[mix.length - 1];
    for (const m of mix) {
      if (x < m[0]) {
        chosen = m;
        break;
      }
      x -= m[0];
    }
    const [, kind, gen] = chosen;
    const svc = path.join(dir, `team-${i % 37}`, `svc-${i}`);
    let file: string;
    switch (kind) {
      case 'k8s':
        file = path.join(svc, 'k8s', 'deploy.yaml');
        break;
      case 'docker':
        file = path.join(svc, 'Dockerfile');
        break;
      case 'tf':
        file = path.join(svc, 'terraform', 'main.tf');
        break;
      case 'wf':
        file = path.join(svc, '.github', 'workflows', 'ci.yml');
        break;
      case 'compose':
        file = path.join(svc, 'compose.yaml');
        break;
      case 'gitlab':
        file = path.join(svc, '.gitlab-ci.yml');
        break;
      default:
        file = path.join(svc, 'config', 'values.yaml');
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, gen(r, i));
  }
  return count;
}

/** A multi-document Kubernetes file of about `lines` lines. */
export function bigManifest(lines: number, seed = 7): string {
  const r = prng(seed);
  const docs: string[] = [];
  let total = 0;
  let i = 0;
  while (total < lines) {
    const d = k8sDeployment(r, i++);
    docs.push(d);
    total += d.split('\n').length;
  }
  return docs.join('---\n');
}

/** Kinds the on-type benchmark measures, with a path the core detects as that kind. */
export const ON_TYPE_KINDS = [
  { kind: 'dockerfile', path: 'app/Dockerfile' },
  { kind: 'compose', path: 'compose.yaml' },
  { kind: 'kubernetes', path: 'k8s/big.yaml' },
  { kind: 'terraform', path: 'infra/main.tf' },
  { kind: 'github-actions', path: '.github/workflows/ci.yml' },
  { kind: 'gitlab-ci', path: '.gitlab-ci.yml' },
] as const;

/** One large but realistic file of a kind, of about `lines` lines (same seed, same text). */
export function bigFile(kind: (typeof ON_TYPE_KINDS)[number]['kind'], lines: number, seed = 7): string {
  const r = prng(seed);
  const parts: string[] = [];
  let total = 0;
  const add = (s: string): void => {
    parts.push(s);
    total += s.split('\n').length - 1;
  };
  let i = 0;
  switch (kind) {
    case 'kubernetes':
      return bigManifest(lines, seed);
    case 'dockerfile':
      // many stages, as a monorepo's build file has
      while (total < lines) {
        add(dockerfile(r, i).replace(' AS build', ` AS build${i}`).replace('--from=build', `--from=build${i}`) + '\n');
        i++;
      }
      return parts.join('');
    case 'terraform':
      while (total < lines) {
        add(terraformFile(r, i++) + '\n');
      }
      return parts.join('');
    case 'compose':
      add('services:\n');
      while (total < lines) {
        add(
          [`  svc${i}:`, `    image: ${pick(r, IMAGES)}`, '    restart: unless-stopped', '    environment:', `      LOG_LEVEL: info`, `      PORT: "${8000 + i}"`, '    ports:', `      - "127.0.0.1:${8000 + i}:8080"`, '    healthcheck:', '      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]', '      interval: 10s', '    deploy:', '      resources:', '        limits: {cpus: "0.5", memory: 256M}', ''].join('\n'),
        );
        i++;
      }
      return parts.join('');
    case 'github-actions':
      add('name: ci\non: [push, pull_request]\npermissions:\n  contents: read\njobs:\n');
      while (total < lines) {
        add(
          [`  test${i}:`, '    runs-on: ubuntu-24.04', '    timeout-minutes: 20', '    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-node@v4', '        with:', '          node-version: 20', '      - run: npm ci', `      - run: npm test -- --shard=${i}`, '      - name: report', '        if: failure()', '        run: |', '          echo "shard failed"', '          exit 1', ''].join('\n'),
        );
        i++;
      }
      return parts.join('');
    case 'gitlab-ci':
      add('stages: [lint, test, build, deploy]\ndefault:\n  image: node:20.11-alpine\n');
      while (total < lines) {
        add([`test-${i}:`, '  stage: test', '  script:', '    - npm ci', `    - npm test -- --shard=${i}`, '  rules:', '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"', '  artifacts:', '    when: always', '    paths: [reports/]', ''].join('\n'));
        i++;
      }
      return parts.join('');
  }
}

import * as fs from 'fs';
import * as path from 'path';
import { prng } from '../test/helpers/prng';

/*
 * A seeded generator of *real-shaped* Dockerfiles and GitHub Actions workflows, for comparing whole
 * processes against the peers. genrepo.ts writes short, regular files (one command per RUN); files
 * in real repositories look different, and that changes the cost per file:
 *  - comments and blank lines between instructions, a licence header, `# syntax=` directives;
 *  - ARG/ENV blocks with several variables, LABEL blocks over many lines;
 *  - long RUN chains (10–40 lines joined with `&& \`), `set -eux;` scripts, loops and conditionals,
 *    BuildKit heredocs (`RUN <<EOF … EOF`), `--mount=type=cache` flags;
 *  - multi-stage builds (1–4 stages), COPY --from, HEALTHCHECK, ENTRYPOINT scripts;
 *  - workflows with several jobs, matrices, `run:` steps of mostly one command and a few longer scripts (valid shell), services,
 *    `if:` expressions, reusable actions pinned by tag or by commit.
 * The mix is deterministic (seeded) so runs compare like with like.
 */

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const between = (r: R, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const BASES = [
  'debian:bookworm-slim', 'ubuntu:22.04', 'ubuntu', 'alpine:3.19', 'node:20-bookworm', 'node:18-alpine', 'python:3.11-slim-bookworm',
  'golang:1.22-alpine', 'eclipse-temurin:17-jdk', 'ruby:3.3', 'php:8.3-fpm', 'rust:1.77', 'nginx:1.25', 'centos:7', 'amazonlinux:2023',
  'mcr.microsoft.com/dotnet/sdk:8.0', 'registry.example.com/base/runtime@sha256:' + 'ab'.repeat(32),
];
const APT = ['curl', 'ca-certificates', 'git', 'build-essential', 'libssl-dev', 'pkg-config', 'unzip', 'jq', 'gnupg', 'locales', 'tzdata', 'wget', 'xz-utils', 'libpq-dev', 'python3-pip', 'openssh-client', 'procps', 'tini'];
const APK = ['bash', 'curl', 'git', 'openssl', 'ca-certificates', 'tzdata', 'build-base', 'libffi-dev', 'su-exec', 'tini'];

function comment(r: R): string {
  return pick(r, [
    '# Install build dependencies',
    '# hadolint ignore=DL3008',
    '# Keep the image small: remove caches in the same layer',
    '# See https://docs.docker.com/develop/develop-images/dockerfile_best-practices/',
    '# TODO: pin versions',
    '# Runtime user',
    '# ---------------------------------------------------------------',
    '# Copy only what the build needs so the layer cache survives source edits',
  ]);
}

function aptChain(r: R): string {
  const pkgs = Array.from({ length: between(r, 3, 14) }, () => pick(r, APT));
  const pinned = r() < 0.3;
  const lines = [
    'RUN ' + (r() < 0.4 ? 'set -eux; \\\n    ' : '') + 'apt-get update \\',
    `    && apt-get install -y ${r() < 0.6 ? '--no-install-recommends ' : ''}\\`,
    ...[...new Set(pkgs)].map((p) => `        ${p}${pinned ? '=1.*' : ''} \\`),
  ];
  if (r() < 0.5) {
    lines.push('    && curl -fsSL https://deb.nodesource.com/setup_20.x | bash - \\', '    && apt-get install -y nodejs \\');
  }
  if (r() < 0.4) {
    lines.push('    && sed -i -e "s/# en_US.UTF-8 UTF-8/en_US.UTF-8 UTF-8/" /etc/locale.gen \\', '    && dpkg-reconfigure --frontend=noninteractive locales \\', '    && update-locale LANG=en_US.UTF-8 \\');
  }
  lines.push(r() < 0.7 ? '    && rm -rf /var/lib/apt/lists/*' : '    && apt-get clean');
  return lines.join('\n');
}

function apkChain(r: R): string {
  const pkgs = [...new Set(Array.from({ length: between(r, 2, 8) }, () => pick(r, APK)))];
  return `RUN apk add ${r() < 0.6 ? '--no-cache ' : ''}${pkgs.join(' ')}${r() < 0.5 ? ' \\\n    && addgroup -S app && adduser -S -G app app' : ''}`;
}

function scriptRun(r: R): string {
  return pick(r, [
    () =>
      [
        'RUN set -eux; \\',
        '    arch="$(dpkg --print-architecture)"; \\',
        '    case "$arch" in \\',
        "        amd64) url='https://example.com/tool-linux-amd64.tar.gz' ;; \\",
        "        arm64) url='https://example.com/tool-linux-arm64.tar.gz' ;; \\",
        '        *) echo >&2 "unsupported architecture: $arch"; exit 1 ;; \\',
        '    esac; \\',
        '    wget -O tool.tgz "$url"; \\',
        '    echo "${TOOL_SHA256} *tool.tgz" | sha256sum -c -; \\',
        '    tar -xzf tool.tgz -C /usr/local/bin; \\',
        '    rm tool.tgz; \\',
        '    tool --version',
      ].join('\n'),
    () =>
      [
        'RUN <<EOF',
        'set -e',
        'for d in /app/data /app/logs /app/tmp; do',
        '  mkdir -p "$d"',
        '  chown -R app:app "$d"',
        'done',
        'if [ -n "$EXTRA_PACKAGES" ]; then',
        '  pip install $EXTRA_PACKAGES',
        'fi',
        'EOF',
      ].join('\n'),
    () => 'RUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install --upgrade pip \\\n    && pip install -r requirements.txt',
    () => 'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev && npm cache clean --force',
    () => 'RUN go mod download && CGO_ENABLED=0 GOOS=linux go build -ldflags="-s -w" -o /out/app ./cmd/app',
    () => 'RUN curl -sSL https://install.example.com/get.sh | sh -s -- -b /usr/local/bin',
    () => 'RUN cd /tmp && git clone https://github.com/example/lib.git && cd lib && ./configure && make && make install && cd / && rm -rf /tmp/lib',
    () => 'RUN useradd --create-home --shell /bin/bash app && echo "app ALL=(ALL) NOPASSWD:ALL" >> /etc/sudoers',
    () => 'RUN ["/bin/bash", "-c", "echo hello && ls -la /app"]',
    () => 'RUN chmod +x /usr/local/bin/docker-entrypoint.sh && ln -s /usr/local/bin/docker-entrypoint.sh /entrypoint.sh',
    () => 'RUN pip install --no-cache-dir gunicorn==21.2.0 flask requests==2.31.0',
    () => 'RUN mvn -B -q package -DskipTests && mv target/*.jar /app.jar',
    () => 'RUN sudo apt-get install -y vim',
  ])();
}

function stage(r: R, i: number, last: boolean, stages: number): string[] {
  const out: string[] = [];
  const base = pick(r, BASES);
  out.push(`FROM ${r() < 0.2 ? '--platform=$BUILDPLATFORM ' : ''}${base}${last ? '' : ` AS stage${i}`}`);
  if (r() < 0.5) {
    out.push('', `ARG VERSION=${between(r, 1, 9)}.${between(r, 0, 20)}.${between(r, 0, 9)}`, 'ARG TARGETARCH');
  }
  if (r() < 0.5) {
    out.push('', 'ENV LANG=C.UTF-8 \\', '    PYTHONDONTWRITEBYTECODE=1 \\', '    PYTHONUNBUFFERED=1 \\', `    APP_HOME=/app${r() < 0.3 ? ' \\\n    DB_PASSWORD=changeme' : ''}`);
  }
  if (i === 0 && r() < 0.4) {
    out.push('', 'LABEL org.opencontainers.image.title="app" \\', '      org.opencontainers.image.source="https://github.com/example/app" \\', '      maintainer="ops@example.com"');
  }
  out.push('', 'WORKDIR /app');
  const steps = between(r, 2, 7);
  for (let k = 0; k < steps; k++) {
    out.push('');
    if (r() < 0.5) {
      out.push(comment(r));
    }
    const what = r();
    if (what < 0.25) {
      out.push(base.includes('alpine') ? apkChain(r) : aptChain(r));
    } else if (what < 0.6) {
      out.push(scriptRun(r));
    } else if (what < 0.8) {
      out.push(pick(r, ['COPY package.json package-lock.json ./', 'COPY requirements.txt .', 'COPY go.mod go.sum ./', 'COPY . .', 'COPY --chown=app:app . /app', 'ADD https://example.com/file.tar.gz /tmp/', 'ADD vendor.tar.gz /opt/']));
    } else {
      out.push(pick(r, ['ENV PATH="/app/bin:${PATH}"', 'EXPOSE 8080', 'EXPOSE 80 443', 'VOLUME /data', 'WORKDIR src', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'USER root']));
    }
  }
  if (i > 0) {
    out.push('', `COPY --from=stage${i - 1} /out /app`);
  }
  if (last) {
    if (r() < 0.5) {
      out.push('', 'HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8080/health || exit 1');
    }
    if (r() < 0.6) {
      out.push('', pick(r, ['USER app', 'USER 1000:1000', 'USER nobody']));
    }
    out.push('', pick(r, ['ENTRYPOINT ["/entrypoint.sh"]', 'ENTRYPOINT ["tini", "--"]', 'CMD ["node", "server.js"]', 'CMD python app.py', 'CMD ["gunicorn", "-b", "0.0.0.0:8080", "app:app"]']));
    if (r() < 0.4) {
      out.push('CMD ["--help"]');
    }
  }
  void stages;
  return out;
}

/** One real-shaped Dockerfile (about 20–200 lines). */
export function realDockerfile(r: R): string {
  const out: string[] = [];
  if (r() < 0.3) {
    out.push('# syntax=docker/dockerfile:1.6');
  }
  if (r() < 0.3) {
    out.push('#', '# Copyright (c) Example Corp. All rights reserved.', '# Licensed under the Apache License, Version 2.0.', '#');
  }
  if (r() < 0.4) {
    out.push('ARG BASE_TAG=latest');
  }
  const stages = pick(r, [1, 1, 1, 2, 2, 3]);
  for (let i = 0; i < stages; i++) {
    if (i > 0) {
      out.push('', '');
    }
    out.push(...stage(r, i, i === stages - 1, stages));
  }
  return out.join('\n') + '\n';
}

const SERVICES = ['api', 'web', 'worker', 'gateway', 'auth', 'billing', 'search', 'ingest', 'frontend', 'docs'];

/** One statement of a `run:` script (a conditional comes whole: `if …; then`, its body, `fi`). */
function runStatement(r: R): string[] {
  const svc = pick(r, SERVICES);
  switch (Math.floor(r() * 22)) {
    case 0:
      return ['npm ci'];
    case 1:
      return [`npm run ${pick(r, ['build', 'lint', 'typecheck', 'test:unit', 'e2e', 'format:check'])}${r() < 0.3 ? ' --if-present' : ''}`];
    case 2:
      return [`npm test -- ${pick(r, ['--coverage', '--ci', '--runInBand', `--selectProjects ${svc}`])}`];
    case 3:
      return [`echo "${pick(r, ['version', 'tag', 'sha', 'image'])}=$(git describe --tags --always)" >> "$GITHUB_OUTPUT"`];
    case 4:
      return [`echo "${pick(r, ['${{ github.event.pull_request.title }}', '${{ github.head_ref }}', '${{ inputs.environment }}', '${{ github.ref_name }}'])}"`];
    case 5:
      return [`pip install ${pick(r, ['-r requirements.txt', '-r requirements-dev.txt', '-e .[test]', '--upgrade pip build twine', `-r ${svc}/requirements.txt`])}`];
    case 6:
      return [`pytest ${pick(r, ['-q', '-x', '-n auto', '--maxfail=1'])} ${pick(r, ['tests/', `${svc}/tests`, '--junitxml=report.xml'])}`];
    case 7:
      return [`docker build -t ghcr.io/\${{ github.repository }}/${svc}:\${{ github.sha }} ${pick(r, ['.', svc, `-f ${svc}/Dockerfile .`])}`];
    case 8:
      return [`docker push ghcr.io/\${{ github.repository }}/${svc}:\${{ github.sha }}`];
    case 9:
      return [`if [ "\${{ matrix.os }}" = "${pick(r, ['ubuntu-latest', 'macos-latest'])}" ]; then`, `  sudo apt-get update && sudo apt-get install -y ${pick(r, ['jq', 'shellcheck', 'protobuf-compiler', 'libssl-dev'])}`, 'fi'];
    case 10:
      return ['set -euo pipefail'];
    case 11:
      return [`for f in ${pick(r, ['dist/*.tar.gz', 'build/*.zip', `${svc}/out/*`])}; do sha256sum "$f" >> SHA256SUMS; done`];
    case 12:
      return [`curl -sSfL https://raw.githubusercontent.com/example/${pick(r, ['install', 'tools', 'setup'])}/main/install.sh | sh${r() < 0.5 ? ` -s -- -b /usr/local/bin v1.${between(r, 0, 60)}.0` : ''}`];
    case 13:
      return [`terraform fmt -check -recursive${r() < 0.5 ? ` infra/${svc}` : ''}`];
    case 14:
      return [`terraform -chdir=infra/${svc} init -input=false && terraform -chdir=infra/${svc} plan -out=tfplan`];
    case 15:
      return [`go test ${pick(r, ['./...', `./${svc}/...`, './internal/...'])} ${pick(r, ['-race', '-count=1', '-race -count=1', '-short'])}`];
    case 16:
      return [`make ${pick(r, ['lint', 'test', 'build', 'check', 'e2e', 'docs', 'generate', 'vet'])}${r() < 0.3 ? ` SERVICE=${svc}` : ''}`];
    case 17:
      return [`cd ${svc} && yarn install --frozen-lockfile && yarn ${pick(r, ['build', 'test', 'lint'])}`];
    case 18:
      return [`git config --global user.name "${pick(r, ['github-actions[bot]', 'release-bot'])}"`];
    case 19:
      return [`kubectl ${pick(r, ['apply -f', 'diff -f'])} k8s/${svc}/${r() < 0.5 ? ' --dry-run=server' : ''}`];
    case 20:
      return [`mkdir -p ${pick(r, ['dist', 'build', 'coverage', 'artifacts'])}/${svc}`];
    default:
      return [`./scripts/${pick(r, ['ci', 'release', 'lint', 'check-generated'])}.sh${r() < 0.5 ? ` ${svc}` : ''}`];
  }
}

/**
 * A `run:` script. Steps of real workflows are mostly one command; a few are longer scripts. With
 * the mix below 31% of the corpus's bytes are distinct shell scripts, somewhat more than in six real
 * repositories' workflows (10–23%, docs/benchmarks.md); an earlier version of this generator wrote
 * 1–25 lines per step, 63%, and so weighed the shell parse three to six times more than real files do.
 */
function runScript(r: R): string[] {
  const lines: string[] = [];
  const n = pick(r, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 8, 12]);
  for (let k = 0; k < n; k++) {
    lines.push(...runStatement(r));
  }
  return lines;
}

/** One real-shaped GitHub Actions workflow (about 30–250 lines). */
export function realWorkflow(r: R, i: number): string {
  const out: string[] = [`name: ${pick(r, ['CI', 'Build and test', 'Release', 'Deploy', 'Lint'])} ${i}`, '', 'on:'];
  out.push('  push:', '    branches: [main]', ...(r() < 0.5 ? ['    tags: ["v*"]'] : []), '  pull_request:', ...(r() < 0.2 ? ['  pull_request_target:'] : []), ...(r() < 0.3 ? ['  workflow_dispatch:', '    inputs:', '      environment:', '        type: choice', '        options: [staging, production]'] : []));
  if (r() < 0.5) {
    out.push('', 'permissions:', '  contents: read', ...(r() < 0.5 ? ['  packages: write'] : []));
  }
  if (r() < 0.4) {
    out.push('', 'concurrency:', '  group: ${{ github.workflow }}-${{ github.ref }}', '  cancel-in-progress: true');
  }
  out.push('', 'jobs:');
  const jobs = between(r, 1, 5);
  for (let j = 0; j < jobs; j++) {
    out.push(`  job${j}:`, `    runs-on: ${pick(r, ['ubuntu-latest', 'ubuntu-22.04', '${{ matrix.os }}', 'self-hosted'])}`);
    if (j > 0 && r() < 0.6) {
      out.push(`    needs: [job${j - 1}]`);
    }
    if (r() < 0.3) {
      out.push("    if: github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')");
    }
    if (r() < 0.4) {
      out.push('    strategy:', '      fail-fast: false', '      matrix:', '        os: [ubuntu-latest, macos-latest, windows-latest]', '        node: [18, 20, 22]');
    }
    if (r() < 0.3) {
      out.push('    timeout-minutes: 30');
    }
    if (r() < 0.2) {
      out.push('    services:', '      postgres:', '        image: postgres:16', '        env:', '          POSTGRES_PASSWORD: postgres', '        ports: ["5432:5432"]');
    }
    out.push('    steps:', `      - uses: actions/checkout@${pick(r, ['v4', 'v3', 'b4ffde65f46336ab88eb53be808477a3936bae11'])}`);
    const steps = between(r, 3, 12);
    for (let s = 0; s < steps; s++) {
      if (r() < 0.35) {
        out.push(`      - name: Set up ${pick(r, ['node', 'python', 'go'])}`, `        uses: ${pick(r, ['actions/setup-node@v4', 'actions/setup-python@v5', 'actions/setup-go@v5', 'docker/login-action@v3', 'some-org/deploy-action@main', 'actions/cache@v4'])}`, '        with:', `          ${pick(r, ['node-version: ${{ matrix.node }}', 'python-version: "3.12"', 'go-version-file: go.mod', 'registry: ghcr.io', 'path: ~/.npm'])}`);
      } else {
        const script = runScript(r);
        out.push(`      - name: Step ${s}`);
        if (r() < 0.3) {
          out.push('        env:', '          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}');
        }
        if (script.length === 1) {
          out.push(`        run: ${script[0]}`);
        } else {
          out.push('        run: |', ...script.map((l) => `          ${l}`));
        }
      }
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Write `count` real-shaped Dockerfiles (one per folder, as in a monorepo of services) and
 * `workflows` workflows under `dir` (seeded; rewritten only when the set differs).
 */
export function generateRealShaped(dir: string, count: number, workflows = 0, seed = 2026): { dockerfiles: string[]; workflows: string[] } {
  const stamp = path.join(dir, '.generated');
  const want = `${count}/${workflows}/${seed}/v4`;
  const r = prng(seed);
  const files: { dockerfiles: string[]; workflows: string[] } = { dockerfiles: [], workflows: [] };
  const fresh = !(fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want);
  if (fresh) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, 'services', `svc${String(i).padStart(5, '0')}`, 'Dockerfile');
    const text = realDockerfile(r);
    if (fresh) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    files.dockerfiles.push(file);
  }
  for (let i = 0; i < workflows; i++) {
    const file = path.join(dir, '.github', 'workflows', `wf${String(i).padStart(4, '0')}.yml`);
    const text = realWorkflow(r, i);
    if (fresh) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    files.workflows.push(file);
  }
  if (fresh) {
    fs.writeFileSync(stamp, want);
  }
  return files;
}

// `node out/bench/realshaped.js DIR COUNT [WORKFLOWS]`: write a corpus for hyperfine runs (not when
// bundled into bench/run.ts, where require.main is the bundle itself)
if (require.main === module && /realshaped\.[jt]s$/.test(process.argv[1] ?? '')) {
  const [dir, count, wf] = process.argv.slice(2);
  const made = generateRealShaped(path.resolve(dir ?? 'bench/.data/real'), Number(count ?? 2000), Number(wf ?? 0));
  process.stdout.write(`${made.dockerfiles.length} Dockerfiles, ${made.workflows.length} workflows in ${dir}\n`);
}

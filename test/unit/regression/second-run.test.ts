// Regression corpus (issue 17), from the judgement of the second run over 17 public repositories
// (docs/precision.md): each real-world shape written here for this project, with the finding a
// senior SRE would keep or the silence.
import { corpusTable } from '../../helpers/corpus';

const lines = (...l: string[]): string => l.join('\n') + '\n';

corpusTable('regression: Compose images built from a context', [
  {
    what: 'a service with build: names the image it builds, not one it pulls',
    rule: 'compose/no-latest-tag',
    files: { 'demo/compose.yml': lines('services:', '  api:', '    image: orders-api', '    build:', '      context: api/', '    ports:', '      - "127.0.0.1:8080:8080"') },
    want: [],
  },
  {
    what: 'a pulled image without a tag is still a warning',
    rule: 'compose/no-latest-tag',
    files: { 'demo/compose.yml': lines('services:', '  cache:', '    image: valkey/valkey', '  api:', '    image: orders-api', '    build: .') },
    want: [{ path: 'demo/compose.yml', line: 3, severity: 'warning' }],
  },
]);

corpusTable('regression: Dockerfiles for development', [
  {
    what: 'a last stage for Docker Dev Environments running as root is info, not a warning',
    rule: 'dockerfile/run-as-root',
    files: {
      'svc/Dockerfile': lines(
        'FROM python:3.12-alpine AS builder',
        'WORKDIR /src',
        'COPY requirements.txt .',
        'RUN pip install --no-cache-dir -r requirements.txt',
        'COPY . .',
        'CMD ["python3", "server.py"]',
        '',
        'FROM builder AS dev-envs',
        'RUN apk add --no-cache git bash',
        'CMD ["python3", "server.py"]',
      ),
    },
    want: [{ path: 'svc/Dockerfile', line: 8, severity: 'info' }],
  },
  {
    what: 'the same image shipped from a plain last stage is a warning',
    rule: 'dockerfile/run-as-root',
    files: { 'svc/Dockerfile': lines('FROM python:3.12-alpine', 'WORKDIR /src', 'COPY . .', 'EXPOSE 8000', 'CMD ["python3", "server.py"]') },
    want: [{ path: 'svc/Dockerfile', line: 1, severity: 'warning' }],
  },
  {
    what: 'apt lists left in a Tilt development image are info',
    rule: 'dockerfile/apt-lists-not-removed',
    files: { 'Dockerfile.tilt': lines('FROM golang:1.23', 'RUN apt-get update && apt-get install --no-install-recommends -y curl unzip', 'CMD ["sleep", "infinity"]') },
    want: [{ path: 'Dockerfile.tilt', line: 2, severity: 'info' }],
  },
  {
    what: 'a pipe that downloads without pipefail stays a warning',
    rule: 'dockerfile/missing-pipefail',
    files: { 'tools/Dockerfile': lines('FROM debian:12-slim', 'RUN curl -fsSL https://example.test/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg') },
    want: [{ path: 'tools/Dockerfile', line: 2, severity: 'warning' }],
  },
  {
    what: 'a pipe that reads local state only is info',
    rule: 'dockerfile/missing-pipefail',
    files: {
      'tools/Dockerfile': lines(
        'FROM debian:12-slim',
        'RUN set -eux; \\',
        '    arch="$(dpkg --print-architecture | cut -d- -f2)"; \\',
        '    echo "$arch" > /etc/build-arch',
      ),
    },
    want: [{ path: 'tools/Dockerfile', line: 3, severity: 'info' }],
  },
]);

const skaffoldManifest = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: checkout',
  'spec:',
  '  selector: {matchLabels: {app: checkout}}',
  '  template:',
  '    metadata: {labels: {app: checkout}}',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: checkout',
  '        - name: proxy',
  '          image: envoyproxy/envoy',
);

corpusTable('regression: images replaced at deploy time', [
  {
    what: 'an image skaffold builds (skaffold.yaml at the repository root) is not judged; a pulled one is',
    rule: 'kubernetes/image-latest-tag',
    files: { 'deploy/manifests/checkout.yaml': skaffoldManifest },
    beside: { 'skaffold.yaml': lines('apiVersion: skaffold/v4beta11', 'kind: Config', 'build:', '  artifacts:', '    - image: checkout', '      context: src/checkout', 'manifests:', '  rawYaml:', '    - deploy/manifests/*.yaml') },
    want: [{ path: 'deploy/manifests/checkout.yaml', line: 14, severity: 'warning' }],
  },
  {
    what: 'an image a kustomization in the folder retags is not judged',
    rule: 'kubernetes/image-latest-tag',
    files: { 'base/checkout.yaml': skaffoldManifest },
    beside: { 'base/kustomization.yaml': lines('resources:', '  - checkout.yaml', 'images:', '  - name: checkout', '    newName: registry.example.test/shop/checkout', '    newTag: 1.4.2') },
    want: [{ path: 'base/checkout.yaml', line: 14, severity: 'warning' }],
  },
  {
    what: 'without skaffold or kustomize both untagged images are warnings',
    rule: 'kubernetes/image-latest-tag',
    files: { 'plain/checkout.yaml': skaffoldManifest },
    want: [
      { path: 'plain/checkout.yaml', line: 12, severity: 'warning' },
      { path: 'plain/checkout.yaml', line: 14, severity: 'warning' },
    ],
  },
  {
    what: 'identical TCP probes are harmless (a connect cannot wait on a dependency)',
    rule: 'kubernetes/identical-probes',
    files: {
      'cache/redis.yaml': lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: cache}',
        'spec:',
        '  selector: {matchLabels: {app: cache}}',
        '  template:',
        '    metadata: {labels: {app: cache}}',
        '    spec:',
        '      containers:',
        '        - name: redis',
        '          image: redis:7.4-alpine',
        '          readinessProbe: {tcpSocket: {port: 6379}, periodSeconds: 5}',
        '          livenessProbe: {tcpSocket: {port: 6379}, periodSeconds: 5}',
      ),
    },
    want: [],
  },
]);

corpusTable('regression: pins the action requires, stages GitLab accepts', [
  {
    what: 'the SLSA generator by release tag is the pin its authors require',
    rule: 'github-actions/unpinned-action',
    files: {
      '.github/workflows/release.yml': lines(
        'on: {push: {tags: ["v*"]}}',
        'permissions: {}',
        'jobs:',
        '  provenance:',
        '    permissions: {actions: read, id-token: write, contents: write}',
        '    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0',
        '    with: {base64-subjects: "abc"}',
        '  notify:',
        '    runs-on: ubuntu-24.04',
        '    steps:',
        '      - uses: rtCamp/action-slack-notify@v2.3.0',
      ),
    },
    want: [{ path: '.github/workflows/release.yml', line: 11, severity: 'warning' }],
  },
  {
    what: 'dependencies on a job of the same stage are accepted by GitLab but pass nothing (warning); a later stage is refused (error)',
    rule: 'gitlab-ci/dependencies-later-stage',
    files: {
      '.gitlab-ci.yml': lines(
        'stages: [test, publish]',
        'build image:',
        '  stage: test',
        '  script: [make image]',
        '  artifacts: {paths: [out/]}',
        'push image:',
        '  stage: test',
        '  dependencies: [build image]',
        '  script: [make push]',
        'report:',
        '  stage: test',
        '  dependencies: [announce]',
        '  script: [make report]',
        'announce:',
        '  stage: publish',
        '  script: [make announce]',
      ),
    },
    want: [
      { path: '.gitlab-ci.yml', line: 8, severity: 'warning' },
      { path: '.gitlab-ci.yml', line: 12, severity: 'error' },
    ],
  },
]);

corpusTable('regression: Terraform opinions and VPC search domains', [
  {
    what: 'a VPC search domain with an open access policy is a warning, not an error (its security groups decide who reaches it)',
    rule: 'terraform/iam-wildcard-principal',
    files: {
      'search/main.tf': lines(
        'resource "aws_opensearch_domain" "logs" {',
        '  domain_name = "logs"',
        '  vpc_options {',
        '    subnet_ids         = var.subnet_ids',
        '    security_group_ids = [aws_security_group.logs.id]',
        '  }',
        '  access_policies = data.aws_iam_policy_document.logs.json',
        '}',
        '',
        'data "aws_iam_policy_document" "logs" {',
        '  statement {',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["*"]',
        '    }',
        '    actions   = ["es:ESHttp*"]',
        '    resources = ["arn:aws:es:eu-west-1:111122223333:domain/logs/*"]',
        '  }',
        '}',
      ),
    },
    want: [{ path: 'search/main.tf', line: 14, severity: 'warning' }],
  },
  {
    what: 'the same policy on a public domain is an error',
    rule: 'terraform/iam-wildcard-principal',
    files: {
      'search/main.tf': lines(
        'resource "aws_opensearch_domain" "logs" {',
        '  domain_name     = "logs"',
        '  access_policies = data.aws_iam_policy_document.logs.json',
        '}',
        '',
        'data "aws_iam_policy_document" "logs" {',
        '  statement {',
        '    principals {',
        '      type        = "AWS"',
        '      identifiers = ["*"]',
        '    }',
        '    actions   = ["es:ESHttp*"]',
        '    resources = ["arn:aws:es:eu-west-1:111122223333:domain/logs/*"]',
        '  }',
        '}',
      ),
    },
    want: [{ path: 'search/main.tf', line: 10, severity: 'error' }],
  },
  {
    what: 'enforce_https = false is reported once, by opensearch-http-allowed',
    rule: 'terraform/opensearch-not-encrypted',
    files: {
      'search/domain.tf': lines(
        'resource "aws_opensearch_domain" "logs" {',
        '  domain_name = "logs"',
        '  encrypt_at_rest { enabled = true }',
        '  node_to_node_encryption { enabled = true }',
        '  domain_endpoint_options {',
        '    enforce_https = false',
        '  }',
        '}',
      ),
    },
    want: [],
  },
  {
    what: 'a log bucket without versioning is info (it depends on what the bucket holds)',
    rule: 'terraform/s3-bucket-no-versioning',
    files: { 'logs/main.tf': lines('resource "aws_s3_bucket" "cdn_logs" {', '  bucket = "acme-cdn-logs"', '}') },
    want: [{ path: 'logs/main.tf', line: 1, severity: 'info' }],
  },
]);

corpusTable('regression: secrets that are references, placeholders in examples, service defaults', [
  {
    what: 'the ARN block of a managed master password is not a secret value',
    rule: 'terraform/output-secret-not-sensitive',
    files: { 'examples/cluster/outputs.tf': lines('output "cluster_master_user_secret" {', '  description = "The managed master password secret"', '  value       = module.db.cluster_master_user_secret', '}', '', 'output "db_password" {', '  value = module.db.password', '}') },
    want: [{ path: 'examples/cluster/outputs.tf', line: 6, severity: 'warning' }],
  },
  {
    what: 'a literal password in an example module is a warning; in a live module an error',
    rule: 'terraform/resource-hardcoded-secret',
    files: {
      'examples/replica/main.tf': lines('resource "aws_db_instance" "replica" {', '  username = "app"', '  password = "ExamplePassw0rdOnly"', '}'),
      'live/db/main.tf': lines('resource "aws_db_instance" "main" {', '  username = "app"', '  password = "Pr0dPassw0rdLeaked"', '}'),
    },
    want: [
      { path: 'examples/replica/main.tf', line: 3, severity: 'warning' },
      { path: 'live/db/main.tf', line: 3, severity: 'error' },
    ],
  },
  {
    what: 'a queue left to the SSE-SQS default is info, SSE turned off is a warning',
    rule: 'terraform/sqs-queue-not-encrypted',
    files: { 'queues/main.tf': lines('resource "aws_sqs_queue" "alerts" {', '  name = "alerts"', '}', '', 'resource "aws_sqs_queue" "jobs" {', '  name                    = "jobs"', '  sqs_managed_sse_enabled = false', '}') },
    want: [
      { path: 'queues/main.tf', line: 1, severity: 'info' },
      { path: 'queues/main.tf', line: 7, severity: 'warning' },
    ],
  },
  {
    what: 'a WebAssembly image from scratch has no Unix user to set',
    rule: 'dockerfile/run-as-root',
    files: { 'wasm/Dockerfile': lines('FROM rust:1.82 AS build', 'WORKDIR /src', 'COPY . .', 'RUN cargo build --target wasm32-wasip1 --release', '', 'FROM scratch', 'COPY --from=build /src/target/wasm32-wasip1/release/orders.wasm /orders.wasm', 'ENTRYPOINT ["/orders.wasm"]') },
    want: [],
  },
  {
    what: 'a Role reading secrets is info (whether it needs them only a reviewer knows)',
    rule: 'kubernetes/rbac-secrets-access',
    files: { 'rbac/role.yaml': lines('apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata: {name: sync-controller, namespace: ops}', 'rules:', '  - apiGroups: [""]', '    resources: [secrets]', '    verbs: [get, list, watch]') },
    want: [{ path: 'rbac/role.yaml', line: 6, severity: 'info' }],
  },
]);

corpusTable('regression: GitLab advisory jobs and one dind finding per block', [
  {
    what: 'an advisory style check and an outside analysis upload may fail; a unit test job may not',
    rule: 'gitlab-ci/allow-failure-on-test',
    files: {
      '.gitlab-ci.yml': lines(
        'stages: [style-check, test, analyze]',
        'style-check-advisory:',
        '  stage: style-check',
        '  allow_failure: true',
        '  script: [./ci/check-style.sh]',
        'coverity:',
        '  stage: analyze',
        '  allow_failure: true',
        '  script: [./ci/coverity-upload.sh]',
        'unit-tests:',
        '  stage: test',
        '  allow_failure: true',
        '  script: [make check]',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 12, severity: 'warning' }],
  },
  {
    what: 'DOCKER_HOST on 2375 with an empty DOCKER_TLS_CERTDIR is one finding',
    rule: 'gitlab-ci/dind-without-tls',
    files: {
      '.gitlab-ci.yml': lines(
        'image-build:',
        '  image: docker:27.3',
        '  services: [docker:27.3-dind]',
        '  variables:',
        '    DOCKER_HOST: tcp://docker:2375',
        '    DOCKER_TLS_CERTDIR: ""',
        '  script: [docker build -t app .]',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 5, severity: 'warning' }],
  },
]);

const etcdPod = (command: string): string =>
  lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: etcd, namespace: kube-system}', 'spec:', '  hostNetwork: true', '  containers:', '    - name: etcd', '      image: registry.k8s.io/etcd:3.5.16-0', `      command: ${command}`);

corpusTable('regression: control-plane flags read only from the binary itself', [
  {
    what: 'etcd started by name without TLS flags is reported',
    rule: 'kubernetes/etcd-no-tls',
    files: { 'cp/etcd.yaml': etcdPod('[etcd, --data-dir=/var/lib/etcd, --listen-client-urls=https://127.0.0.1:2379]') },
    want: [{ path: 'cp/etcd.yaml', line: 9, severity: 'warning' }],
  },
  {
    what: 'a shell string ending in /var/lib/etcd is not the etcd binary (its flags are not read, so it is not judged)',
    rule: 'kubernetes/etcd-no-tls',
    files: { 'cp/etcd.yaml': etcdPod('[sh, -c, "etcd --cert-file=/pki/server.crt --key-file=/pki/server.key --data-dir=/var/lib/etcd"]') },
    want: [],
  },
]);

corpusTable('regression: tool and CI images', [
  {
    what: 'a command-line tool image (ENTRYPOINT, no port) without USER is info',
    rule: 'dockerfile/run-as-root',
    files: { 'netscan/Dockerfile': lines('FROM alpine:3.20', 'RUN apk add --no-cache nmap', 'ENTRYPOINT ["nmap"]', 'CMD ["--help"]') },
    want: [{ path: 'netscan/Dockerfile', line: 1, severity: 'info' }],
  },
  {
    what: 'a service that declares its port stays a warning',
    rule: 'dockerfile/run-as-root',
    files: { 'api/Dockerfile': lines('FROM alpine:3.20', 'COPY api /usr/local/bin/api', 'EXPOSE 8080', 'ENTRYPOINT ["/usr/local/bin/api"]') },
    want: [{ path: 'api/Dockerfile', line: 1, severity: 'warning' }],
  },
  {
    what: 'a CI job image under .gitlab-ci/ keeps its compilers on purpose',
    rule: 'dockerfile/build-tools-in-final-image',
    files: { '.gitlab-ci/alpine.Dockerfile': lines('FROM alpine:3.20', 'RUN apk add --no-cache build-base meson ninja git', 'CMD ["sh"]') },
    want: [],
  },
]);

corpusTable('regression: apt configured to answer yes, one-file chown, development images', [
  {
    what: 'apt-get after APT::Get::Assume-Yes is configured does not prompt',
    rule: 'dockerfile/apt-get-missing-yes',
    files: {
      'builder/Dockerfile': lines(
        'FROM debian:12-slim',
        `RUN printf '%s\\n' 'APT::Get::Assume-Yes "true";' 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/90ci`,
        'RUN apt-get update && apt-get install git openssh-client && apt-get autoremove --purge',
      ),
      'other/Dockerfile': lines('FROM debian:12-slim', 'RUN apt-get update && apt-get install git'),
    },
    want: [{ path: 'other/Dockerfile', line: 2, severity: 'warning' }],
  },
  {
    what: 'chown -R of one copied config file is info; of a copied folder a warning',
    rule: 'dockerfile/copy-then-chown',
    files: {
      'proxy/Dockerfile': lines('FROM alpine:3.20', 'RUN apk add --no-cache tor', 'COPY torrc.default /etc/tor/torrc.default', 'RUN chown -R tor:tor /etc/tor/torrc.default', 'COPY site/ /srv/site/', 'RUN chown -R tor:tor /srv/site', 'USER tor', 'CMD ["tor"]'),
    },
    want: [
      { path: 'proxy/Dockerfile', line: 4, severity: 'info' },
      { path: 'proxy/Dockerfile', line: 6, severity: 'warning' },
    ],
  },
  {
    what: 'a locally built latest base in a development Dockerfile is info',
    rule: 'dockerfile/no-latest-tag',
    files: { 'Dockerfile.dev': lines('FROM app-base', 'COPY . /src', 'CMD ["make", "watch"]'), 'Dockerfile': lines('FROM app-base', 'COPY . /src', 'CMD ["./app"]') },
    want: [
      { path: 'Dockerfile', line: 1, severity: 'warning' },
      { path: 'Dockerfile.dev', line: 1, severity: 'info' },
    ],
  },
]);

corpusTable('regression: GitLab Pages publishing after failures', [
  {
    what: 'a Pages job that publishes a coverage report with when: always is info; an application deploy a warning',
    rule: 'gitlab-ci/deploy-when-always',
    files: {
      '.gitlab-ci.yml': lines(
        'stages: [test, deploy]',
        'coverage:',
        '  stage: test',
        '  script: [make coverage]',
        '  artifacts: {paths: [_coverage/]}',
        'pages:',
        '  stage: deploy',
        '  needs: [coverage]',
        '  rules:',
        '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
        '      when: always',
        '  script: [mv _coverage public]',
        '  artifacts: {paths: [public]}',
        'deploy-app:',
        '  stage: deploy',
        '  when: always',
        '  environment: production',
        '  script: [kubectl apply -f k8s/]',
      ),
    },
    want: [
      { path: '.gitlab-ci.yml', line: 11, severity: 'info' },
      { path: '.gitlab-ci.yml', line: 16, severity: 'warning' },
    ],
  },
]);

corpusTable('regression: GitLab CI utility images, style checks and Pages', [
  {
    what: 'alpine:latest in a utility job is info; a tool image at latest is a warning',
    rule: 'gitlab-ci/no-latest-tag',
    files: {
      '.gitlab-ci.yml': lines(
        'stages: [test]',
        'stage-done:',
        '  image: alpine:latest',
        '  variables: {GIT_STRATEGY: none}',
        '  script: [exit 0]',
        'field-validator:',
        '  image: golang:latest',
        '  script: [go run ./cmd/validate]',
        'macos-build:',
        '  image: macos-15-xcode-16',
        '  tags: [saas-macos-medium-m1]',
        '  script: [xcodebuild]',
      ),
    },
    want: [
      { path: '.gitlab-ci.yml', line: 3, severity: 'info' },
      { path: '.gitlab-ci.yml', line: 7, severity: 'warning' },
    ],
  },
  {
    what: 'a style or docs check may be allowed to fail; an integration test may not',
    rule: 'gitlab-ci/allow-failure-on-test',
    files: {
      '.gitlab-ci.yml': lines(
        'stages: [test]',
        'check-c-code-style:',
        '  stage: test',
        '  allow_failure: true',
        '  script: [./check-style.py --dry-run]',
        'docs:lint markdown:',
        '  stage: test',
        '  allow_failure: true',
        '  script: [make lint-docs]',
        'integration test:',
        '  stage: test',
        '  allow_failure: true',
        '  script: [go test ./...]',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 12, severity: 'warning' }],
  },
  {
    what: 'a Pages job without test gating is info',
    rule: 'gitlab-ci/deploy-without-tests',
    files: {
      '.gitlab-ci.yml': lines(
        'stages: [build, test, deploy]',
        'docs:',
        '  stage: build',
        '  script: [make docs]',
        'unit:',
        '  stage: test',
        '  script: [make check]',
        'pages:',
        '  stage: deploy',
        '  needs: [docs]',
        '  script: [mv _build public]',
        '  artifacts: {paths: [public]}',
        '  rules:',
        '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
      ),
    },
    want: [{ path: '.gitlab-ci.yml', line: 10, severity: 'info' }],
  },
]);

corpusTable('regression: Compose policies on override files', [
  {
    what: 'an override that adds a capability to a service whose base file drops all is not judged on what it does not write',
    rule: 'compose/capabilities-not-dropped',
    files: {
      'app/compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    cap_drop: [ALL]'),
      'app/compose.override.yaml': lines('services:', '  web:', '    cap_add: [NET_ADMIN]'),
      'solo/compose.yaml': lines('services:', '  web:', '    image: nginx:1.27', '    cap_add: [NET_ADMIN]'),
    },
    want: [{ path: 'solo/compose.yaml', line: 2, severity: 'info' }],
  },
]);

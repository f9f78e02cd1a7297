import type { Stack } from './detect';
import { detectCiProvider, requireStack } from './detect';
import { uses } from './actions';
import { appImage } from './image';
import type { CiProvider, GeneratedFile, GenerateOptions, ProjectInput } from './types';
import { GenerateError } from './types';
import { CURL_IMAGE, DOCKER_DIND_IMAGE, DOCKER_IMAGE, GO_VERSIONS, KUBECTL_IMAGE, POETRY_VERSION, PYTEST_VERSION, RUFF_VERSION, TRIVY_IMAGE, UV_VERSION } from './versions';

type DetectedStack = Exclude<Stack, { language: 'generic' }>;

/** Shell commands of the lint and test jobs, shared by both providers. */
export interface CiCommands {
  /** Image the GitLab jobs run in. */
  image: string;
  install: string[];
  lint: string[];
  test: string[];
}

function warnMissing(script: string): string {
  return `echo "package.json has no ${script} script: add one so this job checks something"`;
}

/** Install, lint and test commands for a stack. */
export function ciCommands(stack: DetectedStack): CiCommands {
  switch (stack.language) {
    case 'node': {
      const run = stack.packageManager === 'npm' ? 'npm run' : stack.packageManager === 'pnpm' ? 'pnpm run' : 'yarn run';
      const install: Record<typeof stack.packageManager, string[]> = {
        npm: [stack.lockfile ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund'],
        pnpm: ['corepack enable pnpm', `pnpm install${stack.lockfile ? ' --frozen-lockfile' : ''}`],
        yarn: [`yarn install${stack.lockfile ? ' --frozen-lockfile' : ''}`],
        'yarn-berry': ['corepack enable yarn', `yarn install${stack.lockfile ? ' --immutable' : ''}`],
      };
      return {
        image: stack.image,
        install: install[stack.packageManager],
        lint: [stack.scripts.lint !== undefined ? `${run} lint` : warnMissing('lint')],
        test: [stack.scripts.test !== undefined ? `${run} test` : warnMissing('test')],
      };
    }
    case 'python': {
      const ruff = [`python -m pip install --no-cache-dir ruff==${RUFF_VERSION}`, 'ruff check .'];
      switch (stack.tool) {
        case 'poetry':
          return {
            image: stack.image,
            install: [`python -m pip install --no-cache-dir poetry==${POETRY_VERSION}`, 'poetry install --no-interaction --no-ansi'],
            lint: ruff,
            test: [`poetry run python -m pip install --no-cache-dir pytest==${PYTEST_VERSION}`, 'poetry run python -m pytest'],
          };
        case 'uv':
          return {
            image: stack.image,
            install: [`python -m pip install --no-cache-dir uv==${UV_VERSION}`, 'uv sync --frozen'],
            lint: ruff,
            test: [`uv run --with pytest==${PYTEST_VERSION} python -m pytest`],
          };
        case 'pip':
          return {
            image: stack.image,
            install: ['python -m pip install --no-cache-dir -r requirements.txt'],
            lint: ruff,
            test: [`python -m pip install --no-cache-dir pytest==${PYTEST_VERSION}`, 'python -m pytest'],
          };
        case 'pyproject':
          return {
            image: stack.image,
            install: ['python -m pip install --no-cache-dir .'],
            lint: ruff,
            test: [`python -m pip install --no-cache-dir pytest==${PYTEST_VERSION}`, 'python -m pytest'],
          };
      }
      break;
    }
    case 'go':
      return {
        image: stack.image,
        install: ['go mod download'],
        lint: ['go vet ./...', 'test -z "$(gofmt -l .)"'],
        test: ['go test -race -count=1 ./...'],
      };
    case 'java': {
      if (stack.build === 'maven') {
        const mvn = stack.wrapper ? './mvnw' : 'mvn';
        return {
          image: stack.images.maven,
          install: [`${mvn} -B -ntp dependency:go-offline`],
          lint: [`${mvn} -B -ntp -DskipTests verify`],
          test: [`${mvn} -B -ntp test`],
        };
      }
      const gradle = stack.wrapper ? './gradlew' : 'gradle';
      return {
        image: stack.wrapper ? stack.images.jdk : stack.images.gradle,
        install: [],
        lint: [`${gradle} --no-daemon check -x test`],
        test: [`${gradle} --no-daemon test`],
      };
    }
  }
  throw new GenerateError('unsupported stack');
}

/** The default branch: `master` when the git config only knows that one, else `main`. */
function defaultBranch(input: ProjectInput): string {
  const git = input.files['.git/config'] ?? '';
  return /\[branch "master"\]/.test(git) && !/\[branch "main"\]/.test(git) ? 'master' : 'main';
}

/** `run:` value: a plain scalar for one command, a literal block for several. */
function runValue(commands: readonly string[], indent: string): string[] {
  if (commands.length === 1 && !/^[-?:,[\]{}#&*!|>'"%@`]|: | #/.test(commands[0])) {
    return [`${indent}run: ${commands[0]}`];
  }
  return [`${indent}run: |`, ...commands.map((c) => `${indent}  ${c}`)];
}

function githubSetup(stack: DetectedStack): string[] {
  switch (stack.language) {
    case 'node': {
      const cache = stack.packageManager === 'npm' && stack.lockfile ? 'npm' : stack.packageManager === 'yarn' && stack.lockfile ? 'yarn' : undefined;
      return [
        `      - uses: ${uses('actions/setup-node', 'v4')}`,
        '        with:',
        `          node-version: "${stack.nodeMajor}"`,
        ...(cache ? [`          cache: ${cache}`] : []),
      ];
    }
    case 'python':
      return [`      - uses: ${uses('actions/setup-python', 'v5')}`, '        with:', `          python-version: "${stack.pythonVersion}"`];
    case 'go':
      return [`      - uses: ${uses('actions/setup-go', 'v5')}`, '        with:', `          go-version: "${GO_VERSIONS[stack.goVersion]}"`];
    case 'java':
      return [
        `      - uses: ${uses('actions/setup-java', 'v4')}`,
        '        with:',
        '          distribution: temurin',
        `          java-version: "${stack.javaVersion}"`,
        `          cache: ${stack.build}`,
      ];
  }
}

const CHECKOUT = [`      - uses: ${uses('actions/checkout', 'v4')}`, '        with:', '          persist-credentials: false'];

function alertStep(what: string, indent = '      '): string[] {
  return [
    `${indent}- name: Alert on failure`,
    `${indent}  if: failure()`,
    `${indent}  env:`,
    `${indent}    ALERT_WEBHOOK_URL: \${{ secrets.ALERT_WEBHOOK_URL }}`,
    `${indent}    RUN_URL: \${{ github.server_url }}/\${{ github.repository }}/actions/runs/\${{ github.run_id }}`,
    `${indent}  run: |`,
    `${indent}    echo "::error title=${what} failed::see $RUN_URL"`,
    `${indent}    # Set the ALERT_WEBHOOK_URL secret (Slack, Teams, ...) to be notified as well.`,
    `${indent}    if [ -n "$ALERT_WEBHOOK_URL" ]; then`,
    `${indent}      curl --fail --silent --show-error --max-time 10 -H 'Content-Type: application/json' \\`,
    `${indent}        --data "{\\"text\\":\\"${what} failed: $RUN_URL\\"}" "$ALERT_WEBHOOK_URL"`,
    `${indent}    fi`,
  ];
}

function githubWorkflow(stack: DetectedStack, input: ProjectInput, options: GenerateOptions): string {
  const ci = ciCommands(stack);
  const branch = defaultBranch(input);
  const onDefault = "github.event_name == 'push' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";
  const registryImage = options.image !== undefined ? appImage(stack, input, options).repository : undefined;
  const ns = stack.name;
  const deploy = `deploy/${stack.name}`;
  const installSteps = ci.install.length > 0 ? [`      - name: Install dependencies`, ...runValue(ci.install, '        ')] : [];
  const lines = [
    '# Generated by Aurora DevOps (aurora-devops generate pipeline).',
    '# Lint -> Test -> Build and push image -> Vulnerability scan -> Deploy -> Rollout check,',
    '# with an automatic rollback when the new pods do not become healthy. Deploys happen only',
    '# from the default branch, and only after every earlier job passed.',
    'name: ci',
    '',
    'on:',
    '  push:',
    `    branches: [${branch}]`,
    '  pull_request:',
    '',
    'permissions:',
    '  contents: read',
    '',
    'concurrency:',
    '  group: ${{ github.workflow }}-${{ github.ref }}',
    "  cancel-in-progress: ${{ github.event_name == 'pull_request' }}",
    '',
    'jobs:',
    '  lint:',
    '    name: Lint',
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 10',
    '    steps:',
    ...CHECKOUT,
    ...githubSetup(stack),
    ...installSteps,
    '      - name: Lint',
    ...runValue(ci.lint, '        '),
    '',
    '  test:',
    '    name: Test',
    '    needs: lint',
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 20',
    '    steps:',
    ...CHECKOUT,
    ...githubSetup(stack),
    ...installSteps,
    '      - name: Test',
    ...runValue(ci.test, '        '),
    '',
    '  build:',
    '    name: Build and push image',
    '    needs: test',
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 20',
    '    permissions:',
    '      contents: read',
    '      packages: write',
    '    outputs:',
    '      image: ${{ steps.image.outputs.ref }}',
    '    steps:',
    ...CHECKOUT,
    '      - name: Image reference (tagged with the commit SHA, never latest)',
    '        id: image',
    ...(registryImage
      ? [`        run: echo "ref=${registryImage}:$GITHUB_SHA" >> "$GITHUB_OUTPUT"`]
      : ['        env:', '          REPOSITORY: ${{ github.repository }}', '        run: echo "ref=ghcr.io/${REPOSITORY,,}:$GITHUB_SHA" >> "$GITHUB_OUTPUT"']),
    `      - uses: ${uses('docker/setup-buildx-action', 'v3')}`,
    `      - uses: ${uses('docker/login-action', 'v3')}`,
    `        if: ${onDefault}`,
    '        with:',
    `          registry: ${registryImage ? registryImage.split('/')[0] : 'ghcr.io'}`,
    ...(registryImage && !registryImage.startsWith('ghcr.io/')
      ? ['          username: ${{ secrets.REGISTRY_USERNAME }}', '          password: ${{ secrets.REGISTRY_PASSWORD }}']
      : ['          username: ${{ github.actor }}', '          password: ${{ secrets.GITHUB_TOKEN }}']),
    '      - name: Build (and push from the default branch)',
    `        uses: ${uses('docker/build-push-action', 'v6')}`,
    '        with:',
    '          context: .',
    `          push: \${{ ${onDefault} }}`,
    '          tags: ${{ steps.image.outputs.ref }}',
    '',
    '  scan:',
    '    name: Vulnerability scan',
    '    needs: build',
    `    if: ${onDefault}`,
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 15',
    '    permissions:',
    '      contents: read',
    '      packages: read',
    '    steps:',
    `      - uses: ${uses('docker/login-action', 'v3')}`,
    '        with:',
    `          registry: ${registryImage ? registryImage.split('/')[0] : 'ghcr.io'}`,
    ...(registryImage && !registryImage.startsWith('ghcr.io/')
      ? ['          username: ${{ secrets.REGISTRY_USERNAME }}', '          password: ${{ secrets.REGISTRY_PASSWORD }}']
      : ['          username: ${{ github.actor }}', '          password: ${{ secrets.GITHUB_TOKEN }}']),
    '      - name: Scan the pushed image (fixable HIGH or CRITICAL findings fail the pipeline)',
    `        uses: ${uses('aquasecurity/trivy-action', '0.28.0')}`,
    '        with:',
    '          image-ref: ${{ needs.build.outputs.image }}',
    '          severity: HIGH,CRITICAL',
    '          ignore-unfixed: true',
    '          exit-code: "1"',
    ...alertStep('Vulnerability scan'),
    '',
    '  deploy:',
    '    name: Deploy to Kubernetes',
    '    needs: [test, build, scan]',
    `    if: ${onDefault}`,
    '    runs-on: ubuntu-24.04',
    '    timeout-minutes: 15',
    '    environment: production',
    '    concurrency:',
    '      group: deploy-production',
    '      cancel-in-progress: false',
    '    steps:',
    '      - name: Cluster credentials (the KUBECONFIG secret of the production environment)',
    '        env:',
    '          KUBECONFIG_DATA: ${{ secrets.KUBECONFIG }}',
    '        run: |',
    '          umask 077',
    '          printf \'%s\' "$KUBECONFIG_DATA" > "$RUNNER_TEMP/kubeconfig"',
    '          echo "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"',
    '      - name: Roll out the new image',
    '        env:',
    '          IMAGE: ${{ needs.build.outputs.image }}',
    `        run: kubectl -n ${ns} set image ${deploy} ${stack.name}="$IMAGE"`,
    '      - name: Health check, rolling back when the new pods do not become ready',
    `        run: kubectl -n ${ns} rollout status ${deploy} --timeout=180s || (kubectl -n ${ns} rollout undo ${deploy} && exit 1)`,
    ...alertStep('Deployment'),
  ];
  return lines.join('\n') + '\n';
}

function gitlabScript(commands: readonly string[], indent = '    '): string[] {
  return commands.map((c) => (/^[-?:,[\]{}#&*!|>'"%@`]|: | #/.test(c) ? `${indent}- ${JSON.stringify(c)}` : `${indent}- ${c}`));
}

function gitlabPipeline(stack: DetectedStack, options: GenerateOptions, input: ProjectInput): string {
  const ci = ciCommands(stack);
  const ns = stack.name;
  const deploy = `deploy/${stack.name}`;
  const registryImage = options.image !== undefined ? appImage(stack, input, options).repository : undefined;
  const onDefault = ['  rules:', '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'];
  const lines = [
    '# Generated by Aurora DevOps (aurora-devops generate pipeline).',
    '# Lint -> Test -> Build and push image -> Vulnerability scan -> Deploy -> Rollout check,',
    '# with an automatic rollback when the new pods do not become healthy. Deploys happen only',
    '# from the default branch, and only after every earlier job passed.',
    'stages:',
    '  - lint',
    '  - test',
    '  - build',
    '  - scan',
    '  - deploy',
    '',
    'workflow:',
    '  rules:',
    '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
    '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
    '',
    'default:',
    '  interruptible: true',
    '',
    'variables:',
    '  # Images are tagged with the commit SHA, never latest.',
    `  IMAGE: ${registryImage ?? '$CI_REGISTRY_IMAGE'}:$CI_COMMIT_SHA`,
    '',
    'lint:',
    '  stage: lint',
    `  image: ${ci.image}`,
    '  timeout: 10m',
    '  script:',
    ...gitlabScript([...ci.install, ...ci.lint]),
    '',
    'test:',
    '  stage: test',
    '  needs: [lint]',
    `  image: ${ci.image}`,
    '  timeout: 20m',
    '  script:',
    ...gitlabScript([...ci.install, ...ci.test]),
    '',
    'build:',
    '  stage: build',
    '  needs: [test]',
    `  image: ${DOCKER_IMAGE}`,
    '  services:',
    `    - ${DOCKER_DIND_IMAGE}`,
    '  variables:',
    '    DOCKER_TLS_CERTDIR: /certs',
    '  timeout: 20m',
    ...onDefault,
    '  script:',
    '    - echo "$CI_REGISTRY_PASSWORD" | docker login --username "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
    '    - docker build --pull --tag "$IMAGE" .',
    '    - docker push "$IMAGE"',
    '',
    'scan:',
    '  stage: scan',
    '  needs: [build]',
    '  image:',
    `    name: ${TRIVY_IMAGE}`,
    '    entrypoint: [""]',
    '  variables:',
    '    GIT_STRATEGY: none',
    '    TRIVY_USERNAME: $CI_REGISTRY_USER',
    '    TRIVY_PASSWORD: $CI_REGISTRY_PASSWORD',
    '  timeout: 15m',
    ...onDefault,
    '  script:',
    '    # Fixable HIGH or CRITICAL vulnerabilities fail the job, which blocks the deploy.',
    '    - trivy image --exit-code 1 --severity HIGH,CRITICAL --ignore-unfixed --no-progress "$IMAGE"',
    '',
    'deploy:',
    '  stage: deploy',
    '  needs: [test, build, scan]',
    '  image:',
    `    name: ${KUBECTL_IMAGE}`,
    '    entrypoint: [""]',
    '  environment:',
    '    name: production',
    '  resource_group: production',
    '  interruptible: false',
    '  timeout: 15m',
    ...onDefault,
    '  # KUBECONFIG: a protected CI/CD variable of type "File" holding the cluster credentials.',
    '  script:',
    `    - kubectl -n ${ns} set image ${deploy} ${stack.name}="$IMAGE"`,
    '    # Health check: roll back when the new pods do not become ready.',
    `    - kubectl -n ${ns} rollout status ${deploy} --timeout=180s || (kubectl -n ${ns} rollout undo ${deploy} && exit 1)`,
    '',
    'alert:',
    '  stage: .post',
    `  image: ${CURL_IMAGE}`,
    '  variables:',
    '    GIT_STRATEGY: none',
    '  timeout: 5m',
    '  rules:',
    '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
    '      when: on_failure',
    '  script:',
    '    # Set ALERT_WEBHOOK_URL (Slack, Teams, ...) as a masked CI/CD variable to be notified.',
    '    - |',
    '      echo "Pipeline failed: $CI_PIPELINE_URL"',
    '      if [ -n "$ALERT_WEBHOOK_URL" ]; then',
    `        curl --fail --silent --show-error --max-time 10 -H 'Content-Type: application/json' \\`,
    '          --data "{\\"text\\":\\"Pipeline failed: $CI_PIPELINE_URL\\"}" "$ALERT_WEBHOOK_URL"',
    '      fi',
  ];
  return lines.join('\n') + '\n';
}

/** The provider to write for: `--provider`, else detected from the project, else GitHub. */
export function ciProvider(input: ProjectInput, options: GenerateOptions): CiProvider {
  if (options.provider !== undefined) {
    if (options.provider !== 'github' && options.provider !== 'gitlab') {
      throw new GenerateError(`--provider for pipeline must be github or gitlab (got '${options.provider}')`);
    }
    return options.provider;
  }
  return detectCiProvider(input) ?? 'github';
}

/** `generate pipeline`: .github/workflows/ci.yml or .gitlab-ci.yml. */
export function generatePipeline(input: ProjectInput, options: GenerateOptions = {}): GeneratedFile[] {
  const stack = requireStack(input, options, 'a pipeline');
  const provider = ciProvider(input, options);
  if (provider === 'gitlab') {
    return [{ path: '.gitlab-ci.yml', text: gitlabPipeline(stack, options, input) }];
  }
  return [{ path: '.github/workflows/ci.yml', text: githubWorkflow(stack, input, options) }];
}

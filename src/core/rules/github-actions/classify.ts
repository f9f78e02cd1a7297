/**
 * What steps do, recognised from the shell model's commands (src/core/shell: wrappers such as
 * `sudo -u deploy` or `sh -c '…'` already looked through) and action names: run tests, push
 * images, deploy, scan images, check a rollout, roll back. Shared by the pipeline rules.
 */
import type { CommandRun } from '../../shell';
import { bool, get, str } from '../../parsers/yaml';
import type { Job, Step, Workflow } from './workflow';
import { actionName, commandsOf, envOf } from './workflow';
import { shellEffects } from '../../shell';
import type { ShellScript } from '../../parsers/shell';
import { perObject } from '../../memo';

/** A command as the shell model sees it (sudo, env, npx, poetry run, python -m … looked through), its arguments as strings. */
export interface CoreCommand {
  name: string;
  args: string[];
  command: CommandRun;
}

/** The shell model's command with its argument values (kept with the command). */
export const coreCommand: (command: CommandRun) => CoreCommand = perObject((command) => ({ name: command.name, args: command.args.map((a) => a.value), command }));

/** Sub-command words of a command (its arguments that are not flags). */
function positionals(c: CoreCommand): string[] {
  return c.args.filter((a) => !a.startsWith('-'));
}

// The command predicates below are asked once per command, by scriptFacts (one pass over a
// script's commands, its answers kept with the parsed script): `c` is the command's core form and
// `pos` its positionals.

/** A predicate over action names (`uses:` values without the ref), answered once per name. */
function actionMatcher(patterns: readonly RegExp[]): (uses: string) => boolean {
  const answers = new Map<string, boolean>();
  return (uses) => {
    let answer = answers.get(uses);
    if (answer === undefined) {
      const name = actionName(uses);
      answer = patterns.some((p) => p.test(name));
      if (answers.size > 1000) {
        answers.clear();
      }
      answers.set(uses, answer);
    }
    return answer;
  };
}

const JS_TEST_RUNNERS = new Set(['jest', 'vitest', 'mocha', 'ava', 'tap', 'karma', 'playwright', 'cypress', 'jasmine', 'nyc', 'c8']);
const DIRECT_TEST_TOOLS = new Set(['pytest', 'py.test', 'unittest', 'tox', 'nox', 'rspec', 'phpunit', 'pest', 'ctest', 'bats', 'nosetests', 'behave', 'robot', 'gotestsum', 'ginkgo', 'busted', 'prove']);

/** Whether a command runs a test suite. */
function isTestCommand(c: CoreCommand, pos: readonly string[], command: CommandRun): boolean {
  const sub = pos[0];
  const has = (flag: string): boolean => c.args.some((a) => a === flag || a.startsWith(flag + '='));
  switch (c.name) {
    case 'npm':
    case 'pnpm':
    case 'yarn':
    case 'bun':
    case 'deno':
      if (sub === 'test' || sub === 't' || sub === 'tst' || sub === 'cit' || sub === 'install-test' || sub === 'it') {
        return true;
      }
      if ((sub === 'run' || sub === 'run-script') && pos[1] !== undefined) {
        return /(^|:)(test|tests|e2e|check|ci)([:-]|$)/.test(pos[1]) || pos[1].startsWith('test');
      }
      return c.name === 'yarn' && sub !== undefined && /^test/.test(sub);
    case 'go':
      return sub === 'test';
    case 'cargo':
      return sub === 'test' || sub === 'nextest';
    case 'dotnet':
      return sub === 'test';
    case 'mvn':
    case 'mvnw':
      return pos.some((p) => p === 'test' || p === 'verify' || p === 'install' || p === 'integration-test') && !c.args.some((a) => /^-D(skipTests|maven\.test\.skip)(=true)?$/.test(a));
    case 'gradle':
    case 'gradlew':
      return pos.some((p) => /(^|:)(test|check|build|integrationTest)$/.test(p)) && !(has('-x') && c.args.some((a, i) => c.args[i - 1] === '-x' && /test/i.test(a)));
    case 'make':
    case 'just':
    case 'task':
      return pos.some((p) => /^(test|tests|check|unit|integration|e2e|test-\S+|\S+-test)$/.test(p));
    case 'rake':
    case 'mix':
    case 'sbt':
    case 'lein':
    case 'composer':
      return pos.some((p) => /^(test|spec|check)$/.test(p));
    case 'terraform':
    case 'tofu':
      return sub === 'test';
    case 'helm':
      return sub === 'unittest';
    default:
      if (JS_TEST_RUNNERS.has(c.name)) {
        return c.name !== 'playwright' || sub === 'test';
      }
      if (DIRECT_TEST_TOOLS.has(c.name)) {
        return true;
      }
      // scripts named like a test runner: ./scripts/test.sh, run-tests.sh, ci/integration-tests
      return /(^|[/_.-])(test|tests|run-tests|run_tests|e2e|integration-tests?)(\.(sh|bash|py|ps1))?$/.test(command.nameWord.value);
  }
}

/** Actions whose step runs a test suite. */
const TEST_ACTIONS = [/^cypress-io\/github-action$/, /^dorny\/test-reporter$/, /^mikepenz\/action-junit-report$/, /^codecov\/codecov-action$/];
/** Whether a `uses:` value names one of these actions (answered once per value). */
const isTestAction = actionMatcher(TEST_ACTIONS);

/** Whether a step runs tests (a test command, or a test action). */
export function stepRunsTests(step: Step): boolean {
  if (factsOf(step).test) {
    return true;
  }
  return step.uses !== undefined && isTestAction(step.uses);
}

/**
 * Whether a job counts as a test job for the deploy doctrine: it runs a test step, or it calls a
 * reusable workflow or is named/id'd like one (`test`, `unit-tests`, `ci`), because its steps are
 * then not visible or are custom scripts.
 */
export function isTestJob(job: Job): boolean {
  if (job.steps.some(stepRunsTests)) {
    return true;
  }
  const label = `${job.id} ${job.name ?? ''} ${job.uses ?? ''}`;
  // word boundaries matter: 'latest' or 'contest' must not count; camelCase 'unitTests' does
  return /(^|[^a-z])(tests?|check|checks|ci|verify|qa|e2e|unit|integration)([^a-z]|$)/i.test(label) || /[a-z]Tests?([^a-z]|$)/.test(label);
}

/** Image scanners run as commands. */
function isScanCommand(c: CoreCommand, pos: readonly string[]): boolean {
  switch (c.name) {
    case 'trivy':
    case 'grype':
    case 'clair-scanner':
    case 'dockle':
      return true;
    case 'docker':
      return pos[0] === 'scout' || (pos[0] === 'scan');
    case 'snyk':
      return pos[0] === 'container' || pos[0] === 'test';
    case 'anchore-cli':
    case 'xray':
    case 'twistcli':
      return true;
    default:
      return false;
  }
}

const SCAN_ACTIONS = [
  /^aquasecurity\/trivy-action$/,
  /^anchore\/scan-action$/,
  /^docker\/scout-action$/,
  /^snyk\/actions\//,
  /^crazy-max\/ghaction-container-scan$/,
  /^azure\/container-scan$/,
  /^lacework\/lw-scanner-action$/,
  /^sysdiglabs\/scan-action$/,
  /^prisma-cloud-compute\/prisma-cloud-scan-action$/,
  /^neuvector\/scan-action$/,
];
const isScanAction = actionMatcher(SCAN_ACTIONS);

/** Whether a step scans an image or the code for known vulnerabilities. */
export function isScanStep(step: Step): boolean {
  if (step.uses && isScanAction(step.uses)) {
    return true;
  }
  return factsOf(step).scan;
}

/** Image references that point at a registry on the runner itself (kind/k3d test registries). */
function isLocalImage(ref: string): boolean {
  return /^(localhost|127\.0\.0\.1|kind-registry|registry\.localhost|k3d-[^/]*)(:\d+)?\//.test(ref);
}

/** Whether a command pushes an image to a registry. */
function isPushCommand(c: CoreCommand, pos: readonly string[]): boolean {
  const refs = pos.slice(1);
  if (refs.length > 0 && refs.every(isLocalImage)) {
    return false;
  }
  switch (c.name) {
    case 'docker':
    case 'podman':
    case 'nerdctl':
      if (pos[0] === 'push' || (pos[0] === 'image' && pos[1] === 'push') || (pos[0] === 'manifest' && pos[1] === 'push')) {
        return true;
      }
      if ((pos[0] === 'buildx' && (pos[1] === 'build' || pos[1] === 'bake')) || pos[0] === 'build') {
        return c.args.some((a) => a === '--push' || /^--output=.*type=registry/.test(a) || /type=(registry|image,.*push=true)/.test(a));
      }
      return false;
    case 'buildah':
    case 'crane':
    case 'regctl':
      return pos[0] === 'push' || (c.name === 'crane' && (pos[0] === 'copy' || pos[0] === 'cp'));
    case 'skopeo':
      return pos[0] === 'copy';
    case 'ko':
      return (pos[0] === 'build' || pos[0] === 'publish' || pos[0] === 'apply' || pos[0] === 'resolve') && !c.args.some((a) => a === '--push=false' || a === '-L' || a === '--local');
    default:
      return false;
  }
}

const PUSH_ACTIONS = [/^redhat-actions\/push-to-registry$/, /^docker\/bake-action$/];

/** Whether a step pushes an image (command, build-push-action with push, push actions). */
export function isPushStep(step: Step): boolean {
  if (step.uses) {
    const name = actionName(step.uses);
    if (name === 'docker/build-push-action') {
      const push = get(step.with, 'push');
      // push: true, or an expression (it pushes on some events)
      return bool(push) === true || /\$\{\{/.test(str(push) ?? '');
    }
    if (name === 'docker/bake-action') {
      const push = get(step.with, 'push');
      return bool(push) === true || /\$\{\{/.test(str(push) ?? '');
    }
    if (PUSH_ACTIONS.some((p) => p.test(name))) {
      return true;
    }
  }
  return factsOf(step).push;
}

/** Whether a command applies a change to a Kubernetes cluster. */
function isKubernetesDeployCommand(c: CoreCommand, pos: readonly string[]): boolean {
  if (c.args.some((a) => a.startsWith('--dry-run') && a !== '--dry-run=none')) {
    return false;
  }
  if (c.name === 'kubectl' || c.name === 'oc') {
    return pos[0] === 'apply' || pos[0] === 'create' || pos[0] === 'replace' || (pos[0] === 'set' && pos[1] === 'image') || (pos[0] === 'rollout' && pos[1] === 'restart') || pos[0] === 'patch';
  }
  if (c.name === 'helm' || c.name === 'helmfile') {
    return pos[0] === 'upgrade' || pos[0] === 'install' || pos[0] === 'apply' || pos[0] === 'sync';
  }
  if (c.name === 'kustomize') {
    return false;
  }
  return false;
}

const K8S_DEPLOY_ACTIONS = [/^azure\/k8s-deploy$/, /^deliverybot\/helm$/, /^wahyd4\/kubectl-helm-action$/, /^steebchen\/kubectl$/];
const isK8sDeployAction = actionMatcher(K8S_DEPLOY_ACTIONS);

/** Whether a step deploys to a real (not throwaway) Kubernetes cluster. */
export function isKubernetesDeployStep(step: Step): boolean {
  if (usesEphemeralCluster(step.job)) {
    return false;
  }
  if (step.uses && isK8sDeployAction(step.uses)) {
    return true;
  }
  return factsOf(step).kubernetesDeploy;
}

/** Whether a command applies infrastructure or deploys a service outside Kubernetes. */
function isOtherDeployCommand(c: CoreCommand, pos: readonly string[]): boolean {
  switch (c.name) {
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
      return pos[0] === 'apply' || pos[0] === 'destroy' || (pos[0] === 'run-all' && pos[1] === 'apply');
    case 'pulumi':
      return pos[0] === 'up' || pos[0] === 'update';
    case 'gcloud':
      return pos.includes('deploy') || (pos.includes('update') && (pos.includes('run') || pos.includes('functions')));
    case 'aws':
      return (pos[0] === 'ecs' && (pos[1] === 'update-service' || pos[1] === 'deploy')) || pos[0] === 'deploy' || (pos[0] === 'lambda' && /^update-function-code$/.test(pos[1] ?? '')) || (pos[0] === 'cloudformation' && pos[1] === 'deploy');
    case 'az':
      return (pos[1] === 'deploy' || pos[1] === 'up' || pos.includes('deployment')) && !pos.includes('show');
    case 'serverless':
    case 'sls':
    case 'flyctl':
    case 'fly':
    case 'cdk':
    case 'sam':
    case 'firebase':
    case 'netlify':
    case 'wrangler':
    case 'railway':
      return pos[0] === 'deploy' || (c.name === 'sam' && pos[0] === 'deploy');
    case 'vercel':
      return c.args.includes('--prod') || pos[0] === 'deploy';
    case 'ansible-playbook':
      return true;
    default:
      return false;
  }
}

const DEPLOY_ACTIONS = [
  /^aws-actions\/amazon-ecs-deploy-task-definition$/,
  /^aws-actions\/aws-cloudformation-github-deploy$/,
  /^azure\/webapps-deploy$/,
  /^azure\/functions-action$/,
  /^azure\/container-apps-deploy-action$/,
  /^azure\/arm-deploy$/,
  /^azure\/k8s-deploy$/,
  /^google-github-actions\/deploy-/,
  /^deliverybot\/helm$/,
  /^superfly\/flyctl-actions/,
  /^amondnet\/vercel-action$/,
  /^cloudflare\/wrangler-action$/,
  /^hashicorp\/tfc-workflows-github\/actions\/apply-run$/,
  /^appleboy\/ssh-action$/,
];

/** Environments that receive user traffic. */
export function isProductionEnvironment(name: string | undefined): boolean {
  return name !== undefined && /(^|[^a-z])(prod|production|live|prd)([^a-z]|$)/i.test(name);
}

/**
 * The last path segment of an image's repository names a test or CI helper image
 * (`actions/test-ubuntu-git`, `org/ci-runner`, `app-e2e`): one the project's own tests or
 * pipeline use, not the application.
 */
const TEST_IMAGE_NAME = /(^|[-_.])(test|tests|testing|ci|e2e|fixtures?|testdata)([-_.]|$)/i;

/** Whether an image reference (`ghcr.io/actions/test-ubuntu-git:main.1`) names a test or CI image. */
export function isTestImageRef(ref: string): boolean {
  const repo = ref.replace(/@.*$/, '').replace(/:[^/]*$/, '');
  const last = repo.slice(repo.lastIndexOf('/') + 1);
  // a name still holding an expression (`${{ inputs.image }}`, `$IMAGE`) is not known
  return last !== '' && !/[${}]/.test(last) && TEST_IMAGE_NAME.test(last);
}

/** `${{ env.NAME }}` replaced by the workflow's, job's and step's literal env values; other expressions kept. */
function expandEnv(text: string, env: Map<string, unknown>): string {
  return text.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    const v = str(env.get(name));
    return v !== undefined && !v.includes('${{') ? v : whole;
  });
}

/**
 * The images a push step publishes, as written in the workflow (env values expanded; what is
 * still an expression is judged unknown by `isTestImageRef`); undefined when a command's target
 * is computed (`docker push $IMAGE`).
 */
function pushedImages(wf: Workflow, step: Step): string[] | undefined {
  const env = envOf(wf, step);
  const refs: string[] = [];
  if (step.uses) {
    const name = actionName(step.uses);
    const raw = name === 'docker/build-push-action' ? get(step.with, 'tags') : name === 'redhat-actions/push-to-registry' ? get(step.with, 'image') : undefined;
    const items = Array.isArray((raw as { items?: unknown[] } | undefined)?.items) ? (raw as { items: unknown[] }).items.map((i) => str(i)) : [str(raw)];
    for (const item of items) {
      if (item === undefined) {
        return undefined;
      }
      refs.push(...expandEnv(item, env).split(/[\n,]/).map((t) => t.trim()).filter((t) => t !== ''));
    }
    // no tags written: the Dockerfile's name is what is known about the image
    const file = str(get(step.with, 'file'));
    if (refs.length === 0 && name === 'docker/build-push-action' && file !== undefined) {
      refs.push(file.replace(/\.?[Dd]ockerfile$/, '').replace(/\/$/, '') || file);
    }
  } else {
    for (const command of commandsOf(step).filter((run) => {
      const c = coreCommand(run);
      return isPushCommand(c, positionals(c));
    })) {
      const words = command.args.filter((a) => !a.value.startsWith('-'));
      const targets = words.slice(command.name === 'docker' && words[0]?.value === 'image' ? 2 : 1);
      if (targets.length === 0 || targets.some((w) => w.dynamic)) {
        return undefined;
      }
      refs.push(...targets.map((w) => w.value));
    }
  }
  return refs.length > 0 ? refs : undefined;
}

/**
 * Whether a push step publishes only test or CI helper images. Publishing such an image is not
 * a deployment: nothing users run changes, and the project's tests are what consume it.
 */
export function pushesOnlyTestImages(wf: Workflow, step: Step): boolean {
  const refs = pushedImages(wf, step);
  return refs !== undefined && refs.every(isTestImageRef);
}

/** Why a step deploys (a short description), or undefined. With the workflow, pushes of test images are left out. */
export function deployReason(step: Step, wf?: Workflow): string | undefined {
  if (usesEphemeralCluster(step.job)) {
    return undefined;
  }
  if (step.uses) {
    const name = actionName(step.uses);
    if (DEPLOY_ACTIONS.some((p) => p.test(name))) {
      return name;
    }
  }
  if (isPushStep(step) && !(wf && pushesOnlyTestImages(wf, step))) {
    return 'image push';
  }
  return factsOf(step).deploy;
}

/** The first deploy step of a job and why, or the production environment, or undefined. */
export function jobDeploys(job: Job, wf?: Workflow): { step?: Step; reason: string } | undefined {
  for (const step of job.steps) {
    const reason = deployReason(step, wf);
    if (reason) {
      return { step, reason };
    }
  }
  if (isProductionEnvironment(job.environment)) {
    return { reason: `environment '${job.environment}'` };
  }
  return undefined;
}

/** Whether a command checks the health of a Kubernetes rollout. */
function isHealthCheckCommand(c: CoreCommand, pos: readonly string[]): boolean {
  if (c.name === 'kubectl' || c.name === 'oc') {
    return (pos[0] === 'rollout' && pos[1] === 'status') || pos[0] === 'wait';
  }
  if (c.name === 'helm') {
    return c.args.some((a) => a === '--wait' || a === '--atomic' || a === '--rollback-on-failure' || a.startsWith('--wait=')) || pos[0] === 'test';
  }
  if (c.name === 'helmfile') {
    return c.args.includes('--wait');
  }
  return false;
}

/** Whether a command rolls a Kubernetes deployment back (or deploys atomically). */
function isRollbackCommand(c: CoreCommand, pos: readonly string[]): boolean {
  if (c.name === 'kubectl' || c.name === 'oc') {
    return pos[0] === 'rollout' && pos[1] === 'undo';
  }
  if (c.name === 'helm') {
    return pos[0] === 'rollback' || c.args.some((a) => a === '--atomic' || a === '--rollback-on-failure');
  }
  return false;
}

/** Whether a step checks a rollout's health (command or an action that waits for it). */
export function isHealthCheckStep(step: Step): boolean {
  if (step.uses && /^azure\/k8s-deploy$/.test(actionName(step.uses))) {
    return true;
  }
  return factsOf(step).healthCheck;
}

/** Whether a step rolls back a deployment. */
export function isRollbackStep(step: Step): boolean {
  return factsOf(step).rollback;
}

/** What the commands of one script do, each command classified once (see scriptFacts). */
interface ScriptFacts {
  test: boolean;
  scan: boolean;
  push: boolean;
  kubernetesDeploy: boolean;
  /** The first command that deploys (Kubernetes or other), described (`kubectl apply`, `terraform apply`). */
  deploy?: string;
  healthCheck: boolean;
  rollback: boolean;
  ephemeralCluster: boolean;
}

const NO_FACTS: ScriptFacts = { test: false, scan: false, push: false, kubernetesDeploy: false, healthCheck: false, rollback: false, ephemeralCluster: false };

/**
 * Every question the pipeline rules ask about a script's commands, answered in one pass and kept
 * with the parsed script (a script shared by steps or kept across keystrokes is classified once):
 * one look-up per step instead of one per command and question.
 */
const scriptFacts = perObject((script: ShellScript): ScriptFacts => {
  const facts: ScriptFacts = { ...NO_FACTS };
  for (const command of shellEffects(script).commands) {
    // not coreCommand's memo: each command is classified once here, and a memo entry per command
    // cost more than the copy of its words
    const c: CoreCommand = { name: command.name, args: command.args.map((a) => a.value), command };
    const pos = positionals(c);
    facts.test ||= isTestCommand(c, pos, command);
    facts.scan ||= isScanCommand(c, pos);
    facts.push ||= isPushCommand(c, pos);
    const kubernetes = isKubernetesDeployCommand(c, pos);
    facts.kubernetesDeploy ||= kubernetes;
    if (facts.deploy === undefined && (kubernetes || isOtherDeployCommand(c, pos))) {
      facts.deploy = [c.name, ...pos.slice(0, c.name === 'kubectl' && pos[0] === 'set' ? 2 : 1)].join(' ');
    }
    facts.healthCheck ||= isHealthCheckCommand(c, pos);
    facts.rollback ||= isRollbackCommand(c, pos);
    facts.ephemeralCluster ||= isEphemeralClusterCommand(c, pos);
  }
  return facts;
});

/** The facts of a step's script (none for a step without a parsable shell script). */
function factsOf(step: Step): ScriptFacts {
  const script = step.run()?.script;
  return script ? scriptFacts(script) : NO_FACTS;
}

const EPHEMERAL_CLUSTER_ACTIONS = [/^helm\/kind-action$/, /^engineerd\/setup-kind$/, /^medyagh\/setup-minikube$/, /^manusa\/actions-setup-minikube$/, /^nolar\/setup-k3d-k3s$/, /^absaoss\/k3d-action$/, /^debianmaster\/actions-k3s$/, /^container-tools\/kind-action$/];
const isEphemeralClusterAction = actionMatcher(EPHEMERAL_CLUSTER_ACTIONS);

/** Whether a command starts a throwaway local cluster (kind, minikube, k3d, microk8s). */
function isEphemeralClusterCommand(c: CoreCommand, pos: readonly string[]): boolean {
  return (
    (c.name === 'kind' && pos[0] === 'create' && pos[1] === 'cluster') ||
    (c.name === 'minikube' && pos[0] === 'start') ||
    (c.name === 'k3d' && pos[0] === 'cluster' && pos[1] === 'create') ||
    (c.name === 'ctlptl' && pos[0] === 'create') ||
    (c.name === 'microk8s' && pos[0] === 'start')
  );
}

/**
 * Whether a job works against a throwaway cluster it creates itself (end-to-end tests, chart
 * testing): what it applies there is not a deployment.
 */
export function usesEphemeralCluster(job: Job): boolean {
  let known = ephemeralCache.get(job);
  if (known === undefined) {
    known = job.steps.some((step) => (step.uses !== undefined && isEphemeralClusterAction(step.uses)) || factsOf(step).ephemeralCluster);
    ephemeralCache.set(job, known);
  }
  return known;
}

const ephemeralCache = new WeakMap<Job, boolean>();

/** Steps of a job and of the jobs that run after it (its `needs` descendants). */
export function stepsFromJobOnward(workflow: Workflow, job: Job): Step[] {
  return [job, ...workflow.descendants(job)].flatMap((j) => j.steps);
}

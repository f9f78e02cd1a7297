import { isScalar, str } from '../../parsers/yaml';
import { shellEffects } from '../../shell';
import type { CommandRun, ScriptEffects } from '../../shell';
import { mergedEntry } from '../shared/yamlMerge';
import { attrValue, jobAttr, jobStage, scriptItems } from './model';
import type { GitlabJob, Pipeline } from './model';

/** Stage or job names that mean "deploy" (review apps excluded: they deploy every branch on purpose). */
const DEPLOY_NAME = /(^|[-_:.\s/])(deploy\w*|release|releases|rollout|production|prod|publish|promote|ship|go-live)($|[-_:.\s/])/i;
/** Stage or job names that mean "test before merging". Smoke and post-deploy checks are not these. */
const TEST_NAME = /(^|[-_:.\s/])(test|tests|testing|unit|unittest|integration|lint|linting|check|checks|verify|validate|validation|qa|spec|specs|sast|scan|scans|audit)($|[-_:.\s/\d])/i;
const POST_DEPLOY_NAME = /smoke|post[-_]?deploy|after[-_]?deploy|canary|monitor/i;
const BUILD_NAME = /(^|[-_:.\s/])(build|builds|package|packaging|image|images|docker|containeri[sz]e|compile|bake)($|[-_:.\s/])/i;
/** Job names that announce a deploy; narrower than stage names, since jobs also carry targets (`lint-prod-config`). */
const DEPLOY_JOB_NAME = /(^|[-_:.\s/])(deploy\w*|rollout|release|publish|promote)($|[-_:.\s/])/i;
const REVIEW_ENV = /^review(s)?([-_/]|$)|\$\{?CI_(COMMIT_REF|MERGE_REQUEST|COMMIT_BRANCH)/i;
const PRODUCTION_ENV = /(^|[-_/.\s])(prod|production|live|prd)($|[-_/.\s\d])/i;

/** Whether a stage name reads as a deploy stage. */
export function isDeployName(name: string): boolean {
  return DEPLOY_NAME.test(name) && !/review/i.test(name);
}

/** Whether a stage name reads as a pre-deploy test stage. */
export function isTestName(name: string): boolean {
  return TEST_NAME.test(name) && !POST_DEPLOY_NAME.test(name);
}

function argValues(command: CommandRun): string[] {
  return command.args.map((a) => a.value);
}

/** A command (as the shell model sees it: wrappers looked through) that deploys or publishes something. */
export function deployCommand(command: CommandRun): string | undefined {
  const name = command.name;
  const args = argValues(command).filter((a) => !a.startsWith('-'));
  const first = args[0];
  switch (name) {
    case 'kubectl':
    case 'oc':
      if (first === 'apply' || first === 'replace' || first === 'patch' || (first === 'create' && args.length > 0 && argValues(command).includes('-f'))) {
        return `${name} ${first}`;
      }
      if (first === 'set' && args[1] === 'image') {
        return `${name} set image`;
      }
      if (first === 'rollout' && (args[1] === 'restart' || args[1] === 'undo')) {
        return `${name} rollout ${args[1]}`;
      }
      return undefined;
    case 'helm':
    case 'helmfile':
      return first && ['upgrade', 'install', 'rollback', 'uninstall', 'apply', 'sync'].includes(first) ? `${name} ${first}` : undefined;
    case 'terraform':
    case 'tofu':
    case 'terragrunt':
      return first === 'apply' || first === 'destroy' || (name === 'terragrunt' && first === 'run-all' && ['apply', 'destroy'].includes(args[1])) ? `${name} ${first}` : undefined;
    case 'docker':
      if (first === 'push' || (first === 'image' && args[1] === 'push')) {
        return 'docker push';
      }
      if (first === 'stack' && args[1] === 'deploy') {
        return 'docker stack deploy';
      }
      return undefined;
    case 'gcloud':
      return args.includes('deploy') ? 'gcloud … deploy' : undefined;
    case 'aws':
      return (first === 'ecs' && args[1] === 'update-service') || (first === 'cloudformation' && args[1] === 'deploy') || (first === 'lambda' && args[1] === 'update-function-code') ? `aws ${first} ${args[1]}` : undefined;
    case 'sam':
    case 'cdk':
    case 'serverless':
    case 'sls':
    case 'fly':
    case 'flyctl':
    case 'eb':
      return first === 'deploy' ? `${name} deploy` : undefined;
    case 'argocd':
      return first === 'app' && args[1] === 'sync' ? 'argocd app sync' : undefined;
    default:
      return undefined;
  }
}

const TEST_COMMANDS: readonly RegExp[] = [
  /^(npm|pnpm|yarn|bun) (run )?(test|tests|ci-test|test:\S+|lint|check)\b/,
  /^(npx )?(jest|vitest|mocha|ava|cypress run|playwright test|eslint)\b/,
  /^(python3? -m )?(pytest|tox|nox|unittest)\b/,
  /^go (test|vet)\b/,
  /^golangci-lint\b/,
  /^(\.\/)?(mvnw?|gradlew?) .*\b(test|verify|check)\b/,
  /^cargo (test|clippy|nextest)\b/,
  /^(bundle exec )?(rspec|rake test|rubocop)\b/,
  /^(vendor\/bin\/|\.\/vendor\/bin\/)?(phpunit|pest)\b/,
  /^dotnet test\b/,
  /^make (test|check|lint)\b/,
  /^mix test\b/,
  /^(terraform|tofu) (validate|test)\b/,
  /^(tflint|checkov|trivy|hadolint|shellcheck|kubeconform|kubeval|ruff|flake8|mypy|pylint)\b/,
  /^helm (lint|unittest)\b/,
  /^meson test\b/,
  /^ctest\b/,
  /^ninja( -C \S+)? (test|check)\b/,
];

/** The stem of a script that runs a test suite: `run-tests.sh`, `./tests/run-tests`, `ci/test.sh`, `unit-tests.py`. */
const TEST_SCRIPT_STEM = /^(run[-_]?)?((unit|integration|all)[-_]?)?tests?$/i;
const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'zsh']);

/** Whether a command runs a test script by its name (directly or through `bash script`). */
function runsTestScript(command: CommandRun): boolean {
  const word = SHELLS.has(command.name) ? argValues(command).find((a) => !a.startsWith('-')) ?? '' : command.nameWord.value;
  const base = word.slice(word.lastIndexOf('/') + 1);
  const m = /^(.*?)(\.(sh|bash|py))?$/.exec(base);
  const stem = m?.[1] ?? '';
  // a bare `test` is the shell's `test` builtin
  return TEST_SCRIPT_STEM.test(stem) && (m?.[2] !== undefined || word.includes('/') || stem.toLowerCase() !== 'test');
}

/** Whether a command runs tests: a known test tool or a test script. */
function runsTests(command: CommandRun): boolean {
  return TEST_COMMANDS.some((re) => re.test(commandLine(command))) || runsTestScript(command);
}

/** Report kinds that only a test run produces. */
const TEST_REPORTS: readonly string[] = ['junit', 'coverage_report', 'cobertura'];

/** Whether the job publishes test results: a `coverage:` pattern or JUnit/coverage reports in its artifacts. */
function reportsTestResults(pipeline: Pipeline, job: GitlabJob): boolean {
  if (attrValue(jobAttr(pipeline, job, 'coverage')) !== undefined) {
    return true;
  }
  const reports = mergedEntry(attrValue(jobAttr(pipeline, job, 'artifacts')), 'reports', pipeline.doc)?.value;
  return TEST_REPORTS.some((k) => mergedEntry(reports, k, pipeline.doc) !== undefined);
}

/** What each item of the job's `script:` does, as the shell model sees it. */
function scriptEffects(pipeline: Pipeline, job: GitlabJob): ScriptEffects[] {
  const out: ScriptEffects[] = [];
  for (const item of scriptItems(pipeline, job, ['script'])) {
    const text = str(item);
    if (text) {
      out.push(shellEffects(text));
    }
  }
  return out;
}

/** Every command the job's `script:` runs. */
function scriptCommands(pipeline: Pipeline, job: GitlabJob): CommandRun[] {
  return scriptEffects(pipeline, job).flatMap((e) => e.commands);
}

const DRY_RUN_ON = (a: { name: string; value: { value: string } | undefined }): boolean => a.name === 'DRY_RUN' && /^(1|true|yes)$/.test(a.value?.value ?? '');

/** A command as one line of words (`pytest -q`, `npm run test:unit`), for the test-command doctrine. */
function commandLine(command: CommandRun): string {
  return [command.name, ...argValues(command)].join(' ');
}

/** Why a job is a deploy job, or undefined. Stop/verify environments and review apps are not deploys. */
export function deployReason(pipeline: Pipeline, job: GitlabJob): string | undefined {
  const env = attrValue(jobAttr(pipeline, job, 'environment'));
  const envName = isScalar(env) ? str(env) : str(mergedEntry(env, 'name', pipeline.doc)?.value);
  const action = str(mergedEntry(env, 'action', pipeline.doc)?.value);
  if (action !== undefined && action !== 'start') {
    return undefined;
  }
  if (envName !== undefined && REVIEW_ENV.test(envName)) {
    return undefined;
  }
  if (envName !== undefined) {
    return `deploys to environment '${envName}'`;
  }
  const stage = jobStage(pipeline, job);
  // the stage name is a weak sign: a `release` stage also builds tarballs and notes, and a
  // rehearsal (dry run, plan, diff) in a deploy stage changes nothing
  if (stage && isDeployName(stage) && !NOT_A_DEPLOY_JOB.test(job.name) && !isRehearsal(pipeline, job)) {
    return `runs in stage '${stage}'`;
  }
  const buildLike = (stage !== undefined && BUILD_NAME.test(stage)) || BUILD_NAME.test(job.name);
  for (const command of scriptCommands(pipeline, job)) {
    const what = deployCommand(command);
    // pushing the image a build stage produced is a build step, not a release; a dry run changes nothing
    if (what && !(what === 'docker push' && buildLike) && !argValues(command).some((a) => /^--dry-?run(=|$)/.test(a))) {
      return `runs '${what}'`;
    }
  }
  // the name is the weakest sign: a job named after the tool's `publish` command that runs its tests is a test
  if (DEPLOY_JOB_NAME.test(job.name) && !isTestName(job.name) && !scriptCommands(pipeline, job).some(runsTests) && !/review|docs?([-_]|$)|pages/i.test(job.name) && !NOT_A_DEPLOY_JOB.test(job.name) && !isRehearsal(pipeline, job)) {
    return 'is named as a deploy';
  }
  return undefined;
}

/** Job names that say the job prepares or checks a release rather than performing it. */
const NOT_A_DEPLOY_JOB = /(^|[-_:.\s/])(tarball|tar|tgz|zip|dist|sdist|wheel|archive|package|packaging|build|changelog|notes|sbom|checksums?|sign|docs?|plan|diff|dry[-_]?run|preview|check|lint|tests?|validate|verify)($|[-_:.\s/])/i;

/** A job that only rehearses a deploy: DRY_RUN set in its variables, or `--dry-run` / `plan` in its script. */
function isRehearsal(pipeline: Pipeline, job: GitlabJob): boolean {
  const variables = attrValue(jobAttr(pipeline, job, 'variables'));
  for (const key of ['DRY_RUN', 'DRYRUN', 'dry_run']) {
    const v = str(mergedEntry(variables, key, pipeline.doc)?.value);
    if (v !== undefined && /^(1|true|yes|on)$/i.test(v.trim())) {
      return true;
    }
  }
  const effects = scriptEffects(pipeline, job);
  if (effects.some((e) => e.script.assignments.some(DRY_RUN_ON))) {
    return true;
  }
  return effects.flatMap((e) => e.commands).some(
    (c) =>
      c.args.some((a) => /^(--dry-run(=(client|server|true))?|--dryrun|DRY_RUN=(1|true|yes))$/.test(a.value)) ||
      c.assignments.some(DRY_RUN_ON) ||
      (['terraform', 'tofu', 'terragrunt'].includes(c.name) && c.args.find((a) => !a.value.startsWith('-'))?.value === 'plan') ||
      (c.name === 'helm' && c.args[0]?.value === 'diff'),
  );
}

/** Whether a job runs tests or linters before a merge, or publishes the results of tests (JUnit or coverage reports). */
export function isTestJob(pipeline: Pipeline, job: GitlabJob): boolean {
  if (deployReason(pipeline, job)) {
    return false;
  }
  const stage = jobStage(pipeline, job);
  if ((stage && isTestName(stage)) || isTestName(job.name)) {
    return true;
  }
  return reportsTestResults(pipeline, job) || scriptCommands(pipeline, job).some(runsTests);
}

/** Whether a value is GitLab's production-like environment name. */
export function isProductionEnvironment(name: string): boolean {
  return PRODUCTION_ENV.test(name);
}

/**
 * A GitLab Pages job (the reserved name `pages`, or `pages:` set): it publishes a static site —
 * documentation, a coverage report — not the application, so the deploy rules say their findings
 * about it at info.
 */
export function isPagesJob(pipeline: Pipeline, job: GitlabJob): boolean {
  return job.name === 'pages' || mergedEntry(job.node, 'pages', pipeline.doc) !== undefined;
}

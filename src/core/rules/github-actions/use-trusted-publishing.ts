import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, str } from '../../parsers/yaml';
import { coreCommand } from './classify';
import { contextPaths } from './expression';
import { actionName, commandsOf, envOf, findExpressions, stepRange, workflowsOf } from './workflow';
import type { Step, Workflow } from './workflow';

/** The message for a publish with a long-lived registry token. */
export function message(registry: string): string {
  return `This step publishes to ${registry} with a long-lived token from secrets: anyone who reads it can publish as you until it is revoked. The registry accepts trusted publishing (OIDC, id-token: write), which needs no stored token`;
}

/** Variables the publishing tools read their token from. */
const TOKEN_VARIABLES: ReadonlyMap<string, string> = new Map([
  ['TWINE_PASSWORD', 'PyPI'],
  ['UV_PUBLISH_TOKEN', 'PyPI'],
  ['POETRY_PYPI_TOKEN_PYPI', 'PyPI'],
  ['NODE_AUTH_TOKEN', 'npm'],
  ['NPM_TOKEN', 'npm'],
  ['CARGO_REGISTRY_TOKEN', 'crates.io'],
  ['GEM_HOST_API_KEY', 'RubyGems'],
]);

/** The tools whose publish sub-command `publishes` recognises. */
const PUBLISHERS = new Set(['twine', 'uv', 'poetry', 'npm', 'pnpm', 'yarn', 'cargo', 'gem']);

/** Publishing commands and the registry they publish to. */
function publishes(step: Step): string | undefined {
  for (const c of commandsOf(step)) {
    if (c.name !== 'pipx' && c.name !== 'uvx' && !PUBLISHERS.has(c.name)) {
      continue;
    }
    const direct = coreCommand(c);
    // `pipx run twine …` and `uvx twine …` run the tool named after them
    const viaRunner = (direct.name === 'pipx' && direct.args[0] === 'run') || direct.name === 'uvx';
    const words = viaRunner ? direct.args.slice(direct.name === 'pipx' ? 1 : 0) : undefined;
    const name = words ? (words[0] ?? '') : direct.name;
    // most commands publish nothing: their words are not copied
    if (!PUBLISHERS.has(name)) {
      continue;
    }
    const args = words ? words.slice(1) : direct.args;
    const sub = args.find((a) => !a.startsWith('-'));
    if ((name === 'twine' && sub === 'upload') || (name === 'uv' && sub === 'publish') || (name === 'poetry' && sub === 'publish')) {
      return 'PyPI';
    }
    // `--provenance` already has the job prove its identity over OIDC for the package's attestation
    if ((name === 'npm' || name === 'pnpm' || name === 'yarn') && sub === 'publish' && !args.some((a) => a.startsWith('--registry') || a === '--provenance')) {
      return 'npm';
    }
    if (name === 'cargo' && sub === 'publish') {
      return 'crates.io';
    }
    if (name === 'gem' && sub === 'push') {
      return 'RubyGems';
    }
  }
  return undefined;
}

/** Whether a value node holds a `secrets.*` expression. */
function fromSecrets(node: unknown): boolean {
  return findExpressions(str(node) ?? '').some((e) => contextPaths(e.inner).some((p) => p.root.toLowerCase() === 'secrets' && p.path !== 'secrets.github_token'));
}

/** Whether a publish step is given a registry token from secrets. */
function tokenFromSecrets(wf: Workflow, step: Step, registry: string): boolean {
  for (const [name, value] of envOf(wf, step)) {
    if (TOKEN_VARIABLES.get(name) === registry && fromSecrets(value)) {
      return true;
    }
  }
  const run = step.run();
  return run !== undefined && /--(token|password)[= ]\S*\$\{\{\s*secrets\./.test(run.value);
}

/** Publishing to registries that support OIDC should not use stored tokens. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/use-trusted-publishing',
  meta: {
    title: 'Package published with a stored token',
    description: 'PyPI, npm, crates.io and RubyGems accept trusted publishing from GitHub Actions: the job proves its identity with a short-lived OIDC token, so no long-lived publish token sits in the secrets, waiting to leak.',
    severity: 'info',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'use-trusted-publishing' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          if (step.uses && actionName(step.uses) === 'pypa/gh-action-pypi-publish') {
            if (fromSecrets(get(step.with, 'password'))) {
              ctx.report({ range: stepRange(ctx.model, step), message: message('PyPI') });
            }
            continue;
          }
          const registry = publishes(step);
          if (registry && tokenFromSecrets(wf, step, registry)) {
            ctx.report({ range: stepRange(ctx.model, step), message: message(registry) });
          }
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, get, str } from '../../parsers/yaml';
import { majorVersion, releaseTriggered } from './events';
import { actionName, input, stepRange, workflowsOf } from './workflow';
import type { Step } from './workflow';

/** The message for a release build that restores a cache. */
export function message(what: string): string {
  return `This workflow builds releases, and ${what} restores a cache that any workflow run on the default branch can write (a pull_request_target job or a compromised build tool included): a poisoned cache ends up in what is published. Build releases without the cache`;
}

/** `setup-*` actions whose `cache:` input names a package manager or turns caching on. */
const SETUP_CACHE = new Set(['actions/setup-node', 'actions/setup-python', 'actions/setup-java', 'actions/setup-dotnet', 'pnpm/action-setup']);

/** What restores a cache in a step, or undefined. */
function restoresCache(step: Step): string | undefined {
  if (!step.uses) {
    return undefined;
  }
  const name = actionName(step.uses);
  if (name === 'actions/cache' || name === 'actions/cache/restore') {
    return `'${name}'`;
  }
  if (SETUP_CACHE.has(name)) {
    const cache = input(step, 'cache');
    return cache !== undefined && cache !== '' && cache !== 'false' ? `'${name}' with cache: ${cache}` : undefined;
  }
  if (name === 'actions/setup-go') {
    // caching is on by default from v4
    const cache = bool(get(step.with, 'cache'));
    const major = majorVersion(step.uses);
    return cache === true || (cache === undefined && major !== undefined && major >= 4) ? `'${name}' (caching on by default)` : undefined;
  }
  if (name === 'astral-sh/setup-uv' || name === 'swatinem/rust-cache' || name === 'mozilla-actions/sccache-action') {
    const enabled = name === 'astral-sh/setup-uv' ? bool(get(step.with, 'enable-cache')) === true : true;
    return enabled ? `'${name}'` : undefined;
  }
  return undefined;
}

/** Release and tag workflows must not restore caches that less trusted runs write. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/cache-poisoning',
  meta: {
    title: 'Release build restores a shared cache',
    description: 'A tag or release run restores the caches written on the default branch by every workflow, so a cache poisoned by a `pull_request_target` job or a compromised build step reaches the release build. A workflow triggered by tags or releases should not restore caches.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'cache-poisoning' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      if (!releaseTriggered(wf)) {
        continue;
      }
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const what = restoresCache(step);
          if (what) {
            ctx.report({ range: stepRange(ctx.model, step), message: message(str(get(step.node, 'name')) ? `step '${str(get(step.node, 'name'))}' (${what})` : what) });
          }
        }
      }
    }
  },
};

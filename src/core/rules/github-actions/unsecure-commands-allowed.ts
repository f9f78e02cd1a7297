import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { bool, getPair, rangeOf, str } from '../../parsers/yaml';
import { workflowsOf } from './workflow';

/** The message for re-enabled unsafe workflow commands. */
export function message(): string {
  return 'ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables ::set-env and ::add-path, which let anything printed to the log change the environment of later steps: remove it and use $GITHUB_ENV / $GITHUB_PATH';
}

/** ACTIONS_ALLOW_UNSECURE_COMMANDS must not be enabled. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/unsecure-commands-allowed',
  meta: {
    title: 'Unsafe workflow commands re-enabled',
    description: 'Setting `ACTIONS_ALLOW_UNSECURE_COMMANDS: true` in any `env:` brings back `::set-env` and `::add-path`, through which untrusted log output (test names, PR titles) can inject environment variables such as LD_PRELOAD.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [
      { tool: 'checkov', id: 'CKV_GHA_1' },
      { tool: 'zizmor', id: 'insecure-commands' },
    ],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      const envs: unknown[] = [wf.env];
      for (const job of wf.jobs) {
        envs.push(job.env, ...job.steps.map((s) => s.env));
      }
      for (const env of envs) {
        const pair = getPair(env, 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
        if (pair && (bool(pair.value) === true || /^(1|yes)$/i.test(str(pair.value) ?? ''))) {
          ctx.report({ range: rangeOf(ctx.model, pair.key), message: message() });
        }
      }
    }
  },
};

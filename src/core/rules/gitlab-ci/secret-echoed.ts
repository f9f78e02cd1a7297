import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isSecretName } from '../shared/secrets';
import { pipelines, reportOnce } from './model';
import { scriptItemsOf } from './scripts';

/** The message for a secret printed to the job log. */
export function message(owner: string, variable: string): string {
  return `${owner} prints '$${variable}' to the job log: GitLab masks only variables marked masked, and only their exact text, so a transformed, partial or unmasked value stays readable by everyone who can see the job. Pass it to the command that needs it (e.g. --password-stdin) or write it to a file`;
}

/** GitLab's predefined variables that hold credentials. */
const PREDEFINED = new Set(['CI_JOB_TOKEN', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD', 'CI_JOB_JWT', 'CI_JOB_JWT_V2']);

/** Commands that copy their arguments to standard output. */
const PRINTERS = new Set(['echo', 'printf']);

/** Credentials must not be printed by scripts. */
export const rule: Rule<YamlFile> = {
  id: 'gitlab-ci/secret-echoed',
  meta: {
    title: 'Secret printed to the job log',
    description: '`echo "$CI_JOB_TOKEN"` or `echo $DEPLOY_PASSWORD` writes a credential to the job log, which everyone with access to the pipeline can read and which is kept with the job. Masking covers only masked variables and their exact text.',
    severity: 'warning',
    kind: 'gitlab-ci',
    fixable: false,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const pipeline of pipelines(ctx.model, ctx.path)) {
      for (const item of scriptItemsOf(ctx.model, pipeline)) {
        for (const c of item.effects.commands) {
          if (!PRINTERS.has(c.name) || c.stdout !== 'inherited') {
            continue;
          }
          for (const arg of c.args) {
            const variable = [...arg.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]).find((v) => PREDEFINED.has(v) || isSecretName(v));
            if (variable) {
              report({ range: item.range(c.start, c.end), message: message(item.owner, variable) });
              break;
            }
          }
        }
      }
    }
  },
};

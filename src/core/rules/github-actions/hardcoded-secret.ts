import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { get, mapEntries, rangeOf, str } from '../../parsers/yaml';
import { knownSecretFormat, literalSecret } from '../shared/secrets';
import { workflowsOf } from './workflow';

/** The message for a credential written into the workflow. */
export function message(name: string, kind: string): string {
  return `'${name}' holds a hard-coded credential (${kind}) that everyone with read access to the repository can see: store it as an encrypted secret and use \${{ secrets.${name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')} }}`;
}

/**
 * Action inputs that describe a credential rather than hold one (`token_format: access_token`,
 * `password-encoding`, `token-lifetime`): only well-known formats are reported there.
 */
const SETTING_NAME = /[_.-](format|type|kind|mode|method|scheme|style|encoding|header|provider|strategy|region|audience|scopes?|duration|lifetime|uri|url|endpoint|env|source|location)$/i;

/** A URL to a database on the runner itself or a job service (`localhost`, `postgres`): test-only credentials. */
function isLocalUrl(value: string): boolean {
  const m = /:\/\/[^@\s]*@([^:/?#\s]+)/.exec(value);
  return m !== null && (/^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])$/i.test(m[1]) || !m[1].includes('.'));
}

/** Credentials must come from secrets, not literals in the workflow. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/hardcoded-secret',
  meta: {
    title: 'Hard-coded credential in a workflow',
    description: 'Passwords, tokens and keys in `env:`, `with:` or container `credentials:` are committed to the repository, copied into forks, and visible in every clone.',
    severity: 'error',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'hardcoded-container-credentials' }],
  },
  check(ctx) {
    // service and job containers often hold throwaway test-database passwords: only
    // well-known credential formats are reported there
    const checkMap = (map: unknown, byName = true): void => {
      for (const { key, value } of mapEntries(map)) {
        const literal = str(value);
        // a webhook URL is itself the credential (the secret is in its path)
        const nameBased = byName && (!SETTING_NAME.test(key) || /webhook/i.test(key));
        const kind = literal === undefined ? undefined : nameBased ? literalSecret(key, literal) : knownSecretFormat(literal);
        if (kind && !(kind === 'password in URL' && literal !== undefined && isLocalUrl(literal))) {
          ctx.report({ range: rangeOf(ctx.model, value), message: message(key, kind) });
        }
      }
    };
    for (const wf of workflowsOf(ctx.model)) {
      checkMap(wf.env);
      for (const job of wf.jobs) {
        checkMap(job.env);
        checkMap(get(job.node, 'with'));
        checkMap(get(get(job.node, 'container'), 'credentials'));
        for (const { value } of mapEntries(get(job.node, 'services'))) {
          checkMap(get(value, 'credentials'));
          checkMap(get(value, 'env'), false);
        }
        checkMap(get(get(job.node, 'container'), 'env'), false);
        for (const step of job.steps) {
          checkMap(step.env);
          checkMap(step.with);
        }
      }
    }
  },
};

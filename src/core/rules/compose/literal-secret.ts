import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, isSeq, rangeOf, str } from '../../parsers/yaml';
import type { Fix } from '../../types';
import { isSecretName, literalSecret } from '../shared/secrets';
import { composeServices, reportOnce } from './model';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';

/** The message for a secret written literally in a service's environment or build args. */
export function message(service: string, name: string, where: 'environment' | 'build args', reason: string): string {
  const why = reason === 'secret-like name' ? 'has a literal value' : `holds a ${reason}`;
  const instead = where === 'environment' ? 'read it from the shell or an untracked .env file (${' + name + ':?}) or use secrets:' : 'use a build secret (build.secrets and RUN --mount=type=secret)';
  return `Service '${service}' ${where} variable '${name}' ${why}: anyone with the repository can read it; ${instead}`;
}

/**
 * Whether a secret-like name is really an address (TOKEN_URL, AUTH_HOST): its plain value is
 * not a secret. Credentials inside such a value are still found by their format.
 */
export function isAddressName(name: string): boolean {
  return /(^|[_.-])(url|uri|host|hostname|endpoint|server|issuer|audience|realm|domain|region)$/i.test(name) && !/webhook/i.test(name);
}

/** Words that make a secret-sounding name a switch (MYSQL_RANDOM_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD). */
const FLAG_WORD = /(^|[_.-])(allow|random|empty|skip|disable|disabled|enable|enabled|require|required|use|generate|onetime|no)($|[_.-])/i;

/**
 * Whether `name: value` is a switch rather than a credential: a yes/no word is never a secret,
 * and 0/1 is one only under a name that reads as a switch (`MYSQL_RANDOM_ROOT_PASSWORD: 1`). A
 * literal password "1" under a plain name stays a finding.
 */
export function isFlagSetting(name: string, value: string): boolean {
  const v = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (/^(yes|no|y|n|on|off|true|false)$/i.test(v)) {
    return true;
  }
  return /^[01]$/.test(v) && FLAG_WORD.test(name.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

/** Last words that make an `AUTH_…` name a setting rather than a credential (GF_AUTH_ANONYMOUS_ORG_ROLE). */
const AUTH_SETTING = /(^|[_.-])(roles?|scopes?|providers?|strategy|backend|level|org|domains?|allowed[_.-]?\w*)$/i;

/**
 * Whether `auth` is only a namespace in the name (`GF_AUTH_GENERIC_OAUTH_SCOPES`): no other
 * secret word, and the name ends in a word naming a setting. `WORDPRESS_AUTH_KEY` and
 * `AUTH_SALT` stay secrets (they do not end in such a word).
 */
export function isAuthSetting(name: string): boolean {
  const n = name.replace(/([a-z])([A-Z])/g, '$1_$2');
  const withoutAuth = n.replace(/(^|[_.-])o?auth(?=$|[_.-])/gi, '$1x');
  return !isSecretName(withoutAuth) && AUTH_SETTING.test(n);
}

/** A secret-like name whose plain value is not a secret: an address, a switch or an auth setting. */
function notASecret(name: string, value: string): boolean {
  return isAddressName(name) || isFlagSetting(name, value) || isAuthSetting(name);
}

/**
 * A literal value in Compose: an interpolation `${VAR}` / `${VAR:?…}` is a reference; with a
 * default (`${VAR:-x}`) the default is what is written in the file, so it is judged.
 */
export function literalOf(value: string): string | undefined {
  const v = value.trim();
  if (/^\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^{}]*)?\}$/.test(v) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
    return undefined;
  }
  const m = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^{}]*)\}$/.exec(v);
  return m ? m[1] : value;
}

/** Passwords, tokens and keys must not be written in compose files. */
export const rule: Rule<YamlFile> = {
  id: 'compose/literal-secret',
  meta: {
    title: 'Secret written in the compose file',
    description: 'An `environment` or `build.args` entry with a secret-like name (password, token, key…) or a known credential format has its value written in the file.',
    severity: 'warning',
    kind: 'compose',
    fixable: true,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const build = mergedEntry(service.node, 'build', service.doc)?.value;
      const sources: { where: 'environment' | 'build args'; node: unknown }[] = [
        { where: 'environment', node: mergedEntry(service.node, 'environment', service.doc)?.value },
        { where: 'build args', node: isMap(build) ? mergedEntry(build, 'args', service.doc)?.value : undefined },
      ];
      for (const { where, node } of sources) {
        if (isSeq(node)) {
          for (const item of node.items) {
            const text = str(item);
            const eq = text?.indexOf('=') ?? -1;
            if (!text || eq <= 0 || !isScalar(item)) {
              continue;
            }
            const name = text.slice(0, eq).trim();
            const literal = literalOf(text.slice(eq + 1));
            const reason = literalSecret(name, literal);
            if (reason && !(reason === 'secret-like name' && notASecret(name, literal ?? ''))) {
              report({ range: rangeOf(ctx.model, item), message: message(service.name, name, where, reason), fix: replaceFix(ctx.model, item, `${name}=\${${name}:?}`, name, where) });
            }
          }
          continue;
        }
        for (const entry of mergedEntries(node, service.doc)) {
          const value = str(entry.value);
          if (value === undefined) {
            continue;
          }
          const literal = literalOf(value);
          const reason = literalSecret(entry.key, literal);
          if (reason && !(reason === 'secret-like name' && notASecret(entry.key, literal ?? ''))) {
            report({
              range: rangeOf(ctx.model, entry.pair.key),
              message: message(service.name, entry.key, where, reason),
              fix: replaceFix(ctx.model, entry.value, `\${${entry.key}:?}`, entry.key, where),
            });
          }
        }
      }
    }
  },
};

function replaceFix(file: YamlFile, node: unknown, replacement: string, name: string, where: 'environment' | 'build args'): Fix | undefined {
  if (where !== 'environment' || !isScalar(node) || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    return undefined;
  }
  const range = rangeOf(file, node);
  if (range.start.line !== range.end.line) {
    return undefined;
  }
  return { title: `Read ${name} from the environment`, safe: false, edits: [{ range, newText: `"${replacement}"` }] };
}

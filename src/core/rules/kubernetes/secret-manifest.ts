import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, mapEntries, str } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { isPlaceholderValue, isSecretName, publicValueKind } from '../shared/secrets';
import { k8s } from './util';

/** The message for a Secret committed with its values. */
export function message(resource: string, field: string): string {
  return `${resource} is committed with its ${field}: base64 is not encryption, so anyone with the repository has the secret. Use a SealedSecret, an ExternalSecret or your secret manager instead`;
}

/** Types whose data is filled in by the cluster, not by the author. */
const CLUSTER_FILLED = new Set(['kubernetes.io/service-account-token']);

/**
 * Keys of Secret entries that locate or describe a credential rather than hold it: Argo CD's
 * repository Secrets carry `url`, `type`, `username`, `project` beside the password.
 */
const DESCRIPTIVE_KEY = /(^|[_.-])(url|uri|type|name|username|user|host|hostname|port|project|namespace|region|email|id|insecure|enabled?|proxy|no_proxy|database|db)$/i;

/** The text of a `data` value (base64), or undefined when it does not decode to text. */
function decoded(value: string): string | undefined {
  const v = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) {
    return undefined;
  }
  try {
    const text = atob(v);
    return /^[\x20-\x7e\t\r\n]*$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Whether one entry of a Secret holds a real secret value. */
function holdsSecret(key: string, value: string, base64: boolean): boolean {
  if (base64 && !/^[A-Za-z0-9+/=\s]*$/.test(value)) {
    // Not base64 at all: the API server refuses it, so it is a documentation placeholder
    // ("shhhh! it's a github secret"), not a value anyone could apply.
    return false;
  }
  const text = base64 ? (decoded(value) ?? value) : value;
  if (text.trim() === '' || isPlaceholderValue(text) || publicValueKind(text) !== undefined || publicValueKind(value) !== undefined) {
    return false;
  }
  const snake = key.replace(/([a-z])([A-Z])/g, '$1_$2');
  return isSecretName(key) || !DESCRIPTIVE_KEY.test(snake);
}

/** `kind: Secret` with non-empty `data` or `stringData` holding real values. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/secret-manifest',
  meta: {
    title: 'Secret manifest holds its values',
    description: 'A Secret manifest in the repository carries the secret itself (base64 is an encoding, not protection). Commit an encrypted SealedSecret or an ExternalSecret that points at Vault or a cloud secret manager instead.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (r.kind !== 'Secret' || r.apiVersion !== 'v1' || CLUSTER_FILLED.has(str(get(r.node, 'type', r.doc)) ?? '')) {
        continue;
      }
      for (const field of ['data', 'stringData']) {
        const entries = mapEntries(get(r.node, field, r.doc), r.doc);
        const real = entries.some(({ key, value }) => {
          const v = str(value);
          return v !== undefined && holdsSecret(key, v, field === 'data');
        });
        if (real) {
          ctx.report({ range: keyRange(ctx.model, r.node, field, r.doc), message: message(describe(r), field) });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries, rangeOf, str } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { knownSecretFormat } from '../shared/secrets';
import { eq, k8s, literalSecretIn } from './util';

/** The message for a secret stored in a ConfigMap. */
export function message(resource: string, key: string, reason: string): string {
  const what = reason === 'secret-like name' ? 'a secret value' : `a ${reason}`;
  return `${resource} key ${key} holds ${what}: ConfigMaps are not access-controlled like Secrets and are shown in plain text. Move it to a Secret`;
}

/** ConfigMap entries that hold secrets (by key name or by credential format). */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/configmap-secret',
  meta: {
    title: 'ConfigMap holds a secret',
    description: 'ConfigMaps are meant for non-confidential settings: they are readable by far more roles than Secrets, are printed by `kubectl describe`, and end up in logs and dashboards.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('polaris', 'sensitiveConfigmapContent')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (r.kind !== 'ConfigMap') {
        continue;
      }
      for (const { key, value, pair } of mapEntries(get(r.node, 'data', r.doc), r.doc)) {
        const v = str(value);
        if (v === undefined) {
          continue;
        }
        // a multi-line value is an embedded file: only credential formats count there
        const reason = v.includes('\n') ? knownSecretFormat(v) : literalSecretIn(key, v);
        if (reason) {
          ctx.report({ range: rangeOf(ctx.model, pair.key), message: message(describe(r), key, reason) });
        }
      }
    }
  },
};

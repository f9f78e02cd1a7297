import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, mapEntries, str } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { isPlaceholderValue } from '../shared/secrets';
import { k8s } from './util';

/** The message for a Secret committed with its values. */
export function message(resource: string, field: string): string {
  return `${resource} is committed with its ${field}: base64 is not encryption, so anyone with the repository has the secret. Use a SealedSecret, an ExternalSecret or your secret manager instead`;
}

/** Types whose data is filled in by the cluster, not by the author. */
const CLUSTER_FILLED = new Set(['kubernetes.io/service-account-token']);

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
        const real = entries.some(({ value }) => {
          const v = str(value);
          if (v === undefined) {
            return false;
          }
          if (field === 'stringData') {
            return !isPlaceholderValue(v);
          }
          return v.trim() !== '' && !isPlaceholderValue(v);
        });
        if (real) {
          ctx.report({ range: keyRange(ctx.model, r.node, field, r.doc), message: message(describe(r), field) });
        }
      }
    }
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, seqItems, str } from '../../parsers/yaml';
import { describeContainer, get } from '../../parsers/kubernetes';
import { forEachContainer, isCredentialName } from './util';

/** The message for a credential read from a ConfigMap. */
export function message(container: string, name: string, configMap: string): string {
  return `Env var ${name} of the ${container} reads a credential from ConfigMap '${configMap}': keep it in a Secret and use secretKeyRef`;
}

/** `env[].valueFrom.configMapKeyRef` feeding a variable whose name is a credential. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/secret-from-configmap',
  meta: {
    title: 'Credential read from a ConfigMap',
    description: 'An env var named like a password, token or key that is fed from a ConfigMap means the credential itself sits in a ConfigMap: readable by every role that can read configuration, printed by `kubectl describe`, and not encrypted at rest.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      for (const item of seqItems(get(c.node, 'env', r.doc), r.doc)) {
        const name = str(get(item, 'name', r.doc));
        const valueFrom = get(item, 'valueFrom', r.doc);
        const ref = get(valueFrom, 'configMapKeyRef', r.doc);
        if (!name || ref === undefined || !isCredentialName(name)) {
          continue;
        }
        const configMap = str(get(ref, 'name', r.doc)) ?? '';
        ctx.report({ range: keyRange(ctx.model, valueFrom, 'configMapKeyRef', r.doc), message: message(describeContainer(c), name, configMap) });
      }
    });
  },
};

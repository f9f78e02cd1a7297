import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, rangeOf, seqItems, str } from '../../parsers/yaml';
import { describeContainer, get, getPair } from '../../parsers/kubernetes';
import type { K8sResource } from '../../parsers/kubernetes';
import type { Fix } from '../../types';
import { eq, forEachContainer, literalSecretIn } from './util';

/** The message for a literal secret in an env var. */
export function message(container: string, name: string, reason: string): string {
  const what = reason === 'secret-like name' ? 'a literal value' : `a literal ${reason}`;
  return `Env var ${name} of the ${container} holds ${what}: it is readable by anyone who can read the manifest or the pod spec. Reference a Secret with valueFrom.secretKeyRef`;
}

/** The Secret name the fix points to: derived from the workload name. */
export function secretNameFor(r: K8sResource): string {
  return `${r.name || 'app'}-secrets`;
}

/** The key the fix uses in that Secret: the env var name in kebab case. */
export function secretKeyFor(envName: string): string {
  return envName.toLowerCase().replace(/_/g, '-');
}

function fixFor(file: YamlFile, item: unknown, r: K8sResource, envName: string): Fix | undefined {
  const pair = getPair(item, 'value', r.doc);
  if (!pair || !isMap(item) || item.flow || !isScalar(pair.value) || !isScalar(pair.key)) {
    return undefined;
  }
  const keyR = pair.key.range;
  const valueR = pair.value.range;
  if (!keyR || !valueR) {
    return undefined;
  }
  const start = file.index.positionAt(keyR[0]);
  const end = file.index.positionAt(valueR[1]);
  if (start.line !== end.line) {
    return undefined;
  }
  const eol = file.index.eol;
  const pad = ' '.repeat(start.character);
  const text = ['valueFrom:', `${pad}  secretKeyRef:`, `${pad}    name: ${secretNameFor(r)}`, `${pad}    key: ${secretKeyFor(envName)}`].join(eol);
  return {
    title: `Read ${envName} from Secret ${secretNameFor(r)} (create the Secret outside the repository)`,
    safe: false,
    edits: [{ range: { start, end }, newText: text }],
  };
}

/** Env vars with a secret-like name (or a known credential format) and a literal value. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/secret-in-env',
  meta: {
    title: 'Secret in a literal env value',
    description: 'Passwords, tokens and keys written as `env[].value` end up in the repository, in `kubectl get -o yaml` output and in every tool that reads pod specs. Keep them in a Secret (ideally synced from a secret manager) and reference it.',
    severity: 'error',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'env-var-secret'), eq('checkov', 'CKV_K8S_35'), eq('polaris', 'sensitiveContainerEnvVar')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, _pod, c) => {
      for (const item of seqItems(get(c.node, 'env', r.doc), r.doc)) {
        const name = str(get(item, 'name', r.doc));
        const valueNode = get(item, 'value', r.doc);
        const value = str(valueNode);
        if (!name || value === undefined) {
          continue;
        }
        const reason = literalSecretIn(name, value);
        if (reason) {
          ctx.report({ range: rangeOf(ctx.model, valueNode), message: message(describeContainer(c), name, reason), fix: fixFor(ctx.model, item, r, name) });
        }
      }
    });
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange, str } from '../../parsers/yaml';
import { describe, get, getPair } from '../../parsers/kubernetes';
import { eq, forEachPod } from './util';
import type { TextEdit } from '../../types';

/** The message for the deprecated `serviceAccount` field. */
export function message(resource: string): string {
  return `${resource} uses the deprecated serviceAccount field: use serviceAccountName`;
}

/**
 * `spec.serviceAccount` (deprecated alias of serviceAccountName). When serviceAccountName is
 * absent the fix renames the key; when both are present no fix is offered (one must be deleted
 * by hand, after checking which value is meant).
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/deprecated-service-account-field',
  meta: {
    title: 'Deprecated serviceAccount field',
    description: '`serviceAccount` is a deprecated alias of `serviceAccountName`. When the two disagree the API keeps serviceAccountName, so the alias only misleads readers and tools.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'deprecated-service-account-field')],
  },
  check(ctx) {
    forEachPod(ctx.model, (r, pod) => {
      const pair = getPair(pod.spec, 'serviceAccount', r.doc);
      if (!pair || str(get(pod.spec, 'serviceAccount', r.doc)) === undefined) {
        return;
      }
      const range = keyRange(ctx.model, pod.spec, 'serviceAccount', r.doc);
      const hasName = getPair(pod.spec, 'serviceAccountName', r.doc) !== undefined;
      const edit: TextEdit | undefined = hasName ? undefined : { range, newText: 'serviceAccountName' };
      ctx.report({ range, message: message(describe(r)), fix: edit ? { title: 'Rename to serviceAccountName', safe: true, edits: [edit] } : undefined });
    });
  },
};

import type { Equivalent, Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { keyRange } from '../../parsers/yaml';
import { describe, flag, get } from '../../parsers/kubernetes';
import type { K8sResource } from '../../parsers/kubernetes';
import type { Severity } from '../../types';
import { forEachPod } from './util';

/** Build a rule reporting a pod-level boolean setting set to true. */
export function podFlagRule(
  id: string,
  key: string,
  severity: Severity,
  title: string,
  description: string,
  equivalents: Equivalent[],
  message: (resource: string) => string,
  skip?: (r: K8sResource) => boolean,
): Rule<YamlFile> {
  return {
    id,
    meta: { title, description, severity, kind: 'kubernetes', fixable: false, equivalents },
    check(ctx) {
      forEachPod(ctx.model, (r, pod) => {
        if (flag(get(pod.spec, key, r.doc)) === true && !skip?.(r)) {
          ctx.report({ range: keyRange(ctx.model, pod.spec, key, r.doc), message: message(describe(r)) });
        }
      });
    },
  };
}

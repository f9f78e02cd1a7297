import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { describeContainer } from '../../parsers/kubernetes';
import { eq, forEachContainer } from './util';
import { hasProbe, probeFix } from './probes';

/** The message for a long-running container without a liveness probe. */
export function message(container: string): string {
  return `The ${container} has no livenessProbe: a deadlocked process keeps running and is never restarted`;
}

/** Long-running containers need a liveness probe (not init containers, Jobs or CronJobs). */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/missing-liveness-probe',
  meta: {
    title: 'Container has no liveness probe',
    description: 'Without a liveness probe Kubernetes only restarts a container whose process exits; a hung or deadlocked process stays in rotation until someone notices.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'no-liveness-probe'), eq('checkov', 'CKV_K8S_8'), eq('polaris', 'livenessProbeMissing')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, pod, c) => {
      if (c.group !== 'containers' || c.image === undefined || pod.runsToCompletion || hasProbe(c, r.doc, 'livenessProbe')) {
        return;
      }
      ctx.report({ range: c.header, message: message(describeContainer(c)), fix: probeFix(ctx.model, c, r.doc, 'livenessProbe') });
    });
  },
};

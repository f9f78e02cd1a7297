import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { describeContainer, isKnative } from '../../parsers/kubernetes';
import { eq, forEachContainer } from './util';
import { hasProbe, probeFix } from './probes';

/** The message for a serving container without a readiness probe. */
export function message(container: string): string {
  return `The ${container} has no readinessProbe: Services send traffic to it before it can answer and during a rollout`;
}

/**
 * Long-running containers that declare ports need a readiness probe. Init containers, pods that
 * run to completion (Job, CronJob) and containers without ports (workers receive no traffic) are
 * not reported.
 */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/missing-readiness-probe',
  meta: {
    title: 'Container has no readiness probe',
    description: 'Without a readiness probe a pod receives Service traffic as soon as its process starts, and a rolling update can replace working pods with ones that cannot serve yet.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: true,
    equivalents: [eq('kube-linter', 'no-readiness-probe'), eq('checkov', 'CKV_K8S_9'), eq('polaris', 'readinessProbeMissing')],
  },
  check(ctx) {
    forEachContainer(ctx.model, (r, pod, c) => {
      // Knative gives a serving container a TCP readiness probe on its port when none is written
      if (c.group !== 'containers' || c.image === undefined || pod.runsToCompletion || isKnative(r.apiVersion) || c.ports.length === 0 || hasProbe(c, r.doc, 'readinessProbe')) {
        return;
      }
      ctx.report({ range: c.header, message: message(describeContainer(c)), fix: probeFix(ctx.model, c, r.doc, 'readinessProbe') });
    });
  },
};

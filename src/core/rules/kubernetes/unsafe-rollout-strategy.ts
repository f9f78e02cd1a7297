import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { num, rangeOf, str } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { eq, k8s } from './util';

/** The message for a rollout that takes every pod down. */
export function message(resource: string, how: 'recreate' | 'unavailable' | 'zero'): string {
  if (how === 'recreate') {
    return `${resource} uses the Recreate strategy: every pod is stopped before the new ones start, so each rollout is an outage. Use RollingUpdate unless the pods cannot run side by side`;
  }
  if (how === 'zero') {
    return `${resource} sets maxSurge and maxUnavailable to 0: the rollout can never make progress and the API rejects it`;
  }
  return `${resource} allows every pod to be unavailable during a rollout (maxUnavailable): lower it so some replicas keep serving`;
}

function percent(v: string | undefined): number | undefined {
  const m = v ? /^(\d+)%$/.exec(v.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** Deployment `strategy` (Recreate, or RollingUpdate that may take every pod down) and DaemonSet `updateStrategy`. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/unsafe-rollout-strategy',
  meta: {
    title: 'Rollout takes every pod down',
    description: 'A Recreate strategy, or a RollingUpdate whose maxUnavailable covers all replicas, stops the whole workload before the new version is ready: each deployment becomes a short outage, and a bad version a long one.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'no-rolling-update-strategy')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (r.kind !== 'Deployment') {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      const strategy = get(spec, 'strategy', r.doc);
      const typeNode = get(strategy, 'type', r.doc);
      if (str(typeNode) === 'Recreate') {
        ctx.report({ range: rangeOf(ctx.model, typeNode), message: message(describe(r), 'recreate') });
        continue;
      }
      const rolling = get(strategy, 'rollingUpdate', r.doc);
      const unavailableNode = get(rolling, 'maxUnavailable', r.doc);
      const surgeNode = get(rolling, 'maxSurge', r.doc);
      const unavailable = str(unavailableNode);
      const surge = str(surgeNode);
      const replicas = num(get(spec, 'replicas', r.doc));
      const unavailableCount = num(unavailableNode);
      if ((unavailable === '0' || unavailable === '0%') && (surge === '0' || surge === '0%')) {
        ctx.report({ range: rangeOf(ctx.model, unavailableNode), message: message(describe(r), 'zero') });
      } else if (percent(unavailable) === 100 || (unavailableCount !== undefined && replicas !== undefined && replicas > 0 && unavailableCount >= replicas)) {
        ctx.report({ range: rangeOf(ctx.model, unavailableNode), message: message(describe(r), 'unavailable') });
      }
    }
  },
};

import { eq } from './util';
import { message as resourceMessage, resourceRule } from './resources';

/** The message for a container without a CPU limit. */
export function message(container: string): string {
  return resourceMessage(container, { section: 'limits', resource: 'cpu' });
}

/**
 * Every container sets a CPU limit. Info by default: CPU is compressible and some teams leave
 * limits off on purpose to avoid throttling; raise it in aurora.yaml where limits are policy.
 */
export const rule = resourceRule(
  'kubernetes/missing-cpu-limit',
  { section: 'limits', resource: 'cpu' },
  'info',
  'Container has no CPU limit',
  'Without a CPU limit a busy container can use every idle core of the node and starve its neighbours; with a namespace LimitRange it silently gets the default instead.',
  [eq('checkov', 'CKV_K8S_11'), eq('kube-linter', 'unset-cpu-requirements'), eq('polaris', 'cpuLimitsMissing')],
);

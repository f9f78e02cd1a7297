import { eq } from './util';
import { message as resourceMessage, resourceRule } from './resources';

/** The message for a container without a CPU request. */
export function message(container: string): string {
  return resourceMessage(container, { section: 'requests', resource: 'cpu' });
}

/** Every container sets a CPU request (or a CPU limit, which the request then defaults to). */
export const rule = resourceRule(
  'kubernetes/missing-cpu-request',
  { section: 'requests', resource: 'cpu' },
  'warning',
  'Container has no CPU request',
  'Without a CPU request the scheduler treats the container as needing nothing, packs nodes too tightly and cannot scale it on CPU utilisation.',
  [eq('checkov', 'CKV_K8S_10'), eq('kube-linter', 'unset-cpu-requirements'), eq('polaris', 'cpuRequestsMissing')],
);

import { eq } from './util';
import { message as resourceMessage, resourceRule } from './resources';

/** The message for a container without a memory request. */
export function message(container: string): string {
  return resourceMessage(container, { section: 'requests', resource: 'memory' });
}

/** Every container sets a memory request (or a memory limit, which the request then defaults to). */
export const rule = resourceRule(
  'kubernetes/missing-memory-request',
  { section: 'requests', resource: 'memory' },
  'warning',
  'Container has no memory request',
  'Without a memory request the scheduler can overcommit the node, and the pod is among the first evicted when memory runs short.',
  [eq('checkov', 'CKV_K8S_12'), eq('kube-linter', 'unset-memory-requirements'), eq('polaris', 'memoryRequestsMissing')],
);

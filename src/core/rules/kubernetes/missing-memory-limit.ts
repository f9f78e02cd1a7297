import { eq } from './util';
import { message as resourceMessage, resourceRule } from './resources';

/** The message for a container without a memory limit. */
export function message(container: string): string {
  return resourceMessage(container, { section: 'limits', resource: 'memory' });
}

/** Every container sets a memory limit. */
export const rule = resourceRule(
  'kubernetes/missing-memory-limit',
  { section: 'limits', resource: 'memory' },
  'warning',
  'Container has no memory limit',
  'Memory is not compressible: a container without a limit that leaks can take the whole node, and the kernel then kills other pods as well.',
  [eq('checkov', 'CKV_K8S_13'), eq('kube-linter', 'unset-memory-requirements'), eq('polaris', 'memoryLimitsMissing')],
);

import { eq } from './util';
import { podFlagRule } from './pod-flag';

/** The message for a pod sharing the host IPC namespace. */
export function message(resource: string): string {
  return `${resource} shares the host IPC namespace: its containers can read shared memory of node processes. Remove hostIPC`;
}

/** `hostIPC: true`. */
export const rule = podFlagRule(
  'kubernetes/host-ipc',
  'hostIPC',
  'error',
  'Pod shares the host IPC namespace',
  'With hostIPC a container can access the shared memory segments and message queues of every process on the node.',
  [eq('kube-linter', 'host-ipc'), eq('checkov', 'CKV_K8S_18'), eq('polaris', 'hostIPCSet')],
  message,
);

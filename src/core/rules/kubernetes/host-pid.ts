import { eq } from './util';
import { podFlagRule } from './pod-flag';

/** The message for a pod sharing the host PID namespace. */
export function message(resource: string): string {
  return `${resource} shares the host PID namespace: its containers can see and signal every process on the node. Remove hostPID`;
}

/** `hostPID: true`. */
export const rule = podFlagRule(
  'kubernetes/host-pid',
  'hostPID',
  'error',
  'Pod shares the host PID namespace',
  'With hostPID a container sees every process of the node, can read their environment and, with ptrace, inject into them: a short path to node compromise.',
  [eq('kube-linter', 'host-pid'), eq('checkov', 'CKV_K8S_17'), eq('polaris', 'hostPIDSet')],
  message,
);

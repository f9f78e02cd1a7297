import { podFlagRule } from './pod-flag';

/** The message for a pod sharing one process namespace between its containers. */
export function message(resource: string): string {
  return `${resource} shares one process namespace between its containers: each container can see the others' processes and read their filesystems through /proc. Keep it only for debugging sidecars`;
}

/** `shareProcessNamespace: true`. */
export const rule = podFlagRule(
  'kubernetes/share-process-namespace',
  'shareProcessNamespace',
  'info',
  'Containers share a process namespace',
  'With shareProcessNamespace every container of the pod sees the processes of the others, and can read their root filesystems and environment through /proc, so a compromised sidecar reaches the main container secrets.',
  [],
  message,
);

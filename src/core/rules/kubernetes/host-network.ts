import { controlPlaneStaticPod, eq } from './util';
import { podFlagRule } from './pod-flag';

/** The message for a pod on the host network. */
export function message(resource: string): string {
  return `${resource} uses the host network: its pods see every interface of the node, bypass NetworkPolicies and can bind node ports. Remove hostNetwork unless this is a node agent`;
}

/** `hostNetwork: true`. */
export const rule = podFlagRule(
  'kubernetes/host-network',
  'hostNetwork',
  'warning',
  'Pod uses the host network',
  'A pod on the host network shares the node network namespace: it can sniff and bind on node interfaces, reach services listening on localhost, and NetworkPolicies no longer apply to it.',
  [eq('kube-linter', 'host-network'), eq('checkov', 'CKV_K8S_19'), eq('polaris', 'hostNetworkSet')],
  message,
  // a control-plane static pod starts before the cluster network exists and serves on the node's address
  (r) => controlPlaneStaticPod(r) !== undefined,
);

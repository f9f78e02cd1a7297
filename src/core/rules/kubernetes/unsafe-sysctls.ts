import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, seqItems, str } from '../../parsers/yaml';
import { describe, get } from '../../parsers/kubernetes';
import { eq, forEachPod } from './util';

/** Sysctls that Kubernetes considers namespaced and safe (allowed without kubelet flags). */
const SAFE = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** The message for an unsafe sysctl. */
export function message(resource: string, name: string): string {
  return `${resource} sets the unsafe sysctl ${name}: it can affect other pods on the node and is rejected unless the kubelet allows it. Tune the node instead`;
}

/** `securityContext.sysctls` outside the safe set. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/unsafe-sysctls',
  meta: {
    title: 'Pod sets an unsafe sysctl',
    description: 'Only a few sysctls are namespaced per pod. Others change kernel behaviour for the whole node, so one pod can degrade or attack its neighbours; the kubelet refuses them unless explicitly allowed.',
    severity: 'warning',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'unsafe-sysctls')],
  },
  check(ctx) {
    forEachPod(ctx.model, (r, pod) => {
      for (const item of seqItems(get(get(pod.spec, 'securityContext', r.doc), 'sysctls', r.doc), r.doc)) {
        const nameNode = get(item, 'name', r.doc);
        const name = str(nameNode);
        if (name && !SAFE.has(name.replace(/\//g, '.'))) {
          ctx.report({ range: rangeOf(ctx.model, nameNode), message: message(describe(r), name) });
        }
      }
    });
  },
};

import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf, str } from '../../parsers/yaml';
import { describe, get, getPair } from '../../parsers/kubernetes';
import { eq, k8s } from './util';

/** Annotations that make a cloud load balancer internal. */
const INTERNAL: readonly [string, RegExp][] = [
  // any value but "false" (and empty) makes the in-tree AWS provider's load balancer internal
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(?!false$).+$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/],
];

/** The message for a Service exposed outside the cluster. */
export function message(resource: string, type: string): string {
  return type === 'NodePort'
    ? `${resource} is a NodePort: it opens the port on every node. Put it behind an Ingress or an internal load balancer`
    : `${resource} is a public LoadBalancer: restrict it with loadBalancerSourceRanges, make it internal, or route through an Ingress`;
}

/** Services of type LoadBalancer (not internal, no source ranges) or NodePort. */
export const rule: Rule<YamlFile> = {
  id: 'kubernetes/exposed-service',
  meta: {
    title: 'Service is exposed outside the cluster',
    description: 'A LoadBalancer Service gets a public address by default and a NodePort opens a port on every node. Each bypasses the Ingress layer (TLS, auth, WAF) and is easy to expose by accident.',
    severity: 'info',
    kind: 'kubernetes',
    fixable: false,
    equivalents: [eq('kube-linter', 'exposed-services')],
  },
  check(ctx) {
    for (const r of k8s(ctx.model).resources) {
      if (r.kind !== 'Service') {
        continue;
      }
      const spec = get(r.node, 'spec', r.doc);
      const typeNode = get(spec, 'type', r.doc);
      const type = str(typeNode);
      if (type !== 'LoadBalancer' && type !== 'NodePort') {
        continue;
      }
      if (type === 'LoadBalancer') {
        const internal = INTERNAL.some(([key, value]) => value.test(r.annotations.get(key) ?? '') && r.annotations.has(key));
        if (internal || getPair(spec, 'loadBalancerSourceRanges', r.doc)) {
          continue;
        }
      }
      ctx.report({ range: rangeOf(ctx.model, typeNode), message: message(describe(r), type) });
    }
  },
};

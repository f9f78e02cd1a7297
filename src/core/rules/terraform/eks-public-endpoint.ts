import { terraformRule } from './support/rule';
import { bool, listOf, str } from './support/values';

/** The message for an EKS API endpoint open to the internet. */
export function message(name: string): string {
  return `The API endpoint of cluster '${name}' is reachable from the whole internet: set endpoint_public_access = false (private endpoint) or restrict public_access_cidrs to known ranges`;
}

/** EKS cluster endpoints must not be public to 0.0.0.0/0. */
export const rule = terraformRule({
  id: 'terraform/eks-public-endpoint',
  meta: {
    title: 'EKS API endpoint open to the internet',
    description: 'The public endpoint is on by default and open to 0.0.0.0/0; the Kubernetes API then faces every scanner and every leaked kubeconfig.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_39' }, { tool: 'checkov', id: 'CKV_AWS_38' }, { tool: 'tfsec', id: 'aws-eks-no-public-cluster-access' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const c of mod.resources('aws_eks_cluster')) {
      for (const vpc of mod.nested(c, 'vpc_config')) {
        const pub = mod.attr(vpc, 'endpoint_public_access');
        const pubValue = pub ? bool(pub.value) : true;
        if (pubValue !== true) {
          continue;
        }
        const cidrs = mod.attr(vpc, 'public_access_cidrs');
        const list = listOf(cidrs?.value);
        if (cidrs && (list === undefined || !list.some((v) => str(v) === '0.0.0.0/0'))) {
          continue;
        }
        const at = cidrs ? ctx.at(cidrs.attr) : pub ? ctx.at(pub.attr) : (vpc.dynamic ?? vpc.block).headerRange;
        ctx.report(c, { range: at, message: message(c.labels[1] ?? '') });
      }
    }
  },
});

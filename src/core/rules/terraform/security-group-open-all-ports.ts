import { terraformRule } from './support/rule';
import { allPorts, openIngress } from './support/ingress';

/** The message for every port open to the internet. */
export function message(owner: string, cidr: string): string {
  return `Security group rule '${owner}' opens every port to ${cidr}: allow only the ports the service needs, from known address ranges`;
}

/** Ingress on all ports (protocol -1, or 0-65535) must not be open to the world. */
export const rule = terraformRule({
  id: 'terraform/security-group-open-all-ports',
  meta: {
    title: 'All ports open to the internet',
    description: 'An ingress rule from 0.0.0.0/0 or ::/0 with protocol -1 or the full port range exposes every service on the instances, including ones never meant to be reachable.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_277' }, { tool: 'tfsec', id: 'aws-ec2-no-public-ingress-sgr' }],
  },
  check(ctx) {
    for (const r of openIngress(ctx.mod)) {
      if (allPorts(r)) {
        ctx.report(r.cidrAttr, { range: ctx.at(r.cidrAttr), message: message(r.owner, r.cidr) });
      }
    }
  },
});

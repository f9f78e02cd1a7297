import { terraformRule } from './support/rule';
import { coversPort, openIngress } from './support/ingress';

/** The message for RDP open to the internet. */
export function message(owner: string, cidr: string): string {
  return `Security group rule '${owner}' opens RDP (port 3389) to ${cidr}: allow only known address ranges, or use SSM Session Manager / a bastion`;
}

/** Ingress to port 3389 must not be open to 0.0.0.0/0 or ::/0. */
export const rule = terraformRule({
  id: 'terraform/security-group-open-rdp',
  meta: {
    title: 'RDP open to the internet',
    description: 'An ingress rule from 0.0.0.0/0 or ::/0 covering port 3389 exposes remote administration to the whole internet, where it is scanned and brute-forced within minutes.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_25' }, { tool: 'tfsec', id: 'aws-ec2-no-public-ingress-sgr' }],
  },
  check(ctx) {
    for (const r of openIngress(ctx.mod)) {
      if (coversPort(r, 3389)) {
        ctx.report(r.cidrAttr, { range: ctx.at(r.cidrAttr), message: message(r.owner, r.cidr) });
      }
    }
  },
});

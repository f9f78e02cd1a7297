import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for an instance that gets a public address. */
export function message(name: string): string {
  return `'${name}' gives instances a public IP address: keep them in private subnets behind a load balancer or NAT and set associate_public_ip_address = false`;
}

/** Instances should not get public IP addresses. */
export const rule = terraformRule({
  id: 'terraform/ec2-public-ip',
  meta: {
    title: 'EC2 instance gets a public IP address',
    description: 'A public address makes the instance directly reachable from the internet; its security group becomes the only barrier.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_88' }, { tool: 'tfsec', id: 'aws-ec2-no-public-ip' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const r of mod.resources('aws_instance', 'aws_launch_configuration')) {
      const f = flag(mod, r, 'associate_public_ip_address', false);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(r.labels.join('.')) });
      }
    }
    for (const t of mod.resources('aws_launch_template')) {
      for (const ni of mod.nested(t, 'network_interfaces')) {
        const f = flag(mod, ni, 'associate_public_ip_address', false);
        if (f.state === 'wrong') {
          ctx.report(f.attr, { range: ctx.at(f.attr), message: message(t.labels.join('.')) });
        }
      }
    }
  },
});

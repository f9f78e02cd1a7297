import { terraformRule } from './support/rule';
import { str } from './support/values';

/** The message for a listener policy that still accepts TLS 1.0/1.1. */
export function message(name: string, policy: string): string {
  return `Listener '${name}' uses the SSL policy '${policy}', which accepts TLS 1.0/1.1: use ELBSecurityPolicy-TLS13-1-2-2021-06 or another TLS 1.2+ policy`;
}

/** Policies of the ELB family that only negotiate TLS 1.2 or newer. */
const MODERN = /TLS13-1-[23]|TLS-1-2|FS-1-2|TLS13-1-2-(Res|Ext)/;

/** HTTPS/TLS listeners must not accept TLS versions older than 1.2. */
export const rule = terraformRule({
  id: 'terraform/lb-listener-outdated-tls',
  meta: {
    title: 'Load balancer listener accepts outdated TLS',
    description: 'TLS 1.0 and 1.1 are deprecated (RFC 8996) and fail PCI DSS; older ELB policies such as ELBSecurityPolicy-2016-08 still accept them.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_103' }, { tool: 'tfsec', id: 'aws-elb-use-secure-tls-policy' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const l of mod.resources('aws_lb_listener', 'aws_alb_listener')) {
      const policy = mod.attr(l, 'ssl_policy');
      const v = str(policy?.value);
      if (policy && v !== undefined && v !== '' && !MODERN.test(v)) {
        ctx.report(policy.attr, { range: ctx.at(policy.attr), message: message(l.labels[1] ?? '', v) });
      }
    }
  },
});

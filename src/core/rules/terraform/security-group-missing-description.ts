import { terraformRule } from './support/rule';
import { str } from './support/values';

/** The message for a security group or rule without a description. */
export function message(what: string): string {
  return `${what} has no description: say what the group or rule allows and why, so reviews and audits can tell intended access from leftovers`;
}

/** Security groups and their rules need a description. */
export const rule = terraformRule({
  id: 'terraform/security-group-missing-description',
  meta: {
    title: 'Security group or rule without a description',
    description: 'Descriptions are the only place that records why a port is open; without them nobody dares to remove a rule, and audits cannot tell intended access from accidents.',
    severity: 'info',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_23' }, { tool: 'tfsec', id: 'aws-ec2-add-description-to-security-group' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    const described = (b: Parameters<typeof mod.attr>[0]): boolean => {
      const d = mod.attr(b, 'description');
      return !!d && str(d.value) !== '';
    };
    for (const sg of mod.resources('aws_security_group')) {
      if (!described(sg)) {
        ctx.report(sg, { range: sg.headerRange, message: message(`Security group '${sg.labels[1] ?? ''}'`) });
      }
      for (const type of ['ingress', 'egress']) {
        const reported = new Set<unknown>();
        for (const r of mod.nested(sg, type)) {
          if (!reported.has(r.block) && !described(r)) {
            reported.add(r.block);
            ctx.report((r.dynamic ?? r.block), { range: (r.dynamic ?? r.block).headerRange, message: message(`An ${type} rule of '${sg.labels[1] ?? ''}'`) });
          }
        }
      }
    }
    for (const r of mod.resources('aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule')) {
      if (!described(r)) {
        ctx.report(r, { range: r.headerRange, message: message(`Rule '${r.labels[1] ?? ''}'`) });
      }
    }
  },
});

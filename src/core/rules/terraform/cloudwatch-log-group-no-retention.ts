import { terraformRule } from './support/rule';
import { num } from './support/values';

/** The message for a log group that keeps logs forever. */
export function message(name: string): string {
  return `Log group '${name}' keeps logs forever: set retention_in_days (e.g. 365, or what your compliance rules require)`;
}

/** CloudWatch log groups need a retention period. */
export const rule = terraformRule({
  id: 'terraform/cloudwatch-log-group-no-retention',
  meta: {
    title: 'CloudWatch log group without retention',
    description: 'Without retention_in_days (or with 0) logs never expire: storage cost grows forever and personal data outlives every retention policy.',
    severity: 'info',
    kind: 'terraform',
    fixable: false,
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const g of mod.resources('aws_cloudwatch_log_group')) {
      const r = mod.attr(g, 'retention_in_days');
      if (!r) {
        ctx.report(g, { range: g.headerRange, message: message(g.labels[1] ?? '') });
      } else if (num(r.value) === 0) {
        ctx.report(r.attr, { range: ctx.at(r.attr), message: message(g.labels[1] ?? '') });
      }
    }
  },
});

import { terraformFileRule } from './support/rule';
import { flag } from './support/flags';
import { insertAttributes } from './support/report';

/** The message for a trail without log file validation. */
export function message(name: string): string {
  return `Trail '${name}' does not validate its log files: set enable_log_file_validation = true so tampering with delivered logs can be detected`;
}

/** CloudTrail trails must enable log file integrity validation. */
export const rule = terraformFileRule({
  id: 'terraform/cloudtrail-no-log-validation',
  meta: {
    title: 'CloudTrail log file validation disabled',
    description: 'Log file validation signs digests of the delivered logs; without it an attacker who reaches the bucket can edit or delete records unnoticed.',
    severity: 'warning',
    kind: 'terraform',
    fixable: true,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_36' }, { tool: 'tfsec', id: 'aws-cloudtrail-enable-log-validation' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const t of mod.resources('aws_cloudtrail')) {
      const f = flag(mod, t, 'enable_log_file_validation', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(t.labels[1] ?? ''), fix: { title: 'Enable log file validation', safe: true, edits: [{ range: f.attr.value.range, newText: 'true' }] } });
      } else if (f.state === 'missing') {
        ctx.report(t, { range: t.headerRange, message: message(t.labels[1] ?? ''), fix: insertAttributes(ctx.mod.modelOf(t).index, t, ['enable_log_file_validation = true'], 'Enable log file validation', true) });
      }
    }
  },
});

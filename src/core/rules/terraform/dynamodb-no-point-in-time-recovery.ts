import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for a table without point-in-time recovery. */
export function message(name: string): string {
  return `Table '${name}' has no point-in-time recovery: add point_in_time_recovery { enabled = true } so writes of the last 35 days can be rolled back`;
}

/** DynamoDB tables should have point-in-time recovery. */
export const rule = terraformRule({
  id: 'terraform/dynamodb-no-point-in-time-recovery',
  meta: {
    title: 'DynamoDB table without point-in-time recovery',
    description: 'Without point-in-time recovery a faulty deploy or a bad batch job that overwrites items cannot be undone.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_28' }, { tool: 'tfsec', id: 'aws-dynamodb-enable-recovery' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const t of mod.resources('aws_dynamodb_table')) {
      const pitr = mod.nested(t, 'point_in_time_recovery');
      if (pitr.length === 0) {
        ctx.report(t, { range: t.headerRange, message: message(t.labels[1] ?? '') });
        continue;
      }
      for (const p of pitr) {
        const f = flag(mod, p, 'enabled', true);
        if (f.state === 'wrong') {
          ctx.report(f.attr, { range: ctx.at(f.attr), message: message(t.labels[1] ?? '') });
        } else if (f.state === 'missing') {
          ctx.report((p.dynamic ?? p.block), { range: (p.dynamic ?? p.block).headerRange, message: message(t.labels[1] ?? '') });
        }
      }
    }
  },
});

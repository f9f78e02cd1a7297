import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for a single-region trail. */
export function message(name: string): string {
  return `Trail '${name}' records one region only: set is_multi_region_trail = true so activity in unused regions (a favourite of attackers) is logged too`;
}

/** CloudTrail trails should cover every region. */
export const rule = terraformRule({
  id: 'terraform/cloudtrail-not-multi-region',
  meta: {
    title: 'CloudTrail trail is not multi-region',
    description: 'A single-region trail misses API calls made in every other region, which is exactly where unauthorised resources tend to be started.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_67' }, { tool: 'tfsec', id: 'aws-cloudtrail-enable-all-regions' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const t of mod.resources('aws_cloudtrail')) {
      const f = flag(mod, t, 'is_multi_region_trail', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(t.labels[1] ?? '') });
      } else if (f.state === 'missing') {
        ctx.report(t, { range: t.headerRange, message: message(t.labels[1] ?? '') });
      }
    }
  },
});

import { terraformFileRule } from './support/rule';
import { flag } from './support/flags';

/** The message for a trail that is switched off. */
export function message(name: string): string {
  return `Trail '${name}' has enable_logging = false: it records no API activity; remove the setting or set it to true`;
}

/** CloudTrail trails must be logging. */
export const rule = terraformFileRule({
  id: 'terraform/cloudtrail-logging-disabled',
  meta: {
    title: 'CloudTrail logging is turned off',
    description: 'A trail with logging stopped looks configured in reviews while recording nothing: API calls during an incident leave no trace.',
    severity: 'error',
    kind: 'terraform',
    fixable: true,
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const t of mod.resources('aws_cloudtrail')) {
      const f = flag(mod, t, 'enable_logging', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(t.labels[1] ?? ''), fix: { title: 'Set enable_logging = true', safe: true, edits: [{ range: f.attr.value.range, newText: 'true' }] } });
      }
    }
  },
});

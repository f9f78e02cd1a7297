import { terraformRule } from './support/rule';
import { str } from './support/values';

/** The message for a required provider without a version constraint. */
export function message(name: string): string {
  return `Provider '${name}' has no version constraint in required_providers: add one (e.g. "~> 5.0") so a new major version cannot change plans unannounced`;
}

/** Every entry of required_providers needs a version constraint. */
export const rule = terraformRule({
  id: 'terraform/provider-version-unpinned',
  meta: {
    title: 'Provider without a version constraint',
    description: 'Without a version constraint `terraform init` installs the newest provider, and a major release can change or break the plan of an unchanged configuration.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const tf of mod.blocksOf('terraform')) {
      for (const rp of tf.blocks.filter((b) => b.type === 'required_providers')) {
        for (const a of rp.attributes) {
          const v = mod.evaluate(a.value);
          if (v.kind === 'string') {
            // legacy form: aws = "~> 5.0"
            if ((str(v) ?? '').trim() === '') {
              ctx.report(a, { range: a.nameRange, message: message(a.name) });
            }
            continue;
          }
          if (v.kind !== 'object') {
            continue;
          }
          const version = v.entries?.find((e) => e.key === 'version');
          if (!version || (version.value.kind === 'string' && (str(version.value) ?? '').trim() === '')) {
            ctx.report(a, { range: a.nameRange, message: message(a.name) });
          }
        }
      }
    }
  },
});

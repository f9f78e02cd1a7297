import { terraformRule } from './support/rule';
import { flag } from './support/flags';
import { str } from './support/values';

/** The message for a replication group without encryption. */
export function message(name: string, what: 'at rest' | 'in transit'): string {
  const attr = what === 'at rest' ? 'at_rest_encryption_enabled' : 'transit_encryption_enabled';
  return `Replication group '${name}' is not encrypted ${what}: set ${attr} = true`;
}

/** ElastiCache replication groups must encrypt data at rest and in transit. */
export const rule = terraformRule({
  id: 'terraform/elasticache-not-encrypted',
  meta: {
    title: 'ElastiCache replication group is not encrypted',
    description: 'Cached data often holds sessions and tokens; without encryption at rest backups and swap are readable, and without encryption in transit so is every command on the wire.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_29' }, { tool: 'checkov', id: 'CKV_AWS_30' }, { tool: 'tfsec', id: 'aws-elasticache-enable-at-rest-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const rg of mod.resources('aws_elasticache_replication_group')) {
      if (str(mod.attr(rg, 'engine')?.value) === 'memcached') {
        continue;
      }
      const name = rg.labels[1] ?? '';
      for (const [attr, what] of [['at_rest_encryption_enabled', 'at rest'], ['transit_encryption_enabled', 'in transit']] as const) {
        const f = flag(mod, rg, attr, true);
        if (f.state === 'wrong') {
          ctx.report(f.attr, { range: ctx.at(f.attr), message: message(name, what) });
        } else if (f.state === 'missing') {
          ctx.report(rg, { range: rg.headerRange, message: message(name, what) });
        }
      }
    }
  },
});

import { terraformRule } from './support/rule';
import { num } from './support/values';

/** The message for a database without automated backups. */
export function message(name: string): string {
  return `Database '${name}' has backup_retention_period = 0, which turns off automated backups and point-in-time recovery: keep at least 7 days`;
}

/** RDS instances must keep automated backups. */
export const rule = terraformRule({
  id: 'terraform/rds-no-backups',
  meta: {
    title: 'RDS automated backups disabled',
    description: 'A retention period of 0 disables automated backups and point-in-time recovery: a bad migration or a deleted table cannot be undone.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_133' }, { tool: 'tfsec', id: 'aws-rds-specify-backup-retention' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const db of mod.resources('aws_db_instance', 'aws_rds_cluster')) {
      // read replicas take no backups of their own
      if (mod.attr(db, 'replicate_source_db')) {
        continue;
      }
      const r = mod.attr(db, 'backup_retention_period');
      if (r && num(r.value) === 0) {
        ctx.report(r.attr, { range: ctx.at(r.attr), message: message(db.labels[1] ?? '') });
      }
    }
  },
});

import { terraformRule } from './support/rule';
import { flag } from './support/flags';
import { str } from './support/values';

/** The message for a database without storage encryption. */
export function message(name: string): string {
  return `Database '${name}' does not encrypt its storage: set storage_encrypted = true (with a kms_key_id for a customer-managed key); this forces a new resource, so plan the migration`;
}

/** RDS instances and clusters must encrypt their storage. */
export const rule = terraformRule({
  id: 'terraform/rds-storage-not-encrypted',
  meta: {
    title: 'RDS storage is not encrypted',
    description: 'Unencrypted database storage leaves data, automated backups, snapshots and read replicas readable to anyone who gets hold of the volumes or a shared snapshot.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_16' }, { tool: 'checkov', id: 'CKV_AWS_96' }, { tool: 'tfsec', id: 'aws-rds-encrypt-instance-storage-data' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const db of mod.resources('aws_db_instance', 'aws_rds_cluster')) {
      // replicas and restores inherit encryption from their source; serverless v1 is always encrypted
      if (['replicate_source_db', 'snapshot_identifier', 'replication_source_identifier'].some((a) => mod.attr(db, a))) {
        continue;
      }
      if (str(mod.attr(db, 'engine_mode')?.value) === 'serverless' || (/^aurora/.test(str(mod.attr(db, 'engine')?.value) ?? '') && db.labels[0] === 'aws_db_instance')) {
        continue;
      }
      const f = flag(mod, db, 'storage_encrypted', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(db.labels[1] ?? '') });
      } else if (f.state === 'missing') {
        ctx.report(db, { range: db.headerRange, message: message(db.labels[1] ?? '') });
      }
    }
  },
});

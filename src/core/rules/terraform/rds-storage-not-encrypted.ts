import { terraformRule } from './support/rule';
import { flag } from './support/flags';
import { str } from './support/values';

/** The message for a database without storage encryption. */
export function message(name: string, attr = 'storage_encrypted'): string {
  return `Database '${name}' does not encrypt its storage: set ${attr} = true (with a kms_key_id for a customer-managed key); this forces a new resource, so plan the migration`;
}

/** RDS instances and clusters must encrypt their storage. */
export const rule = terraformRule({
  id: 'terraform/rds-storage-not-encrypted',
  meta: {
    title: 'RDS storage is not encrypted',
    description: 'Unencrypted database storage (RDS, Aurora, DocumentDB, Neptune, Redshift) leaves data, automated backups, snapshots and read replicas readable to anyone who gets hold of the volumes or a shared snapshot.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_16' }, { tool: 'checkov', id: 'CKV_AWS_96' }, { tool: 'checkov', id: 'CKV_AWS_64' }, { tool: 'checkov', id: 'CKV_AWS_74' }, { tool: 'checkov', id: 'CKV_AWS_44' }, { tool: 'tfsec', id: 'aws-rds-encrypt-instance-storage-data' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const db of mod.resources('aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_redshift_cluster')) {
      const attr = db.labels[0] === 'aws_redshift_cluster' ? 'encrypted' : 'storage_encrypted';
      // replicas and restores inherit encryption from their source; serverless v1 is always encrypted
      if (['replicate_source_db', 'snapshot_identifier', 'replication_source_identifier'].some((a) => mod.attr(db, a))) {
        continue;
      }
      if (str(mod.attr(db, 'engine_mode')?.value) === 'serverless' || (/^aurora/.test(str(mod.attr(db, 'engine')?.value) ?? '') && db.labels[0] === 'aws_db_instance')) {
        continue;
      }
      const f = flag(mod, db, attr, true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(db.labels[1] ?? '', attr) });
      } else if (f.state === 'missing') {
        ctx.report(db, { range: db.headerRange, message: message(db.labels[1] ?? '', attr) });
      }
    }
  },
});

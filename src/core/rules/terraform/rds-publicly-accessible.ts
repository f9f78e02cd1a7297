import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for a database reachable from the internet. */
export function message(name: string): string {
  return `Database '${name}' is publicly accessible: set publicly_accessible = false and reach it from inside the VPC (VPN, bastion or SSM)`;
}

/** RDS instances must not be publicly accessible. */
export const rule = terraformRule({
  id: 'terraform/rds-publicly-accessible',
  meta: {
    title: 'RDS instance is publicly accessible',
    description: 'A publicly accessible database (RDS, Aurora, Redshift, DMS replication instance) gets a public DNS name and address; one permissive security group rule away from the internet, it is a prime target for credential stuffing.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_17' }, { tool: 'checkov', id: 'CKV_AWS_87' }, { tool: 'checkov', id: 'CKV_AWS_89' }, { tool: 'tfsec', id: 'aws-rds-no-public-db-access' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const db of mod.resources('aws_db_instance', 'aws_rds_cluster_instance', 'aws_redshift_cluster', 'aws_dms_replication_instance')) {
      const f = flag(mod, db, 'publicly_accessible', false);
      if (f.state === 'wrong') {
        ctx.report(f.attr, {
          range: ctx.at(f.attr),
          message: message(db.labels[1] ?? ''),
        });
      }
    }
  },
});

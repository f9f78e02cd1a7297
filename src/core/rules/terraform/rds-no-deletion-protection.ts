import { terraformRule } from './support/rule';
import { flag } from './support/flags';

/** The message for a database that can be deleted by a plan. */
export function message(name: string): string {
  return `Database '${name}' has no deletion protection: set deletion_protection = true so a destroy or a replacing change cannot drop it`;
}

/** RDS instances and clusters should have deletion protection. */
export const rule = terraformRule({
  id: 'terraform/rds-no-deletion-protection',
  meta: {
    title: 'RDS deletion protection disabled',
    description: 'Without deletion protection a `terraform destroy`, a renamed resource or an attribute that forces replacement deletes the database.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_293' }, { tool: 'checkov', id: 'CKV_AWS_139' }, { tool: 'tfsec', id: 'aws-rds-enable-deletion-protection' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const db of mod.resources('aws_db_instance', 'aws_rds_cluster')) {
      const f = flag(mod, db, 'deletion_protection', true);
      if (f.state === 'wrong') {
        ctx.report(f.attr, { range: ctx.at(f.attr), message: message(db.labels[1] ?? '') });
      } else if (f.state === 'missing') {
        ctx.report(db, { range: db.headerRange, message: message(db.labels[1] ?? '') });
      }
    }
  },
});

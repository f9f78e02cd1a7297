import { AWS_POLICIES } from '../../policies/aws';
import { formatMessage } from '../../policies/message';

/** The message for a database without automated backups (the rule is the policy terraform/rds-no-backups). */
export function message(name: string): string {
  const policy = AWS_POLICIES.find((p) => p.id === 'terraform/rds-no-backups');
  return formatMessage(policy?.message ?? '', { name, type: '', value: '' });
}

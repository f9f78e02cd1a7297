import { terraformRule } from './support/rule';
import { str } from './support/values';

/** The message for a topic without a KMS key. */
export function message(name: string): string {
  return `Topic '${name}' is not encrypted at rest: set kms_master_key_id (e.g. "alias/aws/sns" or a customer-managed key)`;
}

/** SNS topics must use server-side encryption. */
export const rule = terraformRule({
  id: 'terraform/sns-topic-not-encrypted',
  meta: {
    title: 'SNS topic is not encrypted',
    description: 'Without a KMS key, messages published to the topic are stored unencrypted until delivered.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_26' }, { tool: 'tfsec', id: 'aws-sns-enable-topic-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const t of mod.resources('aws_sns_topic')) {
      const k = mod.attr(t, 'kms_master_key_id');
      if (!k) {
        ctx.report(t, { range: t.headerRange, message: message(t.labels[1] ?? '') });
      } else if (str(k.value) === '') {
        ctx.report(k.attr, { range: ctx.at(k.attr), message: message(t.labels[1] ?? '') });
      }
    }
  },
});

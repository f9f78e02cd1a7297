import { terraformRule } from './support/rule';
import { bool, str } from './support/values';

/** The message for a queue without server-side encryption. */
export function message(name: string): string {
  return `Queue '${name}' declares no server-side encryption: set kms_master_key_id (customer-managed key) or sqs_managed_sse_enabled = true`;
}

/** SQS queues must encrypt messages at rest. */
export const rule = terraformRule({
  id: 'terraform/sqs-queue-not-encrypted',
  meta: {
    title: 'SQS queue is not encrypted',
    description: 'Messages often carry personal data and tokens; server-side encryption (SSE-SQS or a KMS key) keeps them encrypted while they wait in the queue.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_27' }, { tool: 'tfsec', id: 'aws-sqs-enable-queue-encryption' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const q of mod.resources('aws_sqs_queue')) {
      // `kms_master_key_id = ""` names no key: the queue is then as encrypted as SSE-SQS says
      const key = mod.attr(q, 'kms_master_key_id');
      if (key && str(key.value) !== '') {
        continue;
      }
      const sse = mod.attr(q, 'sqs_managed_sse_enabled');
      const v = bool(sse?.value);
      if (sse && v === false) {
        ctx.report(sse.attr, { range: ctx.at(sse.attr), message: message(q.labels[1] ?? '') });
      } else if (!sse) {
        // since October 2022 a new queue gets SSE-SQS unless it says otherwise: not declaring it
        // leaves the choice to that default, said at info (an explicit false is the warning)
        // an empty key id is where the fix goes
        ctx.report(key ? key.attr : q, { range: key ? ctx.at(key.attr) : q.headerRange, message: message(q.labels[1] ?? ''), severity: 'info' });
      }
    }
  },
});

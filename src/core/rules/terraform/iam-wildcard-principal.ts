import { terraformRule } from './support/rule';
import { publicPrincipal } from './support/policy';
import { allows, policiesOf } from './support/policies';
import type { HclBlock } from '../../parsers/terraform';

/** The message for a resource policy that trusts everyone. */
export function message(where: string): string {
  return `${where} allows Principal "*" without a Condition: any AWS account (or anonymous caller) is trusted; name the principals or restrict with aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID`;
}

/** The message for an open access policy on a search domain inside a VPC. */
export function vpcMessage(where: string): string {
  return `${where} allows Principal "*" without a Condition on a search domain inside a VPC: its security groups decide who reaches it, but any caller they admit may run every action allowed here; name the principals or enable fine-grained access control`;
}

const SEARCH_DOMAINS = ['aws_elasticsearch_domain', 'aws_opensearch_domain'];

/**
 * An Elasticsearch/OpenSearch domain with `vpc_options`: it has no public endpoint, and an open
 * access policy is AWS's documented pattern there (IP conditions do not apply in a VPC), so the
 * wildcard is a warning, not a certain exposure.
 */
function isVpcSearchDomain(block: HclBlock): boolean {
  return SEARCH_DOMAINS.includes(block.labels[0] ?? '') && block.blocks.some((b) => b.type === 'vpc_options');
}

// S3 bucket policies have their own rule (terraform/s3-bucket-public-policy)
const TYPES = ['aws_iam_role', 'aws_sqs_queue_policy', 'aws_sqs_queue', 'aws_sns_topic_policy', 'aws_sns_topic', 'aws_kms_key', 'aws_ecr_repository_policy', 'aws_secretsmanager_secret_policy', 'aws_secretsmanager_secret', 'aws_elasticsearch_domain_policy', 'aws_elasticsearch_domain', 'aws_opensearch_domain_policy', 'aws_opensearch_domain', 'aws_glacier_vault', 'aws_efs_file_system_policy', 'aws_api_gateway_rest_api_policy', 'aws_api_gateway_rest_api'];

/** Trust and resource policies must not allow the wildcard principal without conditions. */
export const rule = terraformRule({
  id: 'terraform/iam-wildcard-principal',
  meta: {
    title: 'Policy allows any principal',
    description: 'A role trust policy or resource policy (queue, topic, key, repository, secret…) with Principal "*" and no Condition lets any AWS account, or anyone at all, use the resource.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_33' }, { tool: 'checkov', id: 'CKV_AWS_60' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const used of policiesOf(mod, TYPES)) {
      if (used.users.length > 0 && used.users.every((u) => ['aws_s3_bucket_policy', 'aws_s3_bucket'].includes(u.labels[0] ?? ''))) {
        continue;
      }
      const holders = used.resource ? [used.resource] : used.users;
      const vpcOnly = holders.length > 0 && holders.every(isVpcSearchDomain);
      const where = used.doc.dataSource ? `Policy document '${used.doc.dataSource.labels[1] ?? ''}'` : `Policy of '${used.resource?.labels.join('.') ?? ''}'`;
      for (const st of allows(used.doc)) {
        if (!st.hasCondition && publicPrincipal(st)) {
          ctx.report(used.doc.anchor, vpcOnly ? { range: st.principalRange ?? st.range, message: vpcMessage(where), severity: 'warning' } : { range: st.principalRange ?? st.range, message: message(where) });
        }
      }
    }
  },
});

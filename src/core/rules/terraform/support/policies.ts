import type { HclBlock } from '../../../parsers/terraform';
import type { PolicyDocument, PolicyStatement } from './policy';
import { policyOf, statementsOfDataSource } from './policy';
import type { TfModule } from './values';

/** Attributes holding IAM-style policy documents, by resource type. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_iam_policy: ['policy'],
  aws_iam_role_policy: ['policy'],
  aws_iam_user_policy: ['policy'],
  aws_iam_group_policy: ['policy'],
  aws_iam_role: ['assume_role_policy'],
  aws_s3_bucket_policy: ['policy'],
  aws_s3_bucket: ['policy'],
  aws_sqs_queue_policy: ['policy'],
  aws_sqs_queue: ['policy'],
  aws_sns_topic_policy: ['policy'],
  aws_sns_topic: ['policy'],
  aws_kms_key: ['policy'],
  aws_ecr_repository_policy: ['policy'],
  aws_secretsmanager_secret_policy: ['policy'],
  aws_secretsmanager_secret: ['policy'],
  aws_elasticsearch_domain_policy: ['access_policies'],
  aws_elasticsearch_domain: ['access_policies'],
  aws_opensearch_domain_policy: ['access_policies'],
  aws_opensearch_domain: ['access_policies'],
  aws_glacier_vault: ['access_policy'],
  aws_efs_file_system_policy: ['policy'],
  aws_cloudwatch_log_resource_policy: ['policy_document'],
  aws_api_gateway_rest_api_policy: ['policy'],
  aws_api_gateway_rest_api: ['policy'],
};

/** A policy document and where it is used. */
export interface UsedPolicy {
  /** The resource holding the policy attribute (undefined for a data source checked on its own). */
  resource?: HclBlock;
  /** For a data source: the resources of the file whose policy reads it. */
  users: HclBlock[];
  doc: PolicyDocument;
}

/**
 * Every policy document of a file: the policy attributes of the resource types above (inline
 * `inline_policy` blocks of roles too), and every aws_iam_policy_document data source once.
 * Documents read from a data source are reported at the data source, so each is listed once.
 */
export function policiesOf(mod: TfModule, types: readonly string[] = Object.keys(POLICY_ATTRIBUTES)): UsedPolicy[] {
  const out: UsedPolicy[] = [];
  const usedData = new Map<HclBlock, HclBlock[]>();
  for (const r of mod.resources(...Object.keys(POLICY_ATTRIBUTES))) {
    const attrs = POLICY_ATTRIBUTES[r.labels[0] ?? ''] ?? [];
    const holders = [r, ...(r.labels[0] === 'aws_iam_role' ? r.blocks.filter((b) => b.type === 'inline_policy') : [])];
    for (const h of holders) {
      for (const name of h === r ? attrs : ['policy']) {
        const a = h.attributes.find((x) => x.name === name);
        if (!a) {
          continue;
        }
        const doc = policyOf(mod, a);
        if (!doc) {
          continue;
        }
        if (doc.dataSource) {
          usedData.set(doc.dataSource, [...(usedData.get(doc.dataSource) ?? []), r]);
          continue;
        }
        if (types.includes(r.labels[0] ?? '')) {
          out.push({ resource: r, doc, users: [] });
        }
      }
    }
  }
  for (const d of mod.dataSources('aws_iam_policy_document')) {
    out.push({ users: usedData.get(d) ?? [], doc: { statements: statementsOfDataSource(mod, d), dataSource: d, anchor: d } });
  }
  return out;
}

/** Statements allowing something (Effect Allow or absent). */
export function allows(doc: PolicyDocument): PolicyStatement[] {
  return doc.statements.filter((s) => s.effect === 'Allow');
}

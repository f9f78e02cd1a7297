import type { Rule, RuleMeta } from '../rule';
import type { YamlFile } from '../parsers/yaml';
import { deref, get, isMap, isScalar, mapEntries, rangeOf } from '../parsers/yaml';
import { NESTED_YAML_ADAPTER, reportYamlPolicy } from './yaml';
import type { YamlSubject } from './yaml';
import type { Policy } from './types';

/**
 * Pulumi resource type tokens of the classic (bridged) providers → the Terraform resource type
 * they are built from. Written out one by one: a token missing here is not checked, so a policy
 * never runs on a resource whose schema it was not written for. Native providers (azure-native,
 * google-native, aws-native) are not bridged and never appear. Tokens of pulumi-aws 6 and 7
 * (the `…V2` S3 resources of 6 became the plain names in 7).
 */
const TOKENS: Readonly<Record<string, string>> = {
  // AWS
  'aws:rds/instance:Instance': 'aws_db_instance',
  'aws:rds/cluster:Cluster': 'aws_rds_cluster',
  'aws:rds/clusterInstance:ClusterInstance': 'aws_rds_cluster_instance',
  'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup': 'aws_default_security_group',
  'aws:ec2/networkAclRule:NetworkAclRule': 'aws_network_acl_rule',
  'aws:ec2/subnet:Subnet': 'aws_subnet',
  'aws:ebs/volume:Volume': 'aws_ebs_volume',
  'aws:s3/accessPoint:AccessPoint': 'aws_s3_access_point',
  'aws:s3/bucketOwnershipControls:BucketOwnershipControls': 'aws_s3_bucket_ownership_controls',
  'aws:s3/bucketObjectv2:BucketObjectv2': 'aws_s3_object',
  'aws:s3/bucketObject:BucketObject': 'aws_s3_bucket_object',
  'aws:sqs/queue:Queue': 'aws_sqs_queue',
  'aws:sns/topic:Topic': 'aws_sns_topic',
  'aws:kms/key:Key': 'aws_kms_key',
  'aws:lambda/function:Function': 'aws_lambda_function',
  'aws:lambda/functionUrl:FunctionUrl': 'aws_lambda_function_url',
  'aws:eks/cluster:Cluster': 'aws_eks_cluster',
  'aws:eks/nodeGroup:NodeGroup': 'aws_eks_node_group',
  'aws:cloudtrail/trail:Trail': 'aws_cloudtrail',
  'aws:lb/loadBalancer:LoadBalancer': 'aws_lb',
  'aws:alb/loadBalancer:LoadBalancer': 'aws_alb',
  'aws:elb/loadBalancer:LoadBalancer': 'aws_elb',
  'aws:dynamodb/table:Table': 'aws_dynamodb_table',
  'aws:ecr/repository:Repository': 'aws_ecr_repository',
  'aws:efs/fileSystem:FileSystem': 'aws_efs_file_system',
  'aws:cloudwatch/logGroup:LogGroup': 'aws_cloudwatch_log_group',
  'aws:secretsmanager/secret:Secret': 'aws_secretsmanager_secret',
  'aws:iam/accountPasswordPolicy:AccountPasswordPolicy': 'aws_iam_account_password_policy',
  'aws:elasticache/replicationGroup:ReplicationGroup': 'aws_elasticache_replication_group',
  'aws:redshift/cluster:Cluster': 'aws_redshift_cluster',
  'aws:opensearch/domain:Domain': 'aws_opensearch_domain',
  'aws:cloudfront/distribution:Distribution': 'aws_cloudfront_distribution',
  'aws:guardduty/detector:Detector': 'aws_guardduty_detector',
  'aws:kinesis/stream:Stream': 'aws_kinesis_stream',
  'aws:ssm/parameter:Parameter': 'aws_ssm_parameter',
  'aws:codebuild/project:Project': 'aws_codebuild_project',
  'aws:mq/broker:Broker': 'aws_mq_broker',
  'aws:msk/cluster:Cluster': 'aws_msk_cluster',
  'aws:docdb/cluster:Cluster': 'aws_docdb_cluster',
  'aws:neptune/cluster:Cluster': 'aws_neptune_cluster',
  'aws:sagemaker/notebookInstance:NotebookInstance': 'aws_sagemaker_notebook_instance',
  'aws:dms/replicationInstance:ReplicationInstance': 'aws_dms_replication_instance',
  'aws:athena/workgroup:Workgroup': 'aws_athena_workgroup',
  'aws:ecs/cluster:Cluster': 'aws_ecs_cluster',
  // Google Cloud
  'gcp:storage/bucket:Bucket': 'google_storage_bucket',
  'gcp:sql/databaseInstance:DatabaseInstance': 'google_sql_database_instance',
  'gcp:sql/user:User': 'google_sql_user',
  'gcp:container/cluster:Cluster': 'google_container_cluster',
  'gcp:container/nodePool:NodePool': 'google_container_node_pool',
  'gcp:compute/instance:Instance': 'google_compute_instance',
  'gcp:compute/instanceTemplate:InstanceTemplate': 'google_compute_instance_template',
  'gcp:compute/subnetwork:Subnetwork': 'google_compute_subnetwork',
  'gcp:kms/cryptoKey:CryptoKey': 'google_kms_crypto_key',
  'gcp:redis/instance:Instance': 'google_redis_instance',
  'gcp:bigquery/dataset:Dataset': 'google_bigquery_dataset',
  'gcp:dns/managedZone:ManagedZone': 'google_dns_managed_zone',
  'gcp:cloudfunctions/function:Function': 'google_cloudfunctions_function',
  // Azure (the classic provider, bridged from azurerm)
  'azure:storage/account:Account': 'azurerm_storage_account',
  'azure:storage/container:Container': 'azurerm_storage_container',
  'azure:keyvault/keyVault:KeyVault': 'azurerm_key_vault',
  'azure:keyvault/secret:Secret': 'azurerm_key_vault_secret',
  'azure:keyvault/key:Key': 'azurerm_key_vault_key',
  'azure:containerservice/kubernetesCluster:KubernetesCluster': 'azurerm_kubernetes_cluster',
  'azure:containerservice/registry:Registry': 'azurerm_container_registry',
  'azure:redis/cache:Cache': 'azurerm_redis_cache',
  'azure:mssql/server:Server': 'azurerm_mssql_server',
  'azure:cosmosdb/account:Account': 'azurerm_cosmosdb_account',
  'azure:postgresql/server:Server': 'azurerm_postgresql_server',
  'azure:mysql/server:Server': 'azurerm_mysql_server',
  'azure:compute/linuxVirtualMachine:LinuxVirtualMachine': 'azurerm_linux_virtual_machine',
  'azure:appservice/linuxWebApp:LinuxWebApp': 'azurerm_linux_web_app',
  'azure:appservice/windowsWebApp:WindowsWebApp': 'azurerm_windows_web_app',
};

/** Attributes the bridge renamed beyond lowerCamelCase, per Terraform type: attribute → property. */
const RENAMED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_db_instance: { name: 'dbName' },
  aws_lambda_function: { function_name: 'name' },
};

/**
 * The Terraform resource type a Pulumi type token is bridged from, or undefined when it is not
 * one of the mapped tokens. The short form `pkg:module:Type` names `pkg:module/type:Type`.
 */
export function terraformTypeOf(token: string): string | undefined {
  const t = token.trim();
  const short = /^([a-z][\w-]*):([a-z][\w]*):([A-Z]\w*)$/.exec(t);
  const full = short ? `${short[1]}:${short[2]}/${short[3][0].toLowerCase()}${short[3].slice(1)}:${short[3]}` : t;
  return Object.prototype.hasOwnProperty.call(TOKENS, full) ? TOKENS[full] : undefined;
}

/** The mapped type tokens built from these Terraform types (listed on the policy's page). */
export function pulumiTokensOf(types: readonly string[]): string[] {
  return Object.entries(TOKENS)
    .filter(([, t]) => types.includes(t))
    .map(([token]) => token);
}

/** Whether some mapped token builds one of these Terraform types (the docs say so on the page). */
export function checkedOnPulumi(types: readonly string[]): boolean {
  return Object.values(TOKENS).some((t) => types.includes(t));
}

/** `snake_case` → `lowerCamelCase`, the bridge's property naming. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The plural the bridge gives a repeated nested block (`ebs_block_device` → `ebsBlockDevices`). */
function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) {
    return `${name.slice(0, -1)}ies`;
  }
  return /(s|x|ch|sh)$/.test(name) ? `${name}es` : `${name}s`;
}

/**
 * The property names a Terraform attribute may have in a Pulumi program of `tfType`: its rename,
 * else its lowerCamelCase name, then that name's plural (repeated blocks). A map key (a segment
 * without `_`, e.g. `serial-port-enable`) is itself first.
 */
export function propertyNames(tfType: string, attribute: string): string[] {
  const renamed = RENAMED[tfType]?.[attribute];
  if (renamed) {
    return [renamed];
  }
  const camel = camelCase(attribute);
  return camel === attribute && !/^[a-z][a-zA-Z0-9]*$/.test(attribute) ? [attribute] : [camel, plural(camel)];
}

/**
 * A value computed when the program runs: an interpolation (`${bucket.arn}`, `${pulumi.stack}`),
 * or a built-in function call (a map with an `fn::` key).
 */
export function isPulumiExpression(node: unknown): boolean {
  if (isScalar(node)) {
    return typeof node.value === 'string' && node.value.includes('${');
  }
  return isMap(node) && node.items.some((p) => isScalar(p.key) && String(p.key.value).startsWith('fn::'));
}

/** Whether a Pulumi YAML file holds a program: `Main.yaml`, or a project file with `runtime: yaml`. */
function isProgram(path: string, file: YamlFile): boolean {
  const name = path.replace(/\\/g, '/').replace(/^.*\//, '');
  if (/^Main\.ya?ml$/.test(name)) {
    return true;
  }
  if (!/^Pulumi\.ya?ml$/.test(name)) {
    return false;
  }
  const doc = file.documents[0];
  const runtime = deref(get(doc?.contents, 'runtime', doc), doc);
  const value = isMap(runtime) ? deref(get(runtime, 'name', doc), doc) : runtime;
  return isScalar(value) && value.value === 'yaml';
}

/** Run a Terraform policy over the resources of a Pulumi YAML program. */
export function checkPulumiPolicy(policy: Policy, ctx: Parameters<Rule<YamlFile>['check']>[0]): void {
  const subject = policy.subject;
  if (subject.kind !== 'terraform' || !('resources' in subject) || !isProgram(ctx.path, ctx.model)) {
    return;
  }
  const report = reportYamlPolicy(policy, ctx, NESTED_YAML_ADAPTER);
  for (const doc of ctx.model.documents) {
    for (const r of mapEntries(get(doc.contents, 'resources', doc), doc)) {
      const type = deref(get(r.value, 'type', doc), doc);
      const token = isScalar(type) && typeof type.value === 'string' ? type.value : undefined;
      const tfType = token === undefined ? undefined : terraformTypeOf(token);
      // a `get:` resource reads an existing resource: the program does not set its properties
      if (token === undefined || !tfType || !subject.resources.includes(tfType) || get(r.value, 'get', doc) !== undefined) {
        continue;
      }
      const s: YamlSubject = {
        file: ctx.model,
        doc,
        node: get(r.value, 'properties', doc),
        header: rangeOf(ctx.model, r.pair.key),
        keys: (segment) => propertyNames(tfType, segment),
        opaque: isPulumiExpression,
      };
      report(s, r.key, token);
    }
  }
}

/** A Terraform policy's companion rule on Pulumi YAML programs: same id and text, kind `pulumi`. */
export function pulumiPolicyRule(policy: Policy, meta: RuleMeta): Rule<YamlFile> {
  return { id: policy.id, meta: { ...meta, kind: 'pulumi' }, check: (ctx) => checkPulumiPolicy(policy, ctx) };
}

import type { Scalar } from './types';

/**
 * What a widely used registry module does with its inputs: which resources it creates, which
 * input sets which attribute of them, and the input defaults that matter when an input is not
 * passed. Policies on those resources are checked on the module block through this map; an
 * attribute with no mapped input, or an unpassed input whose default is not listed, is unknown
 * (the policy stays silent).
 */
export interface ModuleSpec {
  /** Registry address, `namespace/name/provider`. */
  source: string;
  /** Resource types whose policies apply to the module's inputs. */
  resources: readonly string[];
  /** Resource attribute path → module input. */
  /** Resource attribute path → module input (null: the module never sets that attribute). */
  inputs: Readonly<Record<string, string | null>>;
  /** Module input → its default in the module (only defaults known for every current major version). */
  defaults: Readonly<Record<string, Scalar>>;
}

/** The terraform-aws-modules modules most teams start from. */
export const MODULES: readonly ModuleSpec[] = [
  {
    source: 'terraform-aws-modules/rds/aws',
    resources: ['aws_db_instance'],
    inputs: {
      backup_retention_period: 'backup_retention_period',
      storage_encrypted: 'storage_encrypted',
      kms_key_id: 'kms_key_id',
      publicly_accessible: 'publicly_accessible',
      deletion_protection: 'deletion_protection',
      iam_database_authentication_enabled: 'iam_database_authentication_enabled',
      multi_az: 'multi_az',
      auto_minor_version_upgrade: 'auto_minor_version_upgrade',
      copy_tags_to_snapshot: 'copy_tags_to_snapshot',
      performance_insights_enabled: 'performance_insights_enabled',
      performance_insights_kms_key_id: 'performance_insights_kms_key_id',
      monitoring_interval: 'monitoring_interval',
      replicate_source_db: 'replicate_source_db',
      replication_source_identifier: null,
      engine: 'engine',
    },
    defaults: { storage_encrypted: true, publicly_accessible: false, replicate_source_db: null },
  },
  {
    source: 'terraform-aws-modules/rds-aurora/aws',
    resources: ['aws_rds_cluster'],
    inputs: {
      backup_retention_period: 'backup_retention_period',
      storage_encrypted: 'storage_encrypted',
      kms_key_id: 'kms_key_id',
      deletion_protection: 'deletion_protection',
      iam_database_authentication_enabled: 'iam_database_authentication_enabled',
      copy_tags_to_snapshot: 'copy_tags_to_snapshot',
      replication_source_identifier: 'replication_source_identifier',
      replicate_source_db: null,
      engine: 'engine',
    },
    defaults: { storage_encrypted: true, replication_source_identifier: null },
  },
  {
    source: 'terraform-aws-modules/s3-bucket/aws',
    resources: ['aws_s3_bucket'],
    inputs: {
      force_destroy: 'force_destroy',
      object_lock_enabled: 'object_lock_enabled',
    },
    defaults: {},
  },
  {
    source: 'terraform-aws-modules/eks/aws',
    resources: ['aws_eks_cluster'],
    inputs: {
      'vpc_config.endpoint_public_access': 'cluster_endpoint_public_access',
      'vpc_config.public_access_cidrs': 'cluster_endpoint_public_access_cidrs',
      enabled_cluster_log_types: 'cluster_enabled_log_types',
    },
    defaults: {},
  },
  {
    source: 'terraform-aws-modules/lambda/aws',
    resources: ['aws_lambda_function'],
    inputs: {
      kms_key_arn: 'kms_key_arn',
      'tracing_config.mode': 'tracing_mode',
      runtime: 'runtime',
      reserved_concurrent_executions: 'reserved_concurrent_executions',
    },
    defaults: {},
  },
  {
    source: 'terraform-aws-modules/alb/aws',
    resources: ['aws_lb'],
    inputs: {
      drop_invalid_header_fields: 'drop_invalid_header_fields',
      enable_deletion_protection: 'enable_deletion_protection',
      internal: 'internal',
    },
    defaults: {},
  },
  {
    source: 'terraform-aws-modules/vpc/aws',
    resources: ['aws_vpc'],
    inputs: {
      enable_dns_support: 'enable_dns_support',
    },
    defaults: {},
  },
];

/**
 * The registry address of a module source, for the forms people write: the registry address
 * (with a `//submodule` suffix), and the module's Git repository (`terraform-aws-modules/terraform-aws-rds`).
 */
export function registryAddress(source: string): string | undefined {
  const s = source.trim();
  const reg = /^(?:[a-z0-9.-]+\.[a-z]{2,}\/)?([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\/([a-z0-9]+)(?:\/\/[^?]*)?(?:\?.*)?$/.exec(s);
  if (reg && !s.includes('::') && !s.startsWith('.')) {
    // a submodule (`//modules/x`) is another module: its inputs differ
    return /\/\//.test(s) ? undefined : `${reg[1]}/${reg[2]}/${reg[3]}`;
  }
  const git = /(?:^|[/:])([A-Za-z0-9_-]+)\/terraform-([a-z0-9]+)-([A-Za-z0-9_-]+?)(?:\.git)?(?:\?[^/]*)?$/.exec(s);
  return git ? `${git[1]}/${git[3]}/${git[2]}` : undefined;
}

/** The spec of a module source, when it is one of the mapped modules. */
export function moduleSpec(source: string): ModuleSpec | undefined {
  const address = registryAddress(source);
  return address ? MODULES.find((m) => m.source === address) : undefined;
}

import type { AnyRule } from '../../rule';
import { rule as azureNsgOpenAdminPort } from './azure-nsg-open-admin-port';
import { rule as azureStorageInsecureTransport } from './azure-storage-insecure-transport';
import { rule as cloudtrailLoggingDisabled } from './cloudtrail-logging-disabled';
import { rule as cloudtrailNoLogValidation } from './cloudtrail-no-log-validation';
import { rule as cloudtrailNotMultiRegion } from './cloudtrail-not-multi-region';
import { rule as cloudwatchLogGroupNoRetention } from './cloudwatch-log-group-no-retention';
import { rule as dynamodbNoPointInTimeRecovery } from './dynamodb-no-point-in-time-recovery';
import { rule as dynamodbNotEncrypted } from './dynamodb-not-encrypted';
import { rule as ebsNotEncrypted } from './ebs-not-encrypted';
import { rule as ec2Imdsv1Enabled } from './ec2-imdsv1-enabled';
import { rule as ec2PublicIp } from './ec2-public-ip';
import { rule as ecrMutableTags } from './ecr-mutable-tags';
import { rule as ecrNoScanOnPush } from './ecr-no-scan-on-push';
import { rule as efsNotEncrypted } from './efs-not-encrypted';
import { rule as eksPublicEndpoint } from './eks-public-endpoint';
import { rule as elasticacheNotEncrypted } from './elasticache-not-encrypted';
import { rule as gcpFirewallOpenToWorld } from './gcp-firewall-open-to-world';
import { rule as gcpStorageBucketPublic } from './gcp-storage-bucket-public';
import { rule as iamPolicyAttachedToUser } from './iam-policy-attached-to-user';
import { rule as iamPrivilegeEscalation } from './iam-privilege-escalation';
import { rule as iamPolicyWildcardAdmin } from './iam-policy-wildcard-admin';
import { rule as iamWildcardPrincipal } from './iam-wildcard-principal';
import { rule as kmsKeyRotationDisabled } from './kms-key-rotation-disabled';
import { rule as lambdaPermissionUnrestricted } from './lambda-permission-unrestricted';
import { rule as lbListenerOutdatedTls } from './lb-listener-outdated-tls';
import { rule as lbListenerPlainHttp } from './lb-listener-plain-http';
import { rule as missingBackend } from './missing-backend';
import { rule as moduleSourceUnpinned } from './module-source-unpinned';
import { rule as noCommittedState } from './no-committed-state';
import { rule as opensearchNotEncrypted } from './opensearch-not-encrypted';
import { rule as outputSecretNotSensitive } from './output-secret-not-sensitive';
import { rule as providerHardcodedCredentials } from './provider-hardcoded-credentials';
import { rule as providerVersionUnpinned } from './provider-version-unpinned';
import { rule as rdsNoDeletionProtection } from './rds-no-deletion-protection';
import { rule as rdsPubliclyAccessible } from './rds-publicly-accessible';
import { rule as rdsStorageNotEncrypted } from './rds-storage-not-encrypted';
import { rule as resourceHardcodedSecret } from './resource-hardcoded-secret';
import { rule as s3BucketNoAccessLogging } from './s3-bucket-no-access-logging';
import { rule as s3BucketNoEncryption } from './s3-bucket-no-encryption';
import { rule as s3BucketNoPublicAccessBlock } from './s3-bucket-no-public-access-block';
import { rule as s3BucketNoVersioning } from './s3-bucket-no-versioning';
import { rule as s3BucketPublicAcl } from './s3-bucket-public-acl';
import { rule as s3BucketPublicPolicy } from './s3-bucket-public-policy';
import { rule as securityGroupMissingDescription } from './security-group-missing-description';
import { rule as securityGroupOpenAllPorts } from './security-group-open-all-ports';
import { rule as securityGroupOpenRdp } from './security-group-open-rdp';
import { rule as securityGroupOpenSsh } from './security-group-open-ssh';
import { rule as snsTopicNotEncrypted } from './sns-topic-not-encrypted';
import { rule as sqsQueueNotEncrypted } from './sqs-queue-not-encrypted';
import { rule as variableSecretDefault } from './variable-secret-default';

/**
 * The Terraform rule pack. Most rules are folder rules over a whole module (locals, variable
 * defaults, dynamic blocks and companion resources resolved across its .tf files); the fixable
 * ones and no-committed-state are file rules. See docs/rules/terraform/README.md.
 */
export const TERRAFORM_RULES: readonly AnyRule[] = [
  azureNsgOpenAdminPort,
  azureStorageInsecureTransport,
  cloudtrailLoggingDisabled,
  cloudtrailNoLogValidation,
  cloudtrailNotMultiRegion,
  cloudwatchLogGroupNoRetention,
  dynamodbNoPointInTimeRecovery,
  dynamodbNotEncrypted,
  ebsNotEncrypted,
  ec2Imdsv1Enabled,
  ec2PublicIp,
  ecrMutableTags,
  ecrNoScanOnPush,
  efsNotEncrypted,
  eksPublicEndpoint,
  elasticacheNotEncrypted,
  gcpFirewallOpenToWorld,
  gcpStorageBucketPublic,
  iamPolicyAttachedToUser,
  iamPolicyWildcardAdmin,
  iamPrivilegeEscalation,
  iamWildcardPrincipal,
  kmsKeyRotationDisabled,
  lambdaPermissionUnrestricted,
  lbListenerOutdatedTls,
  lbListenerPlainHttp,
  missingBackend,
  moduleSourceUnpinned,
  noCommittedState,
  opensearchNotEncrypted,
  outputSecretNotSensitive,
  providerHardcodedCredentials,
  providerVersionUnpinned,
  rdsNoDeletionProtection,
  rdsPubliclyAccessible,
  rdsStorageNotEncrypted,
  resourceHardcodedSecret,
  s3BucketNoAccessLogging,
  s3BucketNoEncryption,
  s3BucketNoPublicAccessBlock,
  s3BucketNoVersioning,
  s3BucketPublicAcl,
  s3BucketPublicPolicy,
  securityGroupMissingDescription,
  securityGroupOpenAllPorts,
  securityGroupOpenRdp,
  securityGroupOpenSsh,
  snsTopicNotEncrypted,
  sqsQueueNotEncrypted,
  variableSecretDefault,
];

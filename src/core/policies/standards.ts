import type { StandardId } from './types';

/**
 * Controls of the standards the catalog follows that no policy cites: checked by a hand-written
 * rule (`rules`), or not checkable from the files of a repository (`reason`).
 */
export interface ControlNote {
  standard: StandardId;
  control: string;
  title: string;
  rules?: readonly string[];
  reason?: string;
}

const ACCOUNT = 'an account setting or activity, not in the infrastructure code of a repository';

/** Notes completing the tables of docs/rules/README.md. */
export const CONTROL_NOTES: readonly ControlNote[] = [
  { standard: 'cis-aws', control: '1.4', title: 'No root user access key', reason: ACCOUNT },
  { standard: 'cis-aws', control: '1.5', title: 'MFA for the root user', reason: ACCOUNT },
  { standard: 'cis-aws', control: '1.10', title: 'MFA for console users', reason: 'MFA devices are enrolled by users, not declared in Terraform' },
  { standard: 'cis-aws', control: '1.12', title: 'Unused credentials disabled', reason: 'needs the credential report (last use), a runtime fact' },
  { standard: 'cis-aws', control: '1.15', title: 'Permissions through groups only', rules: ['terraform/iam-policy-attached-to-user'] },
  { standard: 'cis-aws', control: '1.16', title: 'No full "*:*" administrative policies', rules: ['terraform/iam-policy-wildcard-admin', 'terraform/iam-privilege-escalation'] },
  { standard: 'cis-aws', control: '2.1.1', title: 'S3 denies HTTP requests', rules: ['terraform/module-s3-no-tls-policy'] },
  { standard: 'cis-aws', control: '2.1.4', title: 'S3 Block Public Access', rules: ['terraform/s3-bucket-no-public-access-block'] },
  { standard: 'cis-aws', control: '2.2.1', title: 'EBS encryption', rules: ['terraform/ebs-not-encrypted'] },
  { standard: 'cis-aws', control: '2.3.1', title: 'RDS encryption at rest', rules: ['terraform/rds-storage-not-encrypted'] },
  { standard: 'cis-aws', control: '2.3.3', title: 'RDS not publicly accessible', rules: ['terraform/rds-publicly-accessible'] },
  { standard: 'cis-aws', control: '2.4.1', title: 'EFS encryption', rules: ['terraform/efs-not-encrypted'] },
  { standard: 'cis-aws', control: '3.1', title: 'CloudTrail in all regions', rules: ['terraform/cloudtrail-not-multi-region', 'terraform/cloudtrail-logging-disabled'] },
  { standard: 'cis-aws', control: '3.2', title: 'CloudTrail log file validation', rules: ['terraform/cloudtrail-no-log-validation'] },
  { standard: 'cis-aws', control: '3.4', title: 'Access logging on the CloudTrail bucket', rules: ['terraform/s3-bucket-no-access-logging'] },
  { standard: 'cis-aws', control: '3.6', title: 'KMS key rotation', rules: ['terraform/kms-key-rotation-disabled'] },
  { standard: 'cis-aws', control: '3.7', title: 'VPC flow logs', reason: 'a VPC and its flow log are often in different stacks; a VPC without one in its folder is not proof of absence' },
  { standard: 'cis-aws', control: '4.1–4.15', title: 'Metric filters and alarms on the trail', reason: 'each needs a metric filter with a given pattern, an alarm and a subscribed topic, usually in a central security stack; only their parts are checked (cloudwatch-alarm-no-actions, cloudtrail-no-cloudwatch-logs)' },
  { standard: 'cis-aws', control: '5.2', title: 'No admin ports open to 0.0.0.0/0', rules: ['terraform/security-group-open-ssh', 'terraform/security-group-open-rdp', 'terraform/security-group-open-all-ports'] },
  { standard: 'cis-aws', control: '5.6', title: 'IMDSv2 required', rules: ['terraform/ec2-imdsv1-enabled'] },
  { standard: 'aws-fsbp', control: 'S3.1–S3.3', title: 'S3 public access', rules: ['terraform/s3-bucket-no-public-access-block', 'terraform/s3-bucket-public-acl', 'terraform/s3-bucket-public-policy'] },
  { standard: 'aws-fsbp', control: 'RDS.2', title: 'RDS not public', rules: ['terraform/rds-publicly-accessible'] },
  { standard: 'aws-fsbp', control: 'RDS.8', title: 'RDS deletion protection', rules: ['terraform/rds-no-deletion-protection'] },
  { standard: 'aws-fsbp', control: 'SQS.1', title: 'SQS encryption', rules: ['terraform/sqs-queue-not-encrypted'] },
  { standard: 'aws-fsbp', control: 'SNS.1', title: 'SNS encryption', rules: ['terraform/sns-topic-not-encrypted'] },
  { standard: 'aws-fsbp', control: 'DynamoDB.2', title: 'DynamoDB point-in-time recovery', rules: ['terraform/dynamodb-no-point-in-time-recovery'] },
  { standard: 'aws-fsbp', control: 'EC2.8', title: 'IMDSv2', rules: ['terraform/ec2-imdsv1-enabled'] },
  { standard: 'aws-fsbp', control: 'ECR.1', title: 'ECR image scanning', rules: ['terraform/ecr-no-scan-on-push'] },
  { standard: 'aws-fsbp', control: 'ECR.2', title: 'ECR tag immutability', rules: ['terraform/ecr-mutable-tags'] },
  { standard: 'aws-fsbp', control: 'IAM.1', title: 'No full administrative policies', rules: ['terraform/iam-policy-wildcard-admin'] },
  { standard: 'aws-fsbp', control: 'IAM.6', title: 'Hardware MFA for root', reason: ACCOUNT },
  { standard: 'aws-fsbp', control: 'KMS.4', title: 'KMS rotation', rules: ['terraform/kms-key-rotation-disabled'] },
  { standard: 'pss', control: 'baseline: Host Namespaces', title: 'hostNetwork, hostPID, hostIPC', rules: ['kubernetes/host-network', 'kubernetes/host-pid', 'kubernetes/host-ipc'] },
  { standard: 'pss', control: 'baseline: Privileged Containers', title: 'privileged', rules: ['kubernetes/privileged-container'] },
  { standard: 'pss', control: 'baseline: Capabilities', title: 'added capabilities', rules: ['kubernetes/dangerous-capabilities'] },
  { standard: 'pss', control: 'baseline: HostPath Volumes', title: 'hostPath', rules: ['kubernetes/host-path-volume'] },
  { standard: 'pss', control: 'baseline: Host Ports', title: 'hostPort', rules: ['kubernetes/host-port'] },
  { standard: 'pss', control: 'baseline: /proc Mount Type', title: 'procMount', rules: ['kubernetes/unmasked-proc-mount'] },
  { standard: 'pss', control: 'baseline: Seccomp', title: 'Unconfined seccomp', rules: ['kubernetes/missing-seccomp-profile'] },
  { standard: 'pss', control: 'baseline: Sysctls', title: 'unsafe sysctls', rules: ['kubernetes/unsafe-sysctls'] },
  { standard: 'pss', control: 'baseline: HostProcess', title: 'Windows HostProcess containers', reason: 'not yet a rule: Windows pods are skipped by the Linux checks' },
  { standard: 'pss', control: 'restricted: Privilege Escalation', title: 'allowPrivilegeEscalation: false', rules: ['kubernetes/allow-privilege-escalation'] },
  { standard: 'pss', control: 'restricted: Running as Non-root', title: 'runAsNonRoot', rules: ['kubernetes/run-as-root'] },
  { standard: 'pss', control: 'restricted: Seccomp', title: 'RuntimeDefault or Localhost', rules: ['kubernetes/missing-seccomp-profile'] },
  { standard: 'pss', control: 'restricted: Capabilities', title: 'drop ALL', rules: ['kubernetes/capabilities-not-dropped'] },
  { standard: 'nsa-k8s', control: 'Immutable container file systems', title: 'readOnlyRootFilesystem', rules: ['kubernetes/writable-root-filesystem'] },
  { standard: 'nsa-k8s', control: 'Network separation', title: 'NetworkPolicies', rules: ['kubernetes/missing-network-policy'] },
  { standard: 'nsa-k8s', control: 'Resource policies', title: 'requests and limits', rules: ['kubernetes/missing-cpu-request', 'kubernetes/missing-memory-limit'] },
  { standard: 'nsa-k8s', control: 'Authentication and authorization', title: 'RBAC', rules: ['kubernetes/rbac-wildcard', 'kubernetes/cluster-admin-binding', 'kubernetes/rbac-secrets-access'] },
  { standard: 'cis-docker', control: '5.4', title: 'Privileged containers', rules: ['compose/privileged'] },
  { standard: 'cis-docker', control: '5.9', title: 'Host network namespace', rules: ['compose/host-namespace'] },
  { standard: 'cis-docker', control: '5.10–5.11', title: 'Memory and CPU limits', rules: ['compose/no-resource-limits'] },
  { standard: 'cis-docker', control: '5.15–5.16', title: 'Host PID and IPC namespaces', rules: ['compose/host-namespace'] },
  { standard: 'cis-docker', control: '5.21', title: 'Default seccomp profile', rules: ['compose/unconfined-security-opt'] },
  { standard: 'cis-docker', control: '5.25', title: 'no-new-privileges', reason: 'a team choice rather than a defect on development stacks and override files; add it as your own policy (docs/policies.md shows how)' },
  { standard: 'cis-docker', control: '5.28', title: 'pids limit', reason: 'as 5.25: a policy of your own where you want it' },
  { standard: 'cis-docker', control: '5.31', title: 'Docker socket not mounted', rules: ['compose/docker-socket'] },
  { standard: 'cis-docker', control: '4.1', title: 'A non-root user', rules: ['compose/user-root', 'dockerfile/run-as-root'] },
  { standard: 'cis-docker', control: '4.6', title: 'HEALTHCHECK', rules: ['compose/no-healthcheck', 'dockerfile/missing-healthcheck'] },
  { standard: 'cis-docker', control: '4.2', title: 'Trusted base images', reason: 'which registries and publishers are trusted is an organisation\'s list, not in the repository; dockerfile/no-digest-pin and dockerfile/no-latest-tag check that the base is at least fixed' },
  { standard: 'cis-docker', control: '4.3', title: 'No unnecessary packages', rules: ['dockerfile/apt-no-install-recommends', 'dockerfile/build-tools-in-final-image'] },
  { standard: 'cis-docker', control: '4.4', title: 'Images scanned and rebuilt with security patches', reason: 'a registry and pipeline practice; the vulnerabilities of the built image are not in its Dockerfile' },
  { standard: 'cis-docker', control: '4.5', title: 'Content trust enabled', reason: 'a setting of the Docker client that builds and pulls, not of the files analysed' },
  { standard: 'cis-docker', control: '4.7', title: 'Update instructions not alone', rules: ['dockerfile/update-without-install', 'dockerfile/refresh-without-install'] },
  { standard: 'cis-docker', control: '4.8', title: 'setuid and setgid removed', rules: ['dockerfile/chmod-setuid'] },
  { standard: 'cis-docker', control: '4.9', title: 'COPY instead of ADD', rules: ['dockerfile/add-instead-of-copy', 'dockerfile/add-url-without-checksum'] },
  { standard: 'cis-docker', control: '4.10', title: 'No secrets in Dockerfiles', rules: ['dockerfile/secret-in-env', 'dockerfile/secret-build-arg', 'dockerfile/secret-env-from-arg', 'dockerfile/secret-file-copied'] },
  { standard: 'cis-docker', control: '4.11', title: 'Only verified packages', rules: ['dockerfile/package-signature-disabled', 'dockerfile/tls-verification-disabled', 'dockerfile/apt-key-deprecated'] },
  { standard: 'nsa-k8s', control: 'Audit logging', title: 'API server audit policy', reason: 'control-plane flags and audit policy files are not among the files analysed yet' },
];

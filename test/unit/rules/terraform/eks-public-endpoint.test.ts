import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/eks-public-endpoint';

tfTable('terraform/eks-public-endpoint', [
  { what: 'public endpoint by default', input: `resource "aws_eks_cluster" "main" {\n  name     = "main"\n  role_arn = aws_iam_role.eks.arn\n  vpc_config {\n    subnet_ids = var.subnet_ids\n  }\n}\n`, want: [4], messages: [message('main')] },
  { what: 'public endpoint explicitly on', input: `resource "aws_eks_cluster" "main" {\n  vpc_config {\n    subnet_ids             = var.subnet_ids\n    endpoint_public_access = true\n  }\n}\n`, want: [4] },
  { what: 'public CIDRs include everyone', input: `resource "aws_eks_cluster" "main" {\n  vpc_config {\n    endpoint_public_access = true\n    public_access_cidrs    = ["0.0.0.0/0"]\n  }\n}\n`, want: [4] },
  { what: 'CIDRs through a variable default', files: { 'main.tf': `resource "aws_eks_cluster" "main" {\n  vpc_config {\n    public_access_cidrs = var.cidrs\n  }\n}\n`, 'variables.tf': `variable "cidrs" {\n  default = ["0.0.0.0/0"]\n}\n` }, want: { 'main.tf': [3], 'variables.tf': [] } },
  { what: 'private endpoint', input: `resource "aws_eks_cluster" "main" {\n  vpc_config {\n    endpoint_private_access = true\n    endpoint_public_access  = false\n  }\n}\n`, want: [] },
  { what: 'public endpoint restricted to an office', input: `resource "aws_eks_cluster" "main" {\n  vpc_config {\n    endpoint_public_access = true\n    public_access_cidrs    = ["203.0.113.0/24"]\n  }\n}\n`, want: [] },
]);

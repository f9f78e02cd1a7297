# Demo module with typical misconfigurations (run `aurora-devops check examples/terraform`).
terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region     = var.region
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

locals {
  name        = "shop-${var.environment}"
  admin_cidrs = ["0.0.0.0/0"]
  ingress = [
    { port = 443, cidrs = ["0.0.0.0/0"], description = "HTTPS from anywhere" },
    { port = 22, cidrs = local.admin_cidrs, description = "SSH for operators" },
  ]
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"

  name = local.name
  cidr = "10.20.0.0/16"
}

module "tags" {
  source = "git::https://github.com/example-org/terraform-tags.git?ref=main"
}

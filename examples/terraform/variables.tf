variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "dev"
}

variable "db_password" {
  type    = string
  default = "Sup3rS3cret!2024"
}

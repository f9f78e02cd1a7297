resource "aws_db_instance" "orders" {
  identifier              = "${local.name}-orders"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "orders"
  password                = var.db_password
  publicly_accessible     = true
  backup_retention_period = 0
  skip_final_snapshot     = true
}

resource "aws_iam_policy" "deploy" {
  name   = "${local.name}-deploy"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*"
        }
      ]
    }
  EOT
}

resource "aws_iam_user_policy_attachment" "ci" {
  user       = "ci-bot"
  policy_arn = aws_iam_policy.deploy.arn
}

output "db_password" {
  value = aws_db_instance.orders.password
}

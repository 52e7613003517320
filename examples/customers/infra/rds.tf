# The database instance of the customers platform: the article's rds.tf ("IaC for Data", layer 1),
# with the variables it uses declared and the outputs Strata reads. Terraform makes the instance;
# Strata converges what is inside it. strata.yaml's `prod` environment reads the outputs below:
#
#   url:      jdbc:mysql://${terraform:infra/db_endpoint}/${terraform:infra/db_name}
#   user:     ${terraform:infra/db_username}
#   password: ${terraform:infra/db_password}
#
# so `strata --env prod plan` runs `terraform output -json` here (after `terraform init`) and
# converges the instance this file made, not one typed into a setting by hand.

terraform {
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "db_username" {
  type    = string
  default = "strata"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "private_subnet_ids" {
  type = list(string)
}

resource "aws_db_instance" "analytics" {
  identifier        = "analytics-db"
  engine            = "mysql"
  engine_version    = "8.0"
  instance_class    = "db.t3.medium"
  db_name           = "analytics"
  username          = var.db_username
  password          = var.db_password
  allocated_storage = 50
  storage_type      = "gp3"

  # Not in the article: without it the subnet group below would be declared but unused.
  db_subnet_group_name = aws_db_subnet_group.analytics.name

  backup_retention_period   = 7
  skip_final_snapshot       = false
  final_snapshot_identifier = "analytics-db-final"

  tags = {
    Environment = var.environment
    ManagedBy   = "terraform"
  }
}

resource "aws_db_subnet_group" "analytics" {
  name       = "analytics-subnet-group"
  subnet_ids = var.private_subnet_ids

  tags = {
    ManagedBy = "terraform"
  }
}

# What Strata needs to reach the instance. Each is one string: a setting takes a string, number or
# bool output, never a list or an object.

output "db_endpoint" {
  description = "HOST:PORT of the instance."
  value       = aws_db_instance.analytics.endpoint
}

output "db_name" {
  value = aws_db_instance.analytics.db_name
}

output "db_username" {
  value = aws_db_instance.analytics.username
}

# Sensitive, so Strata treats it as a secret: it may only be read by a `password` setting, and it
# is never printed.
output "db_password" {
  value     = var.db_password
  sensitive = true
}

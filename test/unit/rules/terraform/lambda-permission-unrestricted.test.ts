import { tfTable } from './tf-table';
import { message } from '../../../../src/core/rules/terraform/lambda-permission-unrestricted';

tfTable('terraform/lambda-permission-unrestricted', [
  { what: 'any principal', input: `resource "aws_lambda_permission" "public" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.f.function_name\n  principal     = "*"\n}\n`, want: [4], messages: [message('public', 'public')] },
  { what: 'service principal without source_arn', input: `resource "aws_lambda_permission" "s3" {\n  statement_id  = "AllowS3"\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.f.function_name\n  principal     = "s3.amazonaws.com"\n}\n`, want: [1], messages: [message('s3', 'no-source')] },
  { what: 'principal through a local', input: `locals {\n  caller = "sns.amazonaws.com"\n}\nresource "aws_lambda_permission" "sns" {\n  function_name = aws_lambda_function.f.function_name\n  principal     = local.caller\n}\n`, want: [4] },
  { what: 'service principal with source_arn', input: `resource "aws_lambda_permission" "sns" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.f.function_name\n  principal     = "sns.amazonaws.com"\n  source_arn    = aws_sns_topic.t.arn\n}\n`, want: [] },
  { what: 'another account', input: `resource "aws_lambda_permission" "acct" {\n  function_name = aws_lambda_function.f.function_name\n  principal     = "123456789012"\n}\n`, want: [] },
]);

import { terraformRule } from './support/rule';
import { str } from './support/values';

/** The message for a Lambda permission that any account or resource can use. */
export function message(name: string, why: 'public' | 'no-source'): string {
  if (why === 'public') {
    return `Permission '${name}' lets any principal ("*") invoke the function: name the account or service that may call it`;
  }
  return `Permission '${name}' grants a service without source_arn: any resource of that service, in any account, can invoke the function; set source_arn (and source_account)`;
}

/** Lambda permissions must name their principal and, for services, the source resource. */
export const rule = terraformRule({
  id: 'terraform/lambda-permission-unrestricted',
  meta: {
    title: 'Lambda permission is not restricted',
    description: 'A permission for principal "*", or for a service principal such as s3.amazonaws.com without source_arn, lets resources in other accounts invoke the function (confused deputy).',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'tfsec', id: 'aws-lambda-restrict-source-arn' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const p of mod.resources('aws_lambda_permission')) {
      const principal = mod.attr(p, 'principal');
      const v = str(principal?.value);
      if (!principal || v === undefined) {
        continue;
      }
      const name = p.labels[1] ?? '';
      if (v === '*') {
        // a function URL with IAM auth still checks signatures; a public URL is a deliberate choice reported here
        if (mod.attr(p, 'principal_org_id') || mod.attr(p, 'source_account') || mod.attr(p, 'source_arn')) {
          continue;
        }
        ctx.report(principal.attr, { range: ctx.at(principal.attr), message: message(name, 'public') });
      } else if (/\.amazonaws\.com(\.cn)?$/.test(v) && !mod.attr(p, 'source_arn') && !mod.attr(p, 'source_account')) {
        ctx.report(p, { range: p.headerRange, message: message(name, 'no-source') });
      }
    }
  },
});

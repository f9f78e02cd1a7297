import { terraformFileRule } from './support/rule';
import { insertAttributes } from './support/report';
import { str } from './support/values';

/** The message for instances that still answer IMDSv1 requests. */
export function message(name: string): string {
  return `'${name}' allows IMDSv1: set metadata_options { http_tokens = "required" } so a server-side request forgery cannot read the instance credentials`;
}

/** Instances, launch templates and launch configurations must require IMDSv2 tokens. */
export const rule = terraformFileRule({
  id: 'terraform/ec2-imdsv1-enabled',
  meta: {
    title: 'EC2 instance metadata allows IMDSv1',
    description: 'IMDSv1 answers any GET request, so an SSRF bug in an application hands out the instance role credentials. IMDSv2 requires a session token.',
    severity: 'warning',
    kind: 'terraform',
    fixable: true,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_79' }, { tool: 'tfsec', id: 'aws-ec2-enforce-http-token-imds' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const r of mod.resources('aws_instance', 'aws_launch_template', 'aws_launch_configuration')) {
      const name = r.labels.join('.');
      // an instance started from a launch template takes its metadata options from the template
      if (r.labels[0] === 'aws_instance' && mod.nested(r, 'launch_template').length > 0) {
        continue;
      }
      const opts = mod.nested(r, 'metadata_options');
      if (opts.length === 0) {
        ctx.report(r, { range: r.headerRange, message: message(name), fix: insertAttributes(ctx.mod.modelOf(r).index, r, ['metadata_options {', '  http_tokens = "required"', '}'], 'Require IMDSv2 tokens', false) });
        continue;
      }
      for (const o of opts) {
        if (str(mod.attr(o, 'http_endpoint')?.value) === 'disabled') {
          continue;
        }
        const tokens = mod.attr(o, 'http_tokens');
        const v = str(tokens?.value);
        if (tokens && v === 'optional') {
          ctx.report(tokens.attr, { range: ctx.at(tokens.attr), message: message(name), fix: tokens.attr.value.type === 'string' ? { title: 'Require IMDSv2 tokens', safe: false, edits: [{ range: tokens.attr.value.range, newText: '"required"' }] } : undefined });
        } else if (!tokens) {
          ctx.report((o.dynamic ?? o.block), { range: (o.dynamic ?? o.block).headerRange, message: message(name), fix: o.dynamic ? undefined : insertAttributes(ctx.mod.modelOf(o.block).index, o.block, ['http_tokens = "required"'], 'Require IMDSv2 tokens', false) });
        }
      }
    }
  },
});

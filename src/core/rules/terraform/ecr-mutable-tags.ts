import { terraformFileRule } from './support/rule';
import { insertAttributes } from './support/report';
import { str } from './support/values';

/** The message for a repository whose tags can be overwritten. */
export function message(name: string): string {
  return `Repository '${name}' allows tags to be overwritten: set image_tag_mutability = "IMMUTABLE" so a tag always names the same image`;
}

/** ECR repositories should have immutable tags. */
export const rule = terraformFileRule({
  id: 'terraform/ecr-mutable-tags',
  meta: {
    title: 'ECR repository tags are mutable',
    description: 'With mutable tags a push can silently replace the image behind a tag that is already deployed or approved.',
    severity: 'warning',
    kind: 'terraform',
    fixable: true,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_51' }, { tool: 'tfsec', id: 'aws-ecr-enforce-immutable-repository' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const r of mod.resources('aws_ecr_repository')) {
      const m = mod.attr(r, 'image_tag_mutability');
      const v = str(m?.value);
      if (!m) {
        ctx.report(r, { range: r.headerRange, message: message(r.labels[1] ?? ''), fix: insertAttributes(ctx.mod.modelOf(r).index, r, ['image_tag_mutability = "IMMUTABLE"'], 'Make tags immutable', false) });
      } else if (v === 'MUTABLE') {
        ctx.report(m.attr, { range: ctx.at(m.attr), message: message(r.labels[1] ?? ''), fix: { title: 'Make tags immutable', safe: false, edits: [{ range: m.attr.value.range, newText: '"IMMUTABLE"' }] } });
      }
    }
  },
});

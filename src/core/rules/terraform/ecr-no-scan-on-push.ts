import { terraformFileRule } from './support/rule';
import { flag } from './support/flags';
import { insertAttributes } from './support/report';

/** The message for a repository that does not scan pushed images. */
export function message(name: string): string {
  return `Repository '${name}' does not scan images on push: add image_scanning_configuration { scan_on_push = true }`;
}

/** ECR repositories should scan images when they are pushed. */
export const rule = terraformFileRule({
  id: 'terraform/ecr-no-scan-on-push',
  meta: {
    title: 'ECR repository does not scan on push',
    description: 'Scanning on push reports known vulnerabilities in an image before it is deployed, at no extra step in the pipeline.',
    severity: 'warning',
    kind: 'terraform',
    fixable: true,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_163' }, { tool: 'tfsec', id: 'aws-ecr-enable-image-scans' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    // registry-wide scanning rules replace the per-repository setting
    if (mod.resources('aws_ecr_registry_scanning_configuration').length > 0) {
      return;
    }
    for (const r of mod.resources('aws_ecr_repository')) {
      const confs = mod.nested(r, 'image_scanning_configuration');
      if (confs.length === 0) {
        ctx.report(r, { range: r.headerRange, message: message(r.labels[1] ?? ''), fix: insertAttributes(ctx.mod.modelOf(r).index, r, ['image_scanning_configuration {', '  scan_on_push = true', '}'], 'Scan images on push', true) });
        continue;
      }
      for (const c of confs) {
        const f = flag(mod, c, 'scan_on_push', true);
        if (f.state === 'wrong') {
          ctx.report(f.attr, { range: ctx.at(f.attr), message: message(r.labels[1] ?? ''), fix: { title: 'Scan images on push', safe: true, edits: [{ range: f.attr.value.range, newText: 'true' }] } });
        } else if (f.state === 'missing') {
          ctx.report((c.dynamic ?? c.block), { range: (c.dynamic ?? c.block).headerRange, message: message(r.labels[1] ?? '') });
        }
      }
    }
  },
});

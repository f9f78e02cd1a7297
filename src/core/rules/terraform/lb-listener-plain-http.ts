import { terraformRule } from './support/rule';
import { num, str } from './support/values';

/** The message for a listener serving plain HTTP. */
export function message(name: string): string {
  return `Listener '${name}' serves plain HTTP: listen on HTTPS with a certificate, and make the port 80 listener a redirect to HTTPS`;
}

/** Load balancer listeners must use HTTPS, or redirect HTTP to HTTPS. */
export const rule = terraformRule({
  id: 'terraform/lb-listener-plain-http',
  meta: {
    title: 'Load balancer listener uses plain HTTP',
    description: 'Plain HTTP sends cookies, tokens and form data readable and modifiable by anyone on the path. An HTTP listener should only redirect to HTTPS.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_AWS_2' }, { tool: 'tfsec', id: 'aws-elb-http-not-used' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const l of mod.resources('aws_lb_listener', 'aws_alb_listener')) {
      const protocol = mod.attr(l, 'protocol');
      const p = str(protocol?.value)?.toUpperCase();
      const port = num(mod.attr(l, 'port')?.value);
      const http = p === 'HTTP' || (!protocol && port === 80);
      if (!http) {
        continue;
      }
      const actions = mod.nested(l, 'default_action');
      const redirects = actions.some((a) => {
        const type = str(mod.attr(a, 'type')?.value);
        if (type === undefined && mod.attr(a, 'type')) {
          return true;
        }
        return type === 'redirect' && mod.nested(a, 'redirect').every((r) => {
          const to = mod.attr(r, 'protocol');
          return !to || str(to.value) === undefined || str(to.value)?.toUpperCase() === 'HTTPS';
        });
      });
      if (!redirects) {
        ctx.report(l, { range: protocol ? ctx.at(protocol.attr) : l.headerRange, message: message(l.labels[1] ?? '') });
      }
    }
  },
});

import { terraformRule } from './support/rule';

/** The message for a root module that keeps its state locally. */
export function message(): string {
  return 'This root module configures providers but declares no backend: state stays in a local terraform.tfstate (plain-text secrets, no locking); add a remote backend such as "s3" or "gcs"';
}

/**
 * A root module should keep its state in a remote backend. A folder is taken for a root module
 * when its files configure a `provider` and hold a `terraform {}` block: child modules receive
 * providers from their caller. Every .tf file of the folder is looked at, so a backend.tf beside
 * main.tf counts.
 */
export const rule = terraformRule({
  id: 'terraform/missing-backend',
  meta: {
    title: 'Root module without a remote backend',
    description: 'Without a backend the state is written to the working directory: it holds secrets in plain text, is easily committed, and has no locking between runs.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
  },
  check(ctx) {
    const mod = ctx.mod;
    const settings = mod.blocksOf('terraform');
    // child modules inherit providers from their caller; a provider block marks a root module
    if (settings.length === 0 || mod.blocksOf('provider').length === 0) {
      return;
    }
    if (settings.some((t) => t.blocks.some((b) => b.type === 'backend' || b.type === 'cloud'))) {
      return;
    }
    ctx.report(settings[0], { range: settings[0].headerRange, message: message() });
  },
});

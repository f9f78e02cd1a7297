import { terraformRule } from './support/rule';
import { inSampleFolder } from './support/siblings';
import { str } from './support/values';
import type { TfModule } from './support/values';

/** The message for a root module that keeps its state locally. */
export function message(): string {
  return 'This root module configures providers but declares no backend: state stays in a local terraform.tfstate (plain-text secrets, no locking); add a remote backend such as "s3" or "gcs"';
}


/**
 * Whether a root module exists to show or test the repository's module: 'sure' when it
 * instantiates the module the repository itself is (`source = "../.."`), or sits in an examples
 * or tests folder (a segment of its folder's path) and calls a module of the repository by a
 * relative path; 'likely' when it sits in such a folder and calls a module by its registry
 * address (the example of a published module does that, and so could a live configuration kept
 * in a folder called `examples`, as this project's own examples are); undefined otherwise.
 */
function sampleModule(folder: string, mod: TfModule): 'sure' | 'likely' | undefined {
  const sources = mod.blocksOf('module').map((m) => str(mod.attr(m, 'source')?.value) ?? '');
  if (sources.some((s) => /^(\.\.\/)+\.\.\/?$/.test(s))) {
    return 'sure';
  }
  if (!inSampleFolder(folder) || sources.length === 0) {
    return undefined;
  }
  return sources.some((s) => s.startsWith('../')) ? 'sure' : 'likely';
}

/**
 * A root module should keep its state in a remote backend. A folder is taken for a root module
 * when its files configure a `provider` and hold a `terraform {}` block: child modules receive
 * providers from their caller. Every .tf file of the folder is looked at, so a backend.tf beside
 * main.tf counts. Examples and test fixtures of a module (see sampleModule) are left alone.
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
    const sample = sampleModule(ctx.path, mod);
    if (sample === 'sure') {
      return;
    }
    // probably the example of a module: said at a lower severity
    ctx.report(settings[0], { range: settings[0].headerRange, message: message(), ...(sample === 'likely' ? { severity: 'info' as const } : {}) });
  },
});

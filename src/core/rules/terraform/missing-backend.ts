import { terraformRule } from './support/rule';
import { str } from './support/values';
import type { TfModule } from './support/values';

/** The message for a root module that keeps its state locally. */
export function message(): string {
  return 'This root module configures providers but declares no backend: state stays in a local terraform.tfstate (plain-text secrets, no locking); add a remote backend such as "s3" or "gcs"';
}

/** Folder names that hold modules run to show or test a module, not to manage infrastructure. */
const SAMPLE_FOLDERS = new Set(['example', 'examples', 'test', 'tests', 'testdata', 'fixtures', 'e2e', 'samples']);

/**
 * A root module that exists to show or test the repository's module: it sits in an examples or
 * tests folder (a segment of its folder's path; in the editor that path is absolute, so a workspace kept inside a folder named `tests` is taken for one too), or it instantiates the
 * module the repository itself is (`source = "../.."`, `"../../"`). Its state is thrown away
 * with the test or belongs to whoever copies it, and a backend there would be wrong.
 */
function isSampleModule(folder: string, mod: TfModule): boolean {
  const segments = folder.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => SAMPLE_FOLDERS.has(s.toLowerCase()))) {
    return true;
  }
  return mod.blocksOf('module').some((m) => {
    const source = str(mod.attr(m, 'source')?.value);
    return source !== undefined && /^(\.\.\/)+\.\.\/?$/.test(source);
  });
}

/**
 * A root module should keep its state in a remote backend. A folder is taken for a root module
 * when its files configure a `provider` and hold a `terraform {}` block: child modules receive
 * providers from their caller. Every .tf file of the folder is looked at, so a backend.tf beside
 * main.tf counts. Examples and test fixtures of a module (see isSampleModule) are left alone.
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
    if (isSampleModule(ctx.path, mod)) {
      return;
    }
    ctx.report(settings[0], { range: settings[0].headerRange, message: message() });
  },
});

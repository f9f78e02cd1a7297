import { excludeMatcher } from '../../exclude';
import type { AnalyzeEnv } from '../../types';
import { terraformFileRule } from './support/rule';
import { settingsMayBeElsewhere } from './support/siblings';
import { entry, str } from './support/values';

/** The message for state kept in the repository. */
export function message(what: 'file' | 'local-backend' | 'remote-state', path?: string): string {
  if (what === 'file') {
    return `A state file (${path ?? 'terraform.tfstate'}) sits beside this module: state holds every secret in plain text; move it to a remote backend and keep *.tfstate out of version control`;
  }
  if (what === 'remote-state') {
    return `This reads state from '${path ?? ''}' in the repository: the state file is committed with its secrets; read it from the remote backend instead`;
  }
  return `The "local" backend writes state into the working tree${path ? ` ('${path}')` : ''}, where it is easily committed with its secrets; use a remote backend`;
}

function insideRepository(p: string): boolean {
  return !p.startsWith('/') && !p.startsWith('~') && !/^[A-Za-z]:[\\/]/.test(p) && !p.includes('${');
}

/** How many folders up a .gitignore is looked for. */
const GITIGNORE_LEVELS = 6;

/**
 * Whether a .gitignore in the module's folder or above it keeps `name` out of version control
 * (a state file a developer's local backend wrote is then not committed). Its patterns are read
 * with the gitignore-like matcher of `exclude:`; negations and patterns naming a path (which
 * would need the file's place below that .gitignore) are not evaluated: a plain name or glob
 * counts.
 */
function gitignored(env: AnalyzeEnv, name: string): boolean {
  for (let up = 0; up < GITIGNORE_LEVELS; up++) {
    const text = env.readFile?.(`${'../'.repeat(up)}.gitignore`);
    const names = text?.split(/\r?\n/).filter((l) => !l.trim().startsWith('#') && !l.trim().replace(/^(\*\*\/|\/)+/, '').replace(/\/+$/, '').includes('/'));
    if (names && excludeMatcher(names)(name)) {
      return true;
    }
  }
  return false;
}

/**
 * Terraform state must not live in the repository. Analysis works on .tf files, so this checks:
 * a `terraform.tfstate` beside the module (asked of the host through `fileExists`), a `backend
 * "local"` keeping state under the module, and `terraform_remote_state` reading a local file.
 */
export const rule = terraformFileRule({
  id: 'terraform/no-committed-state',
  meta: {
    title: 'Terraform state kept in the repository',
    description: 'State files contain every resource attribute, including passwords and keys, in plain text. Kept beside the code they end up committed.',
    severity: 'error',
    kind: 'terraform',
    fixable: false,
  },
  check(ctx) {
    const mod = ctx.mod;
    const settings = mod.blocksOf('terraform');
    for (const tf of settings) {
      for (const be of tf.blocks.filter((b) => b.type === 'backend' && b.labels[0] === 'local')) {
        const p = mod.attr(be, 'path');
        const value = str(p?.value);
        if (!p) {
          ctx.report(be, { range: be.headerRange, message: message('local-backend') });
        } else if (value !== undefined && insideRepository(value)) {
          ctx.report(p.attr, { range: ctx.at(p.attr), message: message('local-backend', value) });
        }
      }
    }
    for (const rs of mod.dataSources('terraform_remote_state')) {
      if (str(mod.attr(rs, 'backend')?.value) !== 'local') {
        continue;
      }
      const config = mod.attr(rs, 'config');
      const p = str(entry(config?.value, 'path')?.value);
      if (config && p !== undefined && insideRepository(p)) {
        ctx.report(config.attr, { range: ctx.at(config.attr), message: message('remote-state', p) });
      }
    }
    const state = ['terraform.tfstate', 'terraform.tfstate.backup'].find((f) => ctx.env.fileExists?.(f) && !gitignored(ctx.env, f));
    if (state) {
      // report once per module: on the settings block, or on the providers of a lone root file
      const anchor = settings[0] ?? (!settingsMayBeElsewhere(ctx.path, ctx.env) ? mod.blocksOf('provider')[0] : undefined);
      if (anchor) {
        ctx.report(anchor, { range: anchor.headerRange, message: message('file', state) });
      }
    }
  },
});

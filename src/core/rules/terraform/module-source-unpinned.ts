import { terraformRule } from './support/rule';
import { str } from './support/values';

/** The message for an unpinned module source. */
export function message(name: string, problem: 'registry' | 'git' | 'branch', ref?: string): string {
  if (problem === 'registry') {
    return `Module '${name}' comes from a registry without a 'version': pin one so every run uses the same code`;
  }
  if (problem === 'branch') {
    return `Module '${name}' is pinned to the branch '${ref ?? ''}', which moves: pin a tag or a commit SHA in ?ref=`;
  }
  return `Module '${name}' comes from git without '?ref=': pin a tag or a commit SHA so every run uses the same code`;
}

const REGISTRY = /^([a-z0-9.-]+\.[a-z]{2,}\/)?[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+(\/\/.*)?$/;
const GIT = /^(git::|git@|github\.com\/|bitbucket\.org\/|hg::)|\.git($|\/\/|\?)/;
const BRANCHES = /^(main|master|develop|dev|trunk|HEAD|latest)$/i;

/** Module sources must be pinned: a registry version, or a git ref that is not a branch. */
export const rule = terraformRule({
  id: 'terraform/module-source-unpinned',
  meta: {
    title: 'Module source is not pinned',
    description: 'A registry module without `version` or a git module without `?ref=` (or pinned to a branch) changes under the configuration without any commit in this repository.',
    severity: 'warning',
    kind: 'terraform',
    fixable: false,
    equivalents: [{ tool: 'checkov', id: 'CKV_TF_1' }, { tool: 'checkov', id: 'CKV_TF_2' }],
  },
  check(ctx) {
    const mod = ctx.mod;
    for (const m of mod.blocksOf('module')) {
      const name = m.labels[0] ?? '';
      const source = mod.attr(m, 'source');
      const value = str(source?.value);
      if (!source || value === undefined || value.startsWith('./') || value.startsWith('../') || value.startsWith('/')) {
        continue;
      }
      if (GIT.test(value)) {
        const ref = /[?&]ref=([^&]+)/.exec(value)?.[1];
        if (!ref) {
          ctx.report(source.attr, { range: ctx.at(source.attr), message: message(name, 'git') });
        } else if (BRANCHES.test(ref)) {
          ctx.report(source.attr, { range: ctx.at(source.attr), message: message(name, 'branch', ref) });
        }
        continue;
      }
      if (REGISTRY.test(value) && !/^(s3|gcs|https?):/.test(value) && !m.attributes.some((a) => a.name === 'version')) {
        ctx.report(m, { range: m.headerRange, message: message(name, 'registry') });
      }
    }
  },
});

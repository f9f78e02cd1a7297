import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { rangeOf } from '../../parsers/yaml';
import { actionName, workflowsOf } from './workflow';

/** The message for an action whose repository was archived. */
export function message(action: string, instead: string): string {
  return `'${action}' is archived: it gets no security fixes and runs on an old Node runtime. ${instead}`;
}

/** Archived actions and what to use instead. */
const ARCHIVED: ReadonlyMap<string, string> = new Map([
  ['actions/create-release', "Use 'gh release create' (the runner has the gh CLI) or a maintained release action"],
  ['actions/upload-release-asset', "Use 'gh release upload'"],
  ['actions/setup-ruby', "Use 'ruby/setup-ruby'"],
  ['actions/setup-elixir', "Use 'erlef/setup-beam'"],
  ['actions/setup-haskell', "Use 'haskell-actions/setup'"],
  ['actions-rs/toolchain', "Use 'rustup' in a run step (it is on the runners) or 'dtolnay/rust-toolchain'"],
  ['actions-rs/cargo', 'Run cargo in a run step'],
  ['actions-rs/clippy-check', "Run 'cargo clippy' in a run step"],
  ['actions-rs/audit-check', "Run 'cargo audit' in a run step, or use 'rustsec/audit-check'"],
  ['actions-rs/tarpaulin', "Run 'cargo tarpaulin' in a run step"],
  ['actions-rs/install', "Use 'cargo install --locked' or 'taiki-e/install-action'"],
]);

/** Actions from archived repositories should be replaced. */
export const rule: Rule<YamlFile> = {
  id: 'github-actions/archived-action',
  meta: {
    title: 'Archived action',
    description: 'An action whose repository its owner archived receives no fixes, security ones included, and its pinned runtime is eventually removed from the runners.',
    severity: 'warning',
    kind: 'github-actions',
    fixable: false,
    equivalents: [{ tool: 'zizmor', id: 'archived-uses' }],
  },
  check(ctx) {
    for (const wf of workflowsOf(ctx.model)) {
      for (const job of wf.jobs) {
        for (const step of job.steps) {
          const instead = step.uses ? ARCHIVED.get(actionName(step.uses)) : undefined;
          if (step.uses && instead) {
            ctx.report({ range: rangeOf(ctx.model, step.usesNode), message: message(actionName(step.uses), instead) });
          }
        }
      }
    }
  },
};

import type { AnyRule, Equivalent } from '../rule';
import { DOCKERFILE_RULES } from './dockerfile';
import { COMPOSE_RULES } from './compose';
import { KUBERNETES_RULES } from './kubernetes';
import { TERRAFORM_RULES } from './terraform';
import { GITHUB_ACTIONS_RULES } from './github-actions';
import { GITLAB_CI_RULES } from './gitlab-ci';
import { AURORA_RULES } from './aurora';
import { PULUMI_RULES } from './pulumi';
import { POLICY_RULES } from '../policies';

/** Every rule, listed explicitly per pack (no directory scanning at run time). */
export const ALL_RULES: readonly AnyRule[] = [
  ...DOCKERFILE_RULES,
  ...COMPOSE_RULES,
  ...KUBERNETES_RULES,
  ...TERRAFORM_RULES,
  ...GITHUB_ACTIONS_RULES,
  ...GITLAB_CI_RULES,
  ...AURORA_RULES,
  ...PULUMI_RULES,
  ...POLICY_RULES,
] as readonly AnyRule[];

/** One line of the rule catalog (`aurora-devops rules`, SARIF, docs). */
export interface CatalogEntry {
  id: string;
  title: string;
  description: string;
  severity: string;
  kind: string;
  fixable: boolean;
  equivalents: readonly Equivalent[];
  /** Path of the rule's documentation page, relative to the repository root. */
  docs: string;
}

/** The rule catalog, sorted by id. */
export function catalog(extra: readonly { id: string; meta: AnyRule['meta'] }[] = []): CatalogEntry[] {
  return [...ALL_RULES, ...extra]
    .map((r) => ({
      id: r.id,
      title: r.meta.title,
      description: r.meta.description,
      severity: r.meta.severity,
      kind: r.meta.kind,
      fixable: r.meta.fixable,
      equivalents: r.meta.equivalents ?? [],
      docs: docsPath(r.id),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Where a rule's documentation page lives, relative to the repository (and extension) root. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

/**
 * The head of a rule's documentation page, generated from its metadata (id, title, kind, default
 * severity, fixable, equivalents) so the page cannot disagree with the rule; a test checks every
 * page, and `npm run test:update` rewrites the heads.
 */
export function docsHeader(rule: { id: string; meta: AnyRule['meta'] }): string {
  const m = rule.meta;
  const parts = [`**${m.title}**`, `kind: ${m.kind === 'any' ? 'every analysed file' : m.kind}`, `default severity: ${m.severity}`, m.fixable ? 'fixable' : 'not fixable automatically'];
  if (m.equivalents && m.equivalents.length > 0) {
    parts.push(`equivalents: ${m.equivalents.map((e) => `${e.tool} ${e.id}`).join(', ')}`);
  }
  return `# ${rule.id}\n\n${parts.join(' · ')}\n`;
}

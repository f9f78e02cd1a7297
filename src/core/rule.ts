import type { TextIndex } from './text';
import type { AnalyzeConfig, AnalyzeEnv, FileKind, Fix, Range, RelatedInformation, Severity } from './types';

/** The same check in another tool, so users can map our ids to what they know. */
export interface Equivalent {
  tool: 'hadolint' | 'checkov' | 'kube-linter' | 'kubescape' | 'actionlint' | 'zizmor' | 'tfsec' | 'trivy' | 'dockerfilelint' | 'kics' | 'polaris';
  id: string;
}

/** Static description of a rule: what the catalog, docs and SARIF show. */
export interface RuleMeta {
  title: string;
  description: string;
  severity: Severity;
  /** The kind of file the rule checks; `any` for the engine's own findings. */
  kind: FileKind | 'any';
  fixable: boolean;
  equivalents?: readonly Equivalent[];
}

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  range: Range;
  message: string;
  fix?: Fix;
  related?: RelatedInformation[];
  /** Override the rule's severity for this one finding (e.g. an escalation); config still wins. */
  severity?: Severity;
}

/** Everything a single-file rule sees. */
export interface RuleContext<M> {
  path: string;
  text: string;
  index: TextIndex;
  model: M;
  config: AnalyzeConfig;
  env: AnalyzeEnv;
  /**
   * Every id a config may name (the catalog's rules and the engine's own findings), handed over by
   * the engine so that a rule about rule ids need not import the catalog it belongs to.
   */
  ruleIds: readonly string[];
  report(report: Report): void;
}

/** A check over one parsed file. */
export interface Rule<M = unknown> {
  id: string;
  meta: RuleMeta;
  /**
   * `document`: in a multi-document file (a Kubernetes YAML stream) what the rule reports about
   * one document depends on that document alone and on the config: never on the other documents
   * or on `ctx.env`. Typing then runs the rule only on the documents that changed and keeps its
   * findings for the others (see analyze.ts).
   */
  scope?: 'document';
  check(ctx: RuleContext<M>): void;
  /** The same check on other kinds of files: same id, own `meta.kind` (see FolderRule's). */
  companions?: readonly Rule<never>[];
}

/** One file of a folder, parsed, for cross-file rules. */
export interface FolderFile<M> {
  path: string;
  text: string;
  index: TextIndex;
  model: M;
}

/** Everything a cross-file rule sees: all parsed files of one kind in one folder. */
export interface FolderContext<M> {
  folder: string;
  files: readonly FolderFile<M>[];
  config: AnalyzeConfig;
  /**
   * Files of the folder that may hold this kind but were not analysed (a template, a file over the
   * size limit, a file that does not parse): what a cross-file rule misses may be defined there.
   */
  unanalysed?: readonly string[];
  report(path: string, report: Report): void;
}

/** A check across the files of one folder (e.g. Service selectors against Deployments). */
export interface FolderRule<M = unknown> {
  id: string;
  meta: RuleMeta;
  checkFolder(ctx: FolderContext<M>): void;
  /**
   * The same check on other kinds of files, under the same id (a Terraform policy also runs on
   * Pulumi YAML programs): each runs as a file rule of its own `meta.kind`; the catalog, docs and
   * config know the rule once.
   */
  companions?: readonly Rule<never>[];
}

/** Either kind of rule, as stored in the catalog. */
export type AnyRule = Rule<never> | FolderRule<never>;

/** Narrow a catalog entry to a cross-file rule. */
export function isFolderRule(rule: AnyRule): rule is FolderRule<never> {
  return typeof (rule as FolderRule<never>).checkFolder === 'function';
}

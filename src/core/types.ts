import type { Policy } from './policies/types';

/** Severity of a finding as shown to users. */
export type Severity = 'error' | 'warning' | 'info';

/** Severity as configured: `off` disables a rule. */
export type SeverityLevel = Severity | 'off';

/** A 0-based position (line and UTF-16 character offset), as in LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

/** A 0-based, end-exclusive range. */
export interface Range {
  start: Position;
  end: Position;
}

/** Replace the text of `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A mechanical fix: text edits computed from the analysed text. */
export interface Fix {
  /** Title shown in a quick-fix menu, e.g. "Replace ADD with COPY". */
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review (used for "preferred" quick fixes and fix-all). */
  safe: boolean;
}

/** A location in another file (or elsewhere in the same file) that explains a finding. */
export interface RelatedInformation {
  path: string;
  range: Range;
  message: string;
}

/** One problem found in one file. Plain data: hosts convert it to their own types. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  related?: RelatedInformation[];
}

/** The kinds of file the analysis core understands. */
export type FileKind =
  | 'dockerfile'
  | 'compose'
  | 'kubernetes'
  | 'github-actions'
  | 'gitlab-ci'
  | 'terraform'
  | 'aurora'
  | 'pulumi'
  | 'helm';

/** Configuration of the analysis (from aurora.yaml `rules:` and editor settings). */
export interface AnalyzeConfig {
  /** Per-rule severity override by rule id. */
  rules?: Readonly<Record<string, SeverityLevel>>;
  /** Default requests and limits inserted by resource fixes. */
  resourceDefaults?: ResourceDefaults;
  /** The user's own policies (aurora.yaml `policies:`), validated; they run beside the catalog's rules. */
  policies?: readonly Policy[];
}

/** Values used when a fix inserts container resources. */
export interface ResourceDefaults {
  requestsCpu: string;
  requestsMemory: string;
  limitsCpu: string;
  limitsMemory: string;
}

/**
 * What the host knows about the files around the analysed one. The core never touches the
 * file system itself: the CLI and the extension answer these questions.
 */
export interface AnalyzeEnv {
  /** Whether a file exists, by path relative to the analysed file's folder or absolute. */
  fileExists?(path: string): boolean;
  /**
   * The text of a small file near the analysed one (same path rules), or undefined when it is
   * missing, unreadable or too large: deploy tooling that rewrites images (skaffold.yaml,
   * kustomization.yaml).
   */
  readFile?(path: string): string | undefined;
}

/** A file handed to whole-folder analysis. */
export interface SourceFile {
  path: string;
  text: string;
}

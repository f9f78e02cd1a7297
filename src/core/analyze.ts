import { TextIndex, comparePositions } from './text';
import type { AnalyzeConfig, AnalyzeEnv, FileKind, Finding, Range, Severity, SourceFile } from './types';
import type { AnyRule, FolderRule, Report, Rule, RuleContext, RuleMeta } from './rule';
import { isFolderRule } from './rule';
import { detectKind, HANDLERS } from './kinds';
import type { DocumentPart, KindModels, ReuseSession } from './kinds';
import { filterSuppressed } from './suppress';
import { isGrammarLoaded } from './parsers/treeSitter';
import { duplicateKeys } from './parsers/yaml';
import type { YamlFile } from './parsers/yaml';
import { TextCache } from './caches';
import { ALL_RULES } from './rules';
import { compilePolicy } from './policies/compile';

/** Files larger than this are not analysed (an info finding says so). */
export const MAX_FILE_BYTES = 1_000_000;

/**
 * YAML streams are analysed up to this size: rendered install manifests (an operator's
 * install.yaml, 2 MB of CRDs and workloads) are what users most want checked, and parse in about
 * a second. Larger ones get the file-too-large finding.
 */
export const MAX_YAML_BYTES = 4_000_000;

/** Kinds whose files may be up to MAX_YAML_BYTES. */
const YAML_KINDS: ReadonlySet<FileKind> = new Set(['compose', 'kubernetes', 'github-actions', 'gitlab-ci', 'aurora', 'pulumi']);

/** The kind of a file of any size: a file too large to analyse is recognised by its first 64 KB. */
function kindOf(path: string, text: string, env: AnalyzeEnv): FileKind | undefined {
  return detectKind(path, text.length > MAX_YAML_BYTES ? text.slice(0, 65_536) : text, env);
}

/** Why a recognised infrastructure file is not analysed (before parsing; parse errors are findings). */
export type SkipReason = 'template' | 'too-large' | 'binary';

/**
 * Why the engine will not analyse a file it recognises, without parsing it: a Helm/Go template,
 * over the size limit of its kind, or binary. Undefined for files it analyses and for files that
 * are no infrastructure file at all (`detectKind` is undefined). Hosts count skipped files with it.
 */
export function skipReason(path: string, text: string, env: AnalyzeEnv = {}): SkipReason | undefined {
  const t = stripBom(text);
  const kind = kindOf(path, t, env);
  if (kind === undefined) {
    return undefined;
  }
  if (kind === 'helm') {
    return 'template';
  }
  if (t.length > limitOf(kind)) {
    return 'too-large';
  }
  return isBinary(t) ? 'binary' : undefined;
}

/** The size limit of a kind. */
function limitOf(kind: FileKind | undefined): number {
  return kind !== undefined && YAML_KINDS.has(kind) ? MAX_YAML_BYTES : MAX_FILE_BYTES;
}

/** Ids of the findings the engine itself produces. */
export const PARSE_ERROR = 'parse-error';
export const FILE_TOO_LARGE = 'file-too-large';
export const INTERNAL_ERROR = 'internal-error';
export const DUPLICATE_KEY = 'duplicate-key';

/** Findings the engine produces on its own, listed in the catalog beside the rules. */
export const ENGINE_RULES: readonly { id: string; meta: RuleMeta }[] = [
  {
    id: PARSE_ERROR,
    meta: { title: 'File does not parse', description: 'The file is not valid for its kind (YAML, HCL, Dockerfile); other rules cannot check it until it parses.', severity: 'error', kind: 'any', fixable: false },
  },
  {
    id: FILE_TOO_LARGE,
    meta: { title: 'File too large to analyse', description: `Files over ${MAX_FILE_BYTES} characters (YAML: ${MAX_YAML_BYTES}) are skipped to keep the editor responsive; this finding says so, so that no file is left unchecked in silence.`, severity: 'info', kind: 'any', fixable: false },
  },
  {
    id: DUPLICATE_KEY,
    meta: {
      title: 'Key repeated in a YAML mapping',
      description: 'A key written twice in one mapping: kubectl, GitLab and most YAML loaders keep the last value (which the rules check), while docker compose and GitHub Actions reject the file.',
      severity: 'warning',
      kind: 'any',
      fixable: false,
    },
  },
  {
    id: INTERNAL_ERROR,
    meta: { title: 'A rule failed on this file', description: 'A rule threw an exception on this input. The other rules still ran. Please report the file shape.', severity: 'info', kind: 'any', fixable: false },
  },
];

/** A rule list sorted for the engine: per kind, file rules (split by scope) and folder rules. */
interface RuleTables {
  byId: ReadonlyMap<string, AnyRule>;
  byKind: ReadonlyMap<string, { file: Rule<never>[]; perDocument: Rule<never>[]; wholeFile: Rule<never>[]; folder: FolderRule<never>[] }>;
  /** Every id a config may name: the rules' and the engine's own findings'. */
  ids: readonly string[];
  /** Findings of the document-scoped rules per document text (see runDocumentRules). */
  documentFindings: TextCache<DocumentFindings>;
}

function tablesOf(rules: readonly AnyRule[]): RuleTables {
  const byKind = new Map<string, { file: Rule<never>[]; perDocument: Rule<never>[]; wholeFile: Rule<never>[]; folder: FolderRule<never>[] }>();
  for (const rule of rules.flatMap((r) => [r, ...(r.companions ?? [])])) {
    let entry = byKind.get(rule.meta.kind);
    if (!entry) {
      entry = { file: [], perDocument: [], wholeFile: [], folder: [] };
      byKind.set(rule.meta.kind, entry);
    }
    if (isFolderRule(rule)) {
      entry.folder.push(rule);
    } else {
      entry.file.push(rule);
      (rule.scope === 'document' ? entry.perDocument : entry.wholeFile).push(rule);
    }
  }
  return {
    byId: new Map(rules.map((r) => [r.id, r])),
    byKind,
    ids: Object.freeze([...rules.map((r) => r.id), ...ENGINE_RULES.map((r) => r.id)]),
    // keyed by the document's text: findings are a few bytes per character of it, so this holds
    // well under 10 MB
    documentFindings: new TextCache<DocumentFindings>(2_000_000),
  };
}

/** A file analysed on its own, with its parsed model kept for cross-file rules. */
interface FileAnalysis {
  kind?: FileKind;
  index: TextIndex;
  model?: unknown;
  findings: Finding[];
  /** Why the file was not analysed, when it was recognised but skipped. */
  skipped?: 'too-large' | 'template' | 'binary' | 'parse-error';
}

/** The severity a rule has under a config, or undefined when it is off. */
export function effectiveSeverity(ruleId: string, fallback: Severity, config: AnalyzeConfig): Severity | undefined {
  const level = config.rules?.[ruleId];
  if (level === 'off') {
    return undefined;
  }
  return level ?? fallback;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isBinary(text: string): boolean {
  const head = text.slice(0, 8000);
  return head.includes('\u0000');
}

/**
 * Detect, parse and (unless `parseOnly`: a neighbour parsed only for the cross-file rules) run the
 * file rules of one file.
 */
function analyzeOne(tables: RuleTables, path: string, rawText: string, config: AnalyzeConfig, env: AnalyzeEnv, reuse: ReuseSession | undefined, parseOnly = false): FileAnalysis {
  const text = stripBom(rawText);
  const kind = kindOf(path, text, env);
  const limit = limitOf(kind);
  const index = new TextIndex(text.length > limit ? '' : text);
  const out: FileAnalysis = { kind, index, findings: [] };
  if (!kind) {
    return out;
  }
  if (kind === 'helm') {
    out.skipped = 'template';
    return out;
  }
  if (text.length > limit) {
    out.skipped = 'too-large';
    const sev = effectiveSeverity(FILE_TOO_LARGE, 'info', config);
    if (sev) {
      out.findings.push({ ruleId: FILE_TOO_LARGE, severity: sev, message: `File skipped: ${text.length} characters is over the ${limit} limit for this kind of file; nothing in it was checked`, range: index.range(0, 0) });
    }
    return out;
  }
  if (isBinary(text)) {
    out.skipped = 'binary';
    const sev = effectiveSeverity(PARSE_ERROR, 'error', config);
    if (sev) {
      out.findings.push({ ruleId: PARSE_ERROR, severity: sev, message: 'This looks like a binary file, not a text infrastructure file', range: index.range(0, 0) });
    }
    return out;
  }
  const handler = HANDLERS[kind];
  for (const grammar of handler.grammars) {
    if (!isGrammarLoaded(grammar)) {
      throw new Error(`Aurora core: the ${grammar} grammar is not loaded; await prepare() before analyze()`);
    }
  }
  let parsed: { model?: unknown; problem?: { message: string; range: Range } };
  try {
    parsed = (handler.parse as (t: string, i: TextIndex, reuse: ReuseSession | undefined) => { model?: unknown; problem?: { message: string; range: Range } })(text, index, reuse);
  } catch (e) {
    parsed = { problem: { message: `Could not parse: ${e instanceof Error ? e.message : String(e)}`, range: index.range(0, 0) } };
  }
  if (parsed.problem) {
    out.skipped = 'parse-error';
    const sev = effectiveSeverity(PARSE_ERROR, 'error', config);
    if (sev) {
      out.findings.push({ ruleId: PARSE_ERROR, severity: sev, message: parsed.problem.message, range: parsed.problem.range });
    }
    return out;
  }
  // kept for the folder's cross-file rules only: a kind without any lets the model go with this
  // file, so a folder of many files (.github/workflows) does not hold every parsed file to its end
  if ((tables.byKind.get(kind)?.folder.length ?? 0) > 0) {
    out.model = parsed.model;
  }
  if (parseOnly) {
    return out;
  }
  if (YAML_KINDS.has(kind)) {
    reportDuplicateKeys(kind, parsed.model as YamlFile, config, out.findings);
  }
  const kindRules = tables.byKind.get(kind);
  let rules: readonly Rule<never>[] = kindRules?.file ?? [];
  if (reuse && handler.documents && kindRules && kindRules.perDocument.length > 0) {
    const parts = (handler.documents as (m: unknown) => DocumentPart[] | undefined)(parsed.model);
    if (parts && parts.length > 1) {
      runDocumentRules(tables, kindRules.perDocument, parts, path, text, index, config, out.findings);
      rules = kindRules.wholeFile;
    }
  }
  const run = new RuleRun(path, text, index, parsed.model, config, env, tables.ids, out.findings);
  for (const rule of rules) {
    run.run(rule);
  }
  return out;
}

/** What a repeated key does, by kind: who rejects the file, or which value counts. */
const DUPLICATE_EFFECT: Partial<Record<FileKind, string>> = {
  compose: 'docker compose rejects the file',
  'github-actions': 'GitHub rejects the workflow',
};

/** The message of a duplicate-key finding. */
export function duplicateKeyMessage(kind: FileKind, key: string, previousLine: number): string {
  return `Key '${key}' is already set on line ${previousLine + 1} of this mapping: ${DUPLICATE_EFFECT[kind] ?? 'the last value is the one used (and the one checked)'}; keep one`;
}

function reportDuplicateKeys(kind: FileKind, file: YamlFile, config: AnalyzeConfig, into: Finding[]): void {
  const sev = effectiveSeverity(DUPLICATE_KEY, 'warning', config);
  if (!sev) {
    return;
  }
  for (const d of duplicateKeys(file)) {
    into.push({ ruleId: DUPLICATE_KEY, severity: sev, message: duplicateKeyMessage(kind, d.key, d.previousLine), range: d.range });
  }
}

/**
 * The context every rule of one file (or document) gets: one object for all of them, whose
 * `report` files a finding under the rule that is running (a context and a report closure per
 * rule and file were a thirtieth of what a `check` of 2,000 Dockerfiles allocated).
 */
class RuleRun implements RuleContext<unknown> {
  ruleId = '';
  severity: Severity = 'info';

  constructor(
    readonly path: string,
    readonly text: string,
    readonly index: TextIndex,
    readonly model: unknown,
    readonly config: AnalyzeConfig,
    readonly env: AnalyzeEnv,
    readonly ruleIds: readonly string[],
    private readonly into: Finding[],
  ) {}

  readonly report = (r: Report): void => {
    this.into.push(toFinding(this.ruleId, this.severity, this.config, r));
  };

  /** Run one rule, adding its findings (or an internal-error finding); false when it threw. */
  run(rule: Rule<never>): boolean {
    const severity = effectiveSeverity(rule.id, rule.meta.severity, this.config);
    if (!severity) {
      return true;
    }
    this.ruleId = rule.id;
    this.severity = severity;
    try {
      (rule as Rule<unknown>).check(this);
      return true;
    } catch (e) {
      const crash = internalError(rule.id, e, this.config, this.index);
      if (crash) {
        this.into.push(crash);
      }
      return false;
    }
  }
}

/** The finding that stands for a rule that threw (undefined when internal-error is off). */
function internalError(ruleId: string, e: unknown, config: AnalyzeConfig, index: TextIndex): Finding | undefined {
  const sev = effectiveSeverity(INTERNAL_ERROR, 'info', config);
  if (!sev) {
    return undefined;
  }
  return { ruleId: INTERNAL_ERROR, severity: sev, message: internalErrorMessage(ruleId, e instanceof Error ? e.message : String(e)), range: index.range(0, 0) };
}

/** The message of an internal-error finding: which rule failed, and how. */
export function internalErrorMessage(ruleId: string, reason: string): string {
  return `Rule ${ruleId} failed: ${reason}`;
}

/** Findings of the document-scoped rules on one document, as of the last run that saw it. */
interface DocumentFindings {
  configKey: string;
  path: string;
  /** The file's line break, which fixes write (it comes from the file's first line, not the document). */
  eol: string;
  /** The line the document started on when these ranges were right. */
  line: number;
  findings: Finding[];
}

const configKeys = new WeakMap<AnalyzeConfig, string>();
const NO_ENV: AnalyzeEnv = Object.freeze({});

function configKey(config: AnalyzeConfig): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    key = JSON.stringify(config);
    configKeys.set(config, key);
  }
  return key;
}

/**
 * Typing in a multi-document file: run the document-scoped rules on each document that changed,
 * and for the others take the findings of the last run, moved by the lines the edit added or
 * removed above them (a document starts at a line start, so columns do not move).
 */
function runDocumentRules(tables: RuleTables, rules: readonly Rule<never>[], parts: readonly DocumentPart[], path: string, text: string, index: TextIndex, config: AnalyzeConfig, into: Finding[]): void {
  const key = configKey(config);
  for (const part of parts) {
    const line = index.positionAt(part.start).line;
    const kept = tables.documentFindings.get(part.text);
    if (kept && kept.configKey === key && kept.path === path && kept.eol === index.eol) {
      if (kept.line !== line) {
        kept.findings = kept.findings.map((f) => shiftFinding(f, line - kept.line, path));
        kept.line = line;
      }
      into.push(...kept.findings);
      continue;
    }
    const found: Finding[] = [];
    let ok = true;
    const run = new RuleRun(path, text, index, part.model, config, NO_ENV, tables.ids, found);
    for (const rule of rules) {
      ok = run.run(rule) && ok;
    }
    into.push(...found);
    if (ok) {
      tables.documentFindings.set(part.text, { configKey: key, path, eol: index.eol, line, findings: found });
    }
  }
}

function shiftRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

/** A finding moved down (or up) by `lines`, with its fix and its same-file related locations. */
function shiftFinding(f: Finding, lines: number, path: string): Finding {
  const moved: Finding = { ...f, range: shiftRange(f.range, lines) };
  if (f.fix) {
    moved.fix = { ...f.fix, edits: f.fix.edits.map((e) => ({ ...e, range: shiftRange(e.range, lines) })) };
  }
  if (f.related) {
    moved.related = f.related.map((r) => (r.path === path ? { ...r, range: shiftRange(r.range, lines) } : r));
  }
  return moved;
}

function toFinding(ruleId: string, severity: Severity, config: AnalyzeConfig, r: Report): Finding {
  // a per-finding severity applies unless the user configured the rule explicitly
  const configured = config.rules?.[ruleId];
  const finalSeverity = configured && configured !== 'off' ? configured : (r.severity ?? severity);
  const f: Finding = { ruleId, severity: finalSeverity, message: r.message, range: r.range };
  if (r.fix) {
    f.fix = r.fix;
  }
  if (r.related && r.related.length > 0) {
    f.related = r.related;
  }
  return f;
}

function finish(tables: RuleTables, findings: Finding[], index: TextIndex): Finding[] {
  const kept = filterSuppressed(findings, index, tables.byId);
  return kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.ruleId.localeCompare(b.ruleId));
}

/** Folder of a path ('' for a bare name). */
export function dirOf(path: string): string {
  const norm = path.replace(/\\/g, '/');
  const i = norm.lastIndexOf('/');
  return i < 0 ? '' : norm.slice(0, i);
}

/** Options of `analyzeFiles`. */
export interface AnalyzeFilesOptions {
  /**
   * The editor's on-type path: parsers may start from recent parses of similar texts (only the
   * edited YAML documents and Terraform blocks are parsed again). Off for batch runs (CLI, scans),
   * where every file is new and caching would only cost memory.
   */
  onType?: boolean;
}

/**
 * The analysis over one list of rules. Every host runs the product's (`analyze`, `analyzeFiles`
 * below, over the catalog); tests build one around a rule that throws on purpose.
 */
export interface Engine {
  /** Every id a config may name: the rules' and the engine's own findings'. */
  readonly ruleIds: readonly string[];
  /** See the exported `analyze`. */
  analyze(path: string, text: string, config?: AnalyzeConfig, env?: AnalyzeEnv, folder?: readonly SourceFile[]): Finding[];
  /** See the exported `analyzeFiles`. */
  analyzeFiles(files: readonly SourceFile[], config?: AnalyzeConfig, envFor?: (path: string) => AnalyzeEnv, options?: AnalyzeFilesOptions): Map<string, Finding[]>;
}

/** One file of a folder run: analysed fully, or only parsed for the cross-file rules. */
interface Member {
  file: SourceFile;
  env: AnalyzeEnv;
  parseOnly: boolean;
}

/**
 * The one path every analysis takes: the files of one folder are parsed, their file rules run,
 * then the cross-file rules of each kind over the parsed files of that kind. A rule that throws,
 * file or folder rule, becomes an `internal-error` finding naming it; the other rules still run.
 */
function runFolder(tables: RuleTables, folder: string, members: readonly Member[], config: AnalyzeConfig, session: ReuseSession | undefined): Map<string, FileAnalysis> {
  const results = new Map<string, FileAnalysis>();
  for (const m of members) {
    results.set(m.file.path, analyzeOne(tables, m.file.path, m.file.text, config, m.env, session, m.parseOnly));
  }
  runFolderRules(tables, folder, results, config);
  return results;
}

/** Build the engine over `rules` (the catalog for the product). */
export function createEngine(rules: readonly AnyRule[]): Engine {
  const tables = tablesOf(rules);
  return {
    ruleIds: tables.ids,
    analyze(path, text, config = {}, env = {}, folder = []) {
      const kind = kindOf(path, stripBom(text), env);
      const members: Member[] = [{ file: { path, text }, env, parseOnly: false }];
      // neighbours matter only to the cross-file rules of this file's kind
      if (kind && folder.length > 0 && (tables.byKind.get(kind)?.folder.length ?? 0) > 0) {
        const dir = dirOf(path);
        for (const other of folder) {
          if (other.path !== path && dirOf(other.path) === dir && other.text.length <= limitOf(kind) && kindOf(other.path, stripBom(other.text), env) === kind) {
            members.push({ file: other, env, parseOnly: true });
          }
        }
      }
      // the models are dropped when this returns, so unchanged parts may be reused next time
      const results = runFolder(tables, dirOf(path), members, config, { yamlChunks: new Set() });
      const own = results.get(path);
      return own ? finish(tables, own.findings, own.index) : [];
    },
    analyzeFiles(files, config = {}, envFor = () => ({}), options = {}) {
      const session: ReuseSession | undefined = options.onType ? { yamlChunks: new Set() } : undefined;
      const out = new Map<string, Finding[]>();
      // Folder by folder: cross-file rules only look at one folder, so each folder's models can be
      // dropped as soon as its rules ran (a 20,000-file scan never holds every parsed file at once).
      const byFolder = new Map<string, Member[]>();
      for (const file of files) {
        out.set(file.path, []);
        const dir = dirOf(file.path);
        let list = byFolder.get(dir);
        if (!list) {
          list = [];
          byFolder.set(dir, list);
        }
        list.push({ file, env: envFor(file.path), parseOnly: false });
      }
      for (const [folder, members] of byFolder) {
        for (const [path, r] of runFolder(tables, folder, members, config, session)) {
          out.set(path, finish(tables, r.findings, r.index));
        }
      }
      return out;
    },
  };
}

/** The cross-file rules of each kind present in one folder. */
function runFolderRules(tables: RuleTables, folder: string, results: Map<string, FileAnalysis>, config: AnalyzeConfig): void {
  const groups = new Map<FileKind, { path: string; text: string; index: TextIndex; model: unknown }[]>();
  for (const [path, r] of results) {
    if (!r.kind || r.model === undefined || !(tables.byKind.get(r.kind)?.folder.length)) {
      continue;
    }
    let group = groups.get(r.kind);
    if (!group) {
      group = [];
      groups.set(r.kind, group);
    }
    group.push({ path, text: r.index.text, index: r.index, model: r.model });
  }
  const unanalysed = [...results].filter(([, r]) => r.skipped !== undefined).map(([path]) => path);
  for (const [kind, group] of groups) {
    for (const rule of tables.byKind.get(kind)?.folder ?? []) {
      const severity = effectiveSeverity(rule.id, rule.meta.severity, config);
      if (!severity) {
        continue;
      }
      try {
        (rule as FolderRule<unknown>).checkFolder({
          folder,
          files: group,
          config,
          unanalysed,
          report: (path, r) => {
            results.get(path)?.findings.push(toFinding(rule.id, severity, config, r));
          },
        });
      } catch (e) {
        // every file of the group shows it: whichever of them the user looks at, the gap is visible
        for (const file of group) {
          const crash = internalError(rule.id, e, config, file.index);
          if (crash) {
            results.get(file.path)?.findings.push(crash);
          }
        }
      }
    }
  }
}

const PRODUCT = createEngine(ALL_RULES);

/** Engines with a config's own policies compiled beside the catalog, by the policies' text (a few kept). */
const withPolicies = new Map<string, Engine>();
const MAX_POLICY_ENGINES = 4;

/** The engine for a config: the product's, plus the config's policies when it has any. */
function engineFor(config: AnalyzeConfig): Engine {
  const policies = config.policies;
  if (!policies || policies.length === 0) {
    return PRODUCT;
  }
  const key = JSON.stringify(policies);
  let engine = withPolicies.get(key);
  if (!engine) {
    engine = createEngine([...ALL_RULES, ...policies.map(compilePolicy)]);
    if (withPolicies.size >= MAX_POLICY_ENGINES) {
      withPolicies.delete(withPolicies.keys().next().value as string);
    }
  } else {
    withPolicies.delete(key);
  }
  withPolicies.set(key, engine);
  return engine;
}

/**
 * Analyse one file in its folder: detect its kind, parse it once, and run every rule that applies
 * to it, the cross-file ones included. `folder` holds the other files of its folder (files of
 * other folders or other kinds are ignored); without it the file is analysed as the only file of
 * its folder. Never throws on bad input: a malformed file gives one `parse-error` finding at the
 * parser's position, a rule that throws an `internal-error` finding naming it.
 * The grammars must have been loaded (`await prepare()`) once before.
 */
export function analyze(path: string, text: string, config: AnalyzeConfig = {}, env: AnalyzeEnv = {}, folder: readonly SourceFile[] = []): Finding[] {
  return engineFor(config).analyze(path, text, config, env, folder);
}

/**
 * Analyse many files, each in its folder: the same path as `analyze` (every rule that applies,
 * cross-file rules over the files of one kind in one folder). Returns findings by path.
 */
export function analyzeFiles(
  files: readonly SourceFile[],
  config: AnalyzeConfig = {},
  envFor: (path: string) => AnalyzeEnv = () => ({}),
  options: AnalyzeFilesOptions = {},
): Map<string, Finding[]> {
  return engineFor(config).analyzeFiles(files, config, envFor, options);
}

/**
 * The kinds that have cross-file rules: a host analysing one such file hands over the other files
 * of its kind in its folder (`analyze`'s `folder`, or all of them to `analyzeFiles`).
 */
export const FOLDER_KINDS: ReadonlySet<FileKind> = new Set(ALL_RULES.filter(isFolderRule).map((r) => r.meta.kind).filter((k): k is FileKind => k !== 'any'));

/** Every id a config may name (the catalog's rules and the engine's own findings). */
export const RULE_IDS: readonly string[] = PRODUCT.ruleIds;

/** Kinds whose models the given kind handler needs, re-exported for hosts. */
export type { KindModels };

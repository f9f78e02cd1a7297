import type { Document } from 'yaml';
import { deref, isMap, isScalar, isSeq, rangeOf, str } from '../../parsers/yaml';
import type { Pair, YamlFile } from '../../parsers/yaml';
import type { Range } from '../../types';
import type { Report, RuleContext } from '../../rule';
import { mergedEntries, mergedEntry } from '../shared/yamlMerge';
import type { MergedEntry } from '../shared/yamlMerge';

/** Top-level keys that are pipeline settings, not jobs. */
export const GLOBAL_KEYWORDS: ReadonlySet<string> = new Set([
  'default',
  'include',
  'stages',
  'types',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
]);

/** Keys a job inherits from `default:` (unless `inherit: default:` says otherwise). */
const DEFAULT_KEYS: ReadonlySet<string> = new Set([
  'after_script',
  'artifacts',
  'before_script',
  'cache',
  'hooks',
  'id_tokens',
  'image',
  'interruptible',
  'retry',
  'services',
  'tags',
  'timeout',
]);

/** The stages GitLab uses when a pipeline declares none. */
export const DEFAULT_STAGES: readonly string[] = ['build', 'test', 'deploy'];

/** A job (or hidden template job) of a pipeline. */
export interface GitlabJob {
  name: string;
  /** Hidden jobs (`.name`) are templates: they never run. */
  hidden: boolean;
  pair: Pair<unknown, unknown>;
  node: unknown;
}

/** One pipeline configuration (a YAML document that is not a component's `spec:` header). */
export interface Pipeline {
  doc: Document.Parsed;
  root: unknown;
  jobs: GitlabJob[];
  /** The configuration takes content from other files (`include:`), so it is incomplete here. */
  hasInclude: boolean;
  /** The file is included by another (not `.gitlab-ci.yml`), so stages and jobs may live elsewhere. */
  fragment: boolean;
  /** Declared stages with their nodes, or undefined when the file declares none. */
  stages?: { name: string; node: unknown }[];
}

/** Whether a path is a pipeline's root file rather than an included fragment. */
export function isRootFile(path: string): boolean {
  return /(^|[\\/])\.gitlab-ci\.ya?ml$/i.test(path);
}

/** The pipelines of a file (usually one). */
export function pipelines(file: YamlFile, path: string): Pipeline[] {
  const out: Pipeline[] = [];
  for (const doc of file.documents) {
    const root = doc.contents;
    const entries = mergedEntries(root, doc);
    if (!isMap(root) || entries.length === 0 || (entries.length === 1 && entries[0].key === 'spec')) {
      continue;
    }
    const jobs: GitlabJob[] = [];
    for (const entry of entries) {
      if (entry.inherited || GLOBAL_KEYWORDS.has(entry.key) || !isMap(entry.value)) {
        continue;
      }
      jobs.push({ name: entry.key, hidden: entry.key.startsWith('.'), pair: entry.pair, node: entry.value });
    }
    const stagesNode = mergedEntry(root, 'stages', doc)?.value ?? mergedEntry(root, 'types', doc)?.value;
    const stages = isSeq(stagesNode)
      ? flatSeq(stagesNode, doc)
          .map((node) => ({ name: str(node) ?? '', node }))
          .filter((s) => s.name !== '')
      : undefined;
    out.push({ doc, root, jobs, hasInclude: mergedEntry(root, 'include', doc) !== undefined, fragment: !isRootFile(path), stages });
  }
  return out;
}

/** Whether a node is GitLab's `!reference [job, key]` tag, whose target this file may not hold. */
export function isReference(node: unknown): boolean {
  return (node as { tag?: string } | null)?.tag === '!reference';
}

/** Whether a node is, or directly contains, a `!reference`. */
export function hasReference(node: unknown, doc: Document): boolean {
  const n = deref(node, doc);
  return isReference(n) || (isSeq(n) && n.items.some((i) => isReference(deref(i, doc))));
}

/**
 * Items of a sequence, with nested sequences (from `- *anchor` of a list) flattened as GitLab
 * does. `!reference` items are left out: callers that must be exact check `hasReference`.
 */
export function flatSeq(node: unknown, doc: Document, depth = 0): unknown[] {
  const out: unknown[] = [];
  const seq = deref(node, doc);
  if (!isSeq(seq) || isReference(seq) || depth > 8) {
    return out;
  }
  for (const raw of seq.items) {
    const item = deref(raw, doc);
    if (isReference(item)) {
      continue;
    }
    if (isSeq(item)) {
      out.push(...flatSeq(item, doc, depth + 1));
    } else {
      out.push(item);
    }
  }
  return out;
}

/**
 * The node a `!reference [job, key, …]` names, when that job is in this file (references are
 * resolved on the jobs as written, before `extends:`, as GitLab does); references inside the
 * result are resolved too. undefined when the target is elsewhere (an include) or missing.
 */
export function resolveReference(pipeline: Pipeline, node: unknown, depth = 0): unknown {
  const n = deref(node, pipeline.doc);
  if (!isReference(n)) {
    return n;
  }
  if (!isSeq(n) || depth > 10) {
    return undefined;
  }
  const path = n.items.map((i) => str(deref(i, pipeline.doc)));
  if (path.length < 2 || path.some((p) => p === undefined)) {
    return undefined;
  }
  let value: unknown = pipeline.jobs.find((j) => j.name === path[0])?.node;
  for (const key of path.slice(1)) {
    value = value === undefined ? undefined : mergedEntry(value, key as string, pipeline.doc)?.value;
  }
  return value === undefined ? undefined : resolveReference(pipeline, value, depth + 1);
}

/**
 * Items of a sequence as GitLab sees them: nested sequences flattened and `!reference` items
 * replaced by what they name in this file. undefined when some reference points outside it.
 */
export function expandSeq(pipeline: Pipeline, node: unknown, depth = 0): unknown[] | undefined {
  const seq = resolveReference(pipeline, node);
  if (seq === undefined || depth > 10) {
    return undefined;
  }
  if (!isSeq(seq)) {
    return [seq];
  }
  const out: unknown[] = [];
  for (const raw of seq.items) {
    const item = resolveReference(pipeline, raw, depth);
    if (item === undefined) {
      return undefined;
    }
    if (isSeq(item)) {
      const inner = expandSeq(pipeline, item, depth + 1);
      if (inner === undefined) {
        return undefined;
      }
      out.push(...inner);
    } else {
      out.push(item);
    }
  }
  return out;
}

/** Where a job attribute comes from. */
export interface JobAttr {
  entry: MergedEntry;
  /** The job (or template, or `default`) that sets it. */
  owner: string;
}

/** Names in a job's `extends:` (string or list). */
export function extendsNames(job: GitlabJob, doc: Document): { name: string; node: unknown }[] {
  const ext = mergedEntry(job.node, 'extends', doc)?.value;
  if (ext === undefined) {
    return [];
  }
  const items = isSeq(ext) ? flatSeq(ext, doc) : [ext];
  return items.map((node) => ({ name: str(node) ?? '', node })).filter((e) => e.name !== '');
}

function inheritsDefault(pipeline: Pipeline, job: GitlabJob, key: string): boolean {
  const inherit = mergedEntry(mergedEntry(job.node, 'inherit', pipeline.doc)?.value, 'default', pipeline.doc)?.value;
  if (inherit === undefined) {
    return true;
  }
  if (isScalar(inherit)) {
    return inherit.value !== false && str(inherit) !== 'false';
  }
  if (isSeq(inherit)) {
    return flatSeq(inherit, pipeline.doc).some((i) => str(i) === key);
  }
  return true;
}

/**
 * The value of a job keyword after `extends:` (the last parent wins, as in GitLab) and, for
 * the keywords `default:` supplies, the `default:` section. 'unknown' when the job extends a
 * job this file does not define (it comes from an include), which may set the keyword.
 */
export function jobAttr(pipeline: Pipeline, job: GitlabJob, key: string, depth = 0): JobAttr | 'unknown' | undefined {
  const own = lookupExtends(pipeline, job, key, depth);
  if (own !== undefined) {
    return own;
  }
  if (isOverrideOfIncluded(pipeline, job)) {
    return 'unknown';
  }
  if (DEFAULT_KEYS.has(key) && inheritsDefault(pipeline, job, key)) {
    const def = mergedEntry(mergedEntry(pipeline.root, 'default', pipeline.doc)?.value, key, pipeline.doc);
    if (def) {
      return { entry: def, owner: 'default' };
    }
    // the global forms of image, services, before_script and after_script are the old spelling of default
    const global = mergedEntry(pipeline.root, key, pipeline.doc);
    if (global && ['image', 'services', 'before_script', 'after_script', 'cache'].includes(key)) {
      return { entry: global, owner: 'global' };
    }
  }
  return undefined;
}

function lookupExtends(pipeline: Pipeline, job: GitlabJob, key: string, depth: number): JobAttr | 'unknown' | undefined {
  const own = mergedEntry(job.node, key, pipeline.doc);
  if (own) {
    return { entry: own, owner: job.name };
  }
  if (depth > 10) {
    return undefined;
  }
  const parents = extendsNames(job, pipeline.doc);
  let unknown = false;
  for (let i = parents.length - 1; i >= 0; i--) {
    const parent = pipeline.jobs.find((j) => j.name === parents[i].name);
    if (!parent) {
      unknown = true;
      continue;
    }
    const found = lookupExtends(pipeline, parent, key, depth + 1);
    if (found === 'unknown') {
      unknown = true;
    } else if (found !== undefined) {
      return unknown ? 'unknown' : found;
    }
  }
  return unknown ? 'unknown' : undefined;
}

/**
 * A job that only adjusts a job from an included file (`sast: {stage: test}`): in a file with
 * `include:` (or an included fragment), a job with nothing to run and no `extends:` of its own.
 * What it lacks here is defined in the other file.
 */
export function isOverrideOfIncluded(pipeline: Pipeline, job: GitlabJob): boolean {
  if (!pipeline.hasInclude && !pipeline.fragment) {
    return false;
  }
  return !['script', 'trigger', 'run', 'extends'].some((k) => mergedEntry(job.node, k, pipeline.doc) !== undefined);
}

/** The value of a resolved attribute, or undefined when unset or unknown. */
export function attrValue(attr: JobAttr | 'unknown' | undefined): unknown {
  return attr === undefined || attr === 'unknown' ? undefined : attr.entry.value;
}

/** The stage of a job (GitLab's default is `test`); undefined when it comes from an unknown template. */
export function jobStage(pipeline: Pipeline, job: GitlabJob): string | undefined {
  const attr = jobAttr(pipeline, job, 'stage');
  if (attr === 'unknown') {
    return undefined;
  }
  return attr === undefined ? 'test' : str(attr.entry.value);
}

/** The order of stages: declared or default, between `.pre` and `.post`. */
export function stageOrder(pipeline: Pipeline): string[] {
  return ['.pre', ...(pipeline.stages ? pipeline.stages.map((s) => s.name) : DEFAULT_STAGES), '.post'];
}

/** Script lines of a job after extends/default, as scalar nodes (`!reference` items are skipped). */
export function scriptItems(pipeline: Pipeline, job: GitlabJob, keys: readonly string[] = ['before_script', 'script']): unknown[] {
  const out: unknown[] = [];
  for (const key of keys) {
    const value = attrValue(jobAttr(pipeline, job, key));
    if (isSeq(value)) {
      out.push(...flatSeq(value, pipeline.doc).filter((i) => isScalar(i)));
    } else if (isScalar(value)) {
      out.push(value);
    }
  }
  return out;
}

/** The job's name range (where "missing …" findings go). */
export function jobKeyRange(file: YamlFile, job: GitlabJob): Range {
  return rangeOf(file, job.pair.key);
}

/** Report each place once (a template shared by many jobs is one problem where it is written). */
export function reportOnce(ctx: RuleContext<YamlFile>): (report: Report) => void {
  const seen = new Set<string>();
  return (report) => {
    const k = `${report.range.start.line}:${report.range.start.character}`;
    if (!seen.has(k)) {
      seen.add(k);
      ctx.report(report);
    }
  };
}

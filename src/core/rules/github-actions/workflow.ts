/**
 * The workflow view shared by the github-actions rules: jobs, steps and `run:` scripts parsed once
 * per YamlFile (cached), with offsets mapped back into the workflow text.
 */
import type { Document, Pair, Scalar } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import type { YamlFile } from '../../parsers/yaml';
import { get, getPair, mapEntries, seqItems, str, bool } from '../../parsers/yaml';
import { parseShell } from '../../parsers/shell';
import type { ShellScript } from '../../parsers/shell';
import { shellEffects } from '../../shell';
import type { CommandRun } from '../../shell';
import type { Range } from '../../types';
import { TextCache } from '../../caches';
import { KeptOn } from '../../memo';

/** One `${{ … }}` expression found in a string value. */
export interface ExpressionSpan {
  /** Offsets of `${{` and just past `}}` in the value ('end' is the value length when unclosed). */
  start: number;
  end: number;
  /** The text between the braces, untrimmed. */
  inner: string;
  closed: boolean;
}

/** A scalar string value with a map from value offsets to offsets in the workflow text. */
export interface MappedValue {
  node: Scalar;
  value: string;
  /** File offset of a value offset (monotonic; exact for plain and literal block scalars). */
  toFile(offset: number): number;
  /** File range of value offsets [start, end). */
  range(start: number, end: number): Range;
}

/** A `run:` script: the value, its expressions, and the shell parse (bash/sh only). */
export interface RunScript extends MappedValue {
  expressions: ExpressionSpan[];
  /** The script with each `${{ … }}` replaced by underscores of the same length. */
  shellText: string;
  /** Parsed by tree-sitter-bash; undefined for pwsh, cmd, python and other shells. */
  script?: ShellScript;
}

/** One step of a job. */
export interface Step {
  job: Job;
  index: number;
  node: unknown;
  uses?: string;
  usesNode?: unknown;
  runNode?: unknown;
  with: unknown;
  env: unknown;
  name?: string;
  id?: string;
  /** The parsed `run:` script, computed on first use. */
  run(): RunScript | undefined;
}

/** One job of the workflow. */
export interface Job {
  id: string;
  pair: Pair<unknown, unknown>;
  keyNode: unknown;
  node: unknown;
  name?: string;
  needs: { name: string; node: unknown }[];
  steps: Step[];
  /** A reusable-workflow call (`uses:` at job level). */
  uses?: string;
  usesNode?: unknown;
  environment?: string;
  env: unknown;
}

/** The parsed workflow of one YAML document. */
export interface Workflow {
  file: YamlFile;
  doc: Document.Parsed;
  root: unknown;
  /** Names of the triggering events. */
  events: Set<string>;
  jobs: Job[];
  jobsNode: unknown;
  env: unknown;
  jobById(id: string): Job | undefined;
  /** Jobs reachable from `job` through `needs` (transitively), without the job itself. */
  ancestors(job: Job): Job[];
  /** Jobs that depend on `job` through `needs` (transitively). */
  descendants(job: Job): Job[];
}

const cache = new KeptOn<YamlFile, Workflow[]>();

/** The workflows of a file (one per YAML document that is a mapping with `jobs` or `on`). */
export function workflowsOf(file: YamlFile): Workflow[] {
  let out = cache.get(file);
  if (!out) {
    out = file.documents.filter((d) => isMap(d.contents)).map((d) => buildWorkflow(file, d));
    cache.set(file, out);
  }
  return out;
}

function buildWorkflow(file: YamlFile, doc: Document.Parsed): Workflow {
  const root = doc.contents;
  const events = new Set<string>();
  const on = get(root, 'on', doc);
  if (isScalar(on)) {
    const s = str(on);
    if (s) {
      events.add(s);
    }
  } else if (isSeq(on)) {
    for (const item of seqItems(on, doc)) {
      const s = str(item);
      if (s) {
        events.add(s);
      }
    }
  } else {
    for (const { key } of mapEntries(on, doc)) {
      events.add(key);
    }
  }
  const jobsNode = get(root, 'jobs', doc);
  const defaultShell = str(get(get(get(root, 'defaults', doc), 'run', doc), 'shell', doc));
  const jobs: Job[] = [];
  for (const { key, pair, value } of mapEntries(jobsNode, doc)) {
    const node = value !== null && typeof value === 'object' ? value : undefined;
    const kept = node && jobsByValue.get(node);
    if (kept && kept.defaultShell === defaultShell && kept.job.id === key && kept.job.pair === pair) {
      kept.at.file = file;
      jobs.push(kept.job);
      continue;
    }
    const at = { file };
    const job = buildJob(at, doc, key, pair, value, defaultShell);
    if (node) {
      jobsByValue.set(node, { defaultShell, at, job });
    }
    jobs.push(job);
  }
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const closure = (start: Job, next: (j: Job) => Job[]): Job[] => {
    const seen = new Set<Job>();
    const stack = next(start);
    while (stack.length > 0) {
      const j = stack.pop() as Job;
      if (j !== start && !seen.has(j)) {
        seen.add(j);
        stack.push(...next(j));
      }
    }
    return [...seen];
  };
  const parents = (j: Job): Job[] => j.needs.map((n) => byId.get(n.name)).filter((x): x is Job => x !== undefined);
  // jobs by the ids they need, built once, and each closure once per job (rules ask per step)
  const dependents = new Map<string, Job[]>();
  for (const c of jobs) {
    for (const n of c.needs) {
      const list = dependents.get(n.name) ?? [];
      if (!list.includes(c)) {
        list.push(c);
      }
      dependents.set(n.name, list);
    }
  }
  const children = (j: Job): Job[] => jobs.filter((c) => (dependents.get(j.id) ?? []).includes(c));
  const memo = (next: (j: Job) => Job[]): ((j: Job) => Job[]) => {
    const done = new Map<Job, Job[]>();
    return (j) => {
      let r = done.get(j);
      if (!r) {
        r = closure(j, next);
        done.set(j, r);
      }
      return r;
    };
  };
  const ancestors = memo(parents);
  const descendants = memo(children);
  return {
    file,
    doc,
    root,
    events,
    jobs,
    jobsNode,
    env: get(root, 'env', doc),
    jobById: (id) => byId.get(id),
    // copies: a caller may sort or extend what it gets
    ancestors: (j) => [...ancestors(j)],
    descendants: (j) => [...descendants(j)],
  };
}

/**
 * Jobs by their value node in `jobs:`. Typing re-parses only the edited job, and the nodes of the
 * others come back unchanged (moved in place), so their jobs and steps are kept instead of
 * rebuilt; `at` points the kept job's scripts at the file of the current run. Not by the pair: a
 * large job is parsed as a header piece (its key line, cached by that text alone, in any file)
 * whose pair is handed out again with a new value, which a review found serving old steps.
 */
const jobsByValue = new KeptOn<object, { defaultShell: string | undefined; at: { file: YamlFile }; job: Job }>();

function buildJob(at: { file: YamlFile }, doc: Document.Parsed, key: string, pair: Pair<unknown, unknown>, value: unknown, defaultShell: string | undefined): Job {
  const job: Job = {
    id: key,
    pair,
    keyNode: pair.key,
    node: value,
    name: str(get(value, 'name', doc)),
    needs: [],
    steps: [],
    uses: str(get(value, 'uses', doc)),
    usesNode: get(value, 'uses', doc),
    environment: str(get(value, 'environment', doc)) ?? str(get(get(value, 'environment', doc), 'name', doc)),
    env: get(value, 'env', doc),
  };
  const needs = get(value, 'needs', doc);
  if (isScalar(needs)) {
    const s = str(needs);
    if (s) {
      job.needs.push({ name: s, node: needs });
    }
  } else {
    for (const item of seqItems(needs, doc)) {
      const s = str(item);
      if (s) {
        job.needs.push({ name: s, node: item });
      }
    }
  }
  const runsOn = get(value, 'runs-on', doc);
  const windows = /windows/i.test(str(runsOn) ?? seqItems(runsOn, doc).map((i) => str(i) ?? '').join(' '));
  const jobShell = str(get(get(get(value, 'defaults', doc), 'run', doc), 'shell', doc)) ?? defaultShell;
  seqItems(get(value, 'steps', doc), doc).forEach((stepNode, index) => {
    const runNode = get(stepNode, 'run', doc);
    const usesNode = get(stepNode, 'uses', doc);
    const shell = str(get(stepNode, 'shell', doc)) ?? jobShell;
    const posix = isPosixShell(shell, windows);
    job.steps.push({
      job,
      index,
      node: stepNode,
      uses: str(usesNode),
      usesNode,
      runNode,
      with: get(stepNode, 'with', doc),
      env: get(stepNode, 'env', doc),
      name: str(get(stepNode, 'name', doc)),
      id: str(get(stepNode, 'id', doc)),
      run() {
        // kept per node by buildRun, which also points it at the file of this run
        return isScalar(runNode) && typeof runNode.value === 'string' ? buildRun(at.file, runNode, posix) : undefined;
      },
    });
  });
  return job;
}

/** Whether a `shell:` value (or the runner default) is a POSIX shell tree-sitter-bash can read. */
function isPosixShell(shell: string | undefined, windows: boolean): boolean {
  if (!shell) {
    return !windows;
  }
  const name = shell.trim().split(/\s+/)[0];
  return name === 'bash' || name === 'sh' || name.endsWith('/bash') || name.endsWith('/sh');
}

/** Map every value offset of a scalar to its offset in the source text. */
export function mapScalar(file: YamlFile, node: Scalar): MappedValue {
  return mapWithin({ file }, node);
}

/**
 * mapScalar for a file that may change: offsets into the value are kept relative to the node's
 * start, read at each call, so the map stays right when an unchanged node is reused by the next
 * parse at another place (its ranges are moved in place) and `at.file` is pointed at the new file.
 */
function mapWithin(at: { file: YamlFile }, node: Scalar): MappedValue {
  const value = String(node.value);
  let relative: Int32Array | undefined;
  const compute = (): Int32Array => {
    const text = at.file.text;
    const r = (node as { range?: [number, number, number] }).range;
    const start = r ? r[0] : 0;
    const end = r ? r[1] : 0;
    const out = new Int32Array(value.length + 1);
    let p = start;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      // skip the header line (`|`, `>-`, `|2` and any comment)
      const nl = text.indexOf('\n', p);
      p = nl < 0 || nl >= end ? end : nl + 1;
    } else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
      p = start + 1;
    }
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      const ws = v === ' ' || v === '\n' || v === '\t';
      let q = p;
      while (q < end && text[q] !== v && !(ws && /\s/.test(text[q]))) {
        q++;
      }
      if (q < end) {
        out[i] = q - start;
        p = q + 1;
      } else {
        out[i] = Math.min(p, Math.max(start, end - 1)) - start;
      }
    }
    out[value.length] = value.length > 0 ? out[value.length - 1] + 1 : p - start;
    return out;
  };
  const toFile = (offset: number): number => {
    if (!relative) {
      relative = compute();
    }
    const r = (node as { range?: [number, number, number] }).range;
    return (r ? r[0] : 0) + relative[Math.max(0, Math.min(offset, value.length))];
  };
  return {
    node,
    value,
    toFile,
    range: (s, e) => {
      const fs = toFile(s);
      const fe = e > s ? toFile(e - 1) + 1 : fs;
      return at.file.index.range(fs, Math.max(fs, fe));
    },
  };
}

/** Find the `${{ … }}` expressions of a string (string literals inside may hold `}}`). */
export function findExpressions(value: string): ExpressionSpan[] {
  const out: ExpressionSpan[] = [];
  let i = value.indexOf('${{');
  while (i >= 0) {
    let j = i + 3;
    let closed = false;
    while (j < value.length) {
      const c = value[j];
      if (c === "'") {
        // expression string literal: '' escapes a quote
        j++;
        while (j < value.length && !(value[j] === "'" && value[j + 1] !== "'")) {
          j += value[j] === "'" ? 2 : 1;
        }
        j++;
        continue;
      }
      // an expression may span lines (a `>-` folded or `|` block scalar): GitHub reads on to `}}`
      if (c === '}' && value[j + 1] === '}') {
        closed = true;
        break;
      }
      j++;
    }
    if (closed) {
      out.push({ start: i, end: j + 2, inner: value.slice(i + 3, j), closed });
      i = value.indexOf('${{', j + 2);
    } else {
      const lineEnd = value.indexOf('\n', i);
      const stop = lineEnd < 0 ? value.length : lineEnd;
      out.push({ start: i, end: stop, inner: value.slice(i + 3, stop), closed: false });
      i = value.indexOf('${{', stop);
    }
  }
  return out;
}

/** Replace expressions by same-length runs of underscores so the shell parser sees a plain word. */
export function blankExpressions(value: string, expressions: readonly ExpressionSpan[]): string {
  let out = '';
  let cursor = 0;
  for (const e of expressions) {
    out += value.slice(cursor, e.start) + value.slice(e.start, e.end).replace(/[^\n]/g, '_');
    cursor = e.end;
  }
  return out + value.slice(cursor);
}

/**
 * The expressions and blanked shell text of recent scripts, by script text (a script edited back
 * and forth, or the same script in another step). The shell parse itself is cached by parseShell.
 */
const blanked = new TextCache<{ expressions: ExpressionSpan[]; shellText: string }>(1_000_000);

/**
 * Run scripts by their `run:` node. Typing re-parses only the edited part of a workflow and hands
 * the other nodes out again (moved in place), so the scripts of unchanged steps are kept with
 * their node: no map lookups by script text, no new closures, for the 300 steps of a large file.
 */
const runsByNode = new KeptOn<Scalar, { posix: boolean; at: { file: YamlFile }; run: RunScript }>();

function buildRun(file: YamlFile, node: Scalar, posix: boolean): RunScript {
  const kept = runsByNode.get(node);
  if (kept && kept.posix === posix) {
    kept.at.file = file;
    return kept.run;
  }
  const at = { file };
  const mapped = mapWithin(at, node);
  let b = blanked.get(mapped.value);
  if (!b) {
    const expressions = findExpressions(mapped.value);
    b = { expressions, shellText: blankExpressions(mapped.value, expressions) };
    blanked.set(mapped.value, b);
  }
  const run: RunScript = { ...mapped, expressions: b.expressions, shellText: b.shellText, script: posix ? parseShell(b.shellText) : undefined };
  runsByNode.set(node, { posix, at, run });
  return run;
}

/** The expressions whose span overlaps [start, end) of a script. */
export function expressionsIn(run: RunScript, start: number, end: number): ExpressionSpan[] {
  return run.expressions.filter((e) => e.start < end && e.end > start);
}

/** The original text (expressions restored) of a span of a run script. */
export function originalText(run: RunScript, start: number, end: number): string {
  return run.value.slice(start, end);
}

/** Every command a step's script runs, as the shell model sees it (empty when the step has no parsable shell script). */
export function commandsOf(step: Step): CommandRun[] {
  const script = step.run()?.script;
  return script ? shellEffects(script).commands : [];
}

/** The action name of a `uses:` value without the ref, lower-cased (`actions/checkout`). */
export function actionName(uses: string): string {
  const at = uses.indexOf('@');
  return (at < 0 ? uses : uses.slice(0, at)).toLowerCase();
}

/** The ref of a `uses:` value (after `@`), if any. */
export function actionRef(uses: string): string | undefined {
  const at = uses.indexOf('@');
  return at < 0 ? undefined : uses.slice(at + 1);
}

/** A `with:` input of a step as a string. */
export function input(step: Step, name: string): string | undefined {
  return str(get(step.with, name));
}

/** Whether a step or job has `continue-on-error: true` (expressions are not judged). */
export function continuesOnError(node: unknown): boolean {
  return bool(get(node, 'continue-on-error')) === true;
}

/** The pair of a key in a map node. */
export function pairOf(node: unknown, key: string): Pair<unknown, unknown> | undefined {
  return getPair(node, key);
}

/**
 * The environment variables visible to a step, by name, with their value node: workflow env,
 * then job env, then step env (later wins).
 */
export function envOf(workflow: Workflow, step: Step): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const env of [workflow.env, step.job.env, step.env]) {
    for (const { key, value } of mapEntries(env)) {
      out.set(key, value);
    }
  }
  return out;
}

/** Where to report a finding about a whole step: its `uses:` or `run:` key, else its first line. */
export function stepRange(file: YamlFile, step: Step): Range {
  const pair = getPair(step.node, step.uses !== undefined ? 'uses' : 'run');
  const target = pair?.key ?? step.node;
  const r = (target as { range?: [number, number, number] } | undefined)?.range;
  if (!r) {
    return file.index.range(0, 0);
  }
  return file.index.range(r[0], r[1]);
}

/** The label of a step in messages: its name, id, or position. */
export function stepLabel(step: Step): string {
  return step.name ?? step.id ?? `step ${step.index + 1}`;
}

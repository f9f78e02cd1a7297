import { TextCache } from '../caches';
import type { AttrPath, Condition, Scalar } from './types';

/** A value found at a path, as far as it is known statically. */
export type Leaf = { kind: 'scalar'; value: Scalar } | { kind: 'list'; items: Leaf[] } | { kind: 'object' } | { kind: 'unknown' };

/**
 * One place a path leads to: nothing written there, or a value. `A` is where a finding goes;
 * `items`, where each item of a list value is written (for a finding about one of them).
 */
export type Hit<A> = { state: 'absent'; anchor: A } | { state: 'value'; value: Leaf; anchor: A; items?: readonly A[] };

/** A three-valued answer; `yes` carries where the finding goes. */
export type Truth<A> = { t: 'yes'; anchor: A; value?: Leaf } | { t: 'no' } | { t: 'unknown' };

/** What the evaluator needs from a file format: walking a path and following a reference. */
export interface Adapter<S, A> {
  /** Every place `path` leads to from the subject (at least one). */
  lookup(subject: S, path: readonly string[]): Hit<A>[];
  /** Whether the attribute at `path` references a resource of `type` whose block satisfies `test`. */
  references?(subject: S, path: readonly string[], type: string, test: (target: S) => Truth<A>): Truth<A>;
  /** The nested blocks at `path`, each a subject of its own; `unknown` when some cannot be known. */
  items?(subject: S, path: readonly string[]): { items: S[]; unknown: boolean };
  /** Where a finding about the whole subject goes. */
  anchorOf(subject: S): A;
  /** Whether an anchor is more specific than the subject's own (an attribute rather than the header). */
  specific(anchor: A): boolean;
}

const YES_NO_UNKNOWN = { no: { t: 'no' }, unknown: { t: 'unknown' } } as const;

/** Split an attribute path into keys: dots separate, `["a.b"]` quotes a key holding dots. */
export function splitPath(path: AttrPath): string[] {
  // a policy's paths are few and asked of every subject it is evaluated on: split each once
  let keys = splitPaths.get(path);
  if (!keys) {
    keys = splitPathUncached(path);
    splitPaths.set(path, keys);
  }
  return keys.slice();
}

const splitPaths = new TextCache<string[]>(100_000);

function splitPathUncached(path: AttrPath): string[] {
  const out: string[] = [];
  const re = /\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*'([^']*)'\s*\]|([^.[\]]+)/g;
  for (const m of path.matchAll(re)) {
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3] ?? ''));
  }
  return out.filter((k) => k !== '');
}

const KEY = String.raw`(?:[^.[\]"'\s][^.[\]"']*|\[\s*"(?:[^"\\]|\\.)*"\s*\]|\[\s*'[^']*'\s*\])`;
const PATH_RE = new RegExp(`^${KEY}(?:\\.?${KEY})*$`);

/** Whether a path is well formed: keys separated by single dots, quoted keys in closed brackets. */
export function validPath(path: string): boolean {
  return PATH_RE.test(path) && !/\.\.|\.$/.test(path) && splitPath(path).length > 0;
}

function asBool(v: Scalar): boolean | undefined {
  if (typeof v === 'boolean') {
    return v;
  }
  if (v === 'true' || v === 'false') {
    return v === 'true';
  }
  return undefined;
}

function asNumber(v: Scalar): number | undefined {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) {
    return Number(v);
  }
  return undefined;
}

/** Whether a written value equals a policy's literal (booleans and numbers also as strings). */
export function scalarEquals(v: Scalar, want: Scalar): boolean {
  if (typeof want === 'boolean') {
    return asBool(v) === want;
  }
  if (typeof want === 'number') {
    return asNumber(v) === want;
  }
  if (want === null) {
    return v === null;
  }
  return v !== null && String(v) === want;
}

/** A test of one scalar: yes, no, or undefined for "not applicable to this value". */
type ScalarTest = (v: Scalar) => boolean;

function testLeaf(leaf: Leaf, test: ScalarTest): 'yes' | 'no' | 'unknown' {
  if (leaf.kind === 'unknown') {
    return 'unknown';
  }
  if (leaf.kind === 'scalar') {
    return leaf.value !== null && test(leaf.value) ? 'yes' : 'no';
  }
  if (leaf.kind === 'list') {
    let unknown = false;
    for (const i of leaf.items) {
      const r = testLeaf(i, test);
      if (r === 'yes') {
        return 'yes';
      }
      unknown ||= r === 'unknown';
    }
    return unknown ? 'unknown' : 'no';
  }
  return 'no';
}

function isAbsent(h: Hit<unknown>): 'yes' | 'no' | 'unknown' {
  if (h.state === 'absent') {
    return 'yes';
  }
  if (h.value.kind === 'unknown') {
    return 'unknown';
  }
  return h.value.kind === 'scalar' && h.value.value === null ? 'yes' : 'no';
}

function isBlank(h: Hit<unknown>): 'yes' | 'no' | 'unknown' {
  const a = isAbsent(h);
  if (a !== 'no' || h.state === 'absent') {
    return a;
  }
  return h.value.kind === 'scalar' && h.value.value === '' ? 'yes' : 'no';
}

function containsTest(h: Hit<unknown>, want: Scalar): 'yes' | 'no' | 'unknown' {
  if (h.state === 'absent') {
    return 'no';
  }
  const v = h.value;
  if (v.kind === 'unknown') {
    return 'unknown';
  }
  if (v.kind === 'scalar') {
    return v.value !== null && scalarEquals(v.value, want) ? 'yes' : 'no';
  }
  return testLeaf(v, (x) => scalarEquals(x, want));
}

/** The item of a list that satisfied a scalar test (what a message names), else the value itself. */
function witness(leaf: Leaf, test: ScalarTest | undefined): Leaf {
  if (leaf.kind !== 'list' || !test) {
    return leaf;
  }
  return leaf.items.find((i) => i.kind === 'scalar' && i.value !== null && test(i.value)) ?? leaf;
}

/** The answer over every place a path leads to: yes if any says yes, else unknown if any is unknown. */
function overHits<A>(hits: readonly Hit<A>[], test: (h: Hit<A>) => 'yes' | 'no' | 'unknown', scalarTest?: ScalarTest): Truth<A> {
  let unknown = false;
  for (const h of hits) {
    const r = test(h);
    if (r === 'yes') {
      return h.state === 'value' ? { t: 'yes', anchor: h.anchor, value: witness(h.value, scalarTest) } : { t: 'yes', anchor: h.anchor };
    }
    unknown ||= r === 'unknown';
  }
  return unknown ? YES_NO_UNKNOWN.unknown : YES_NO_UNKNOWN.no;
}

const regexCache = new Map<string, RegExp>();
const MAX_MATCHED_CHARS = 4096;

function regex(source: string): RegExp {
  let re = regexCache.get(source);
  if (!re) {
    re = new RegExp(source, 'u');
    if (regexCache.size > 500) {
      regexCache.clear();
    }
    regexCache.set(source, re);
  }
  return re;
}

function valueTest(c: Condition): ScalarTest | undefined {
  if ('equals' in c) {
    return (v) => scalarEquals(v, c.equals);
  }
  if ('in' in c) {
    return (v) => c.in.some((w) => scalarEquals(v, w));
  }
  if ('notIn' in c) {
    return (v) => !c.notIn.some((w) => scalarEquals(v, w));
  }
  if ('matches' in c) {
    const re = regex(c.matches);
    // attribute values are short; a huge one is not worth the time a pattern may take on it
    return (v) => typeof v === 'string' && v.length <= MAX_MATCHED_CHARS && re.test(v);
  }
  if ('lessThan' in c) {
    return (v) => {
      const n = asNumber(v);
      return n !== undefined && n < c.lessThan;
    };
  }
  if ('greaterThan' in c) {
    return (v) => {
      const n = asNumber(v);
      return n !== undefined && n > c.greaterThan;
    };
  }
  return undefined;
}

/** Whether an argument names a flag (`--name`, or `-name` as Go's flag packages also read it). */
function flagArg(arg: string, name: string): 'bare' | string | undefined {
  const bare = name.replace(/^-+/, '');
  const m = /^--?([^=]+)(?:=(.*))?$/s.exec(arg);
  if (!m || m[1] !== bare) {
    return undefined;
  }
  return m[2] ?? 'bare';
}

/** The value of a command-line flag in each argument list the hits hold (absent where it is not given). */
function flagHits<A>(hits: readonly Hit<A>[], name: string): Hit<A>[] {
  return hits.map((h): Hit<A> => {
    if (h.state === 'absent' || h.value.kind === 'unknown') {
      return h;
    }
    if (h.value.kind !== 'list') {
      // a single string is a shell command line, not read here
      return { state: 'value', value: { kind: 'unknown' }, anchor: h.anchor };
    }
    const items = h.value.items;
    let found: Hit<A> | undefined;
    let unknown = false;
    items.forEach((item, i) => {
      if (item.kind !== 'scalar' || typeof item.value !== 'string') {
        unknown ||= item.kind === 'unknown';
        return;
      }
      const v = flagArg(item.value, name);
      if (v === undefined) {
        return;
      }
      const next = items[i + 1];
      const value: Leaf =
        v !== 'bare' ? { kind: 'scalar', value: v } : next?.kind === 'scalar' && typeof next.value === 'string' && !next.value.startsWith('-') ? next : { kind: 'scalar', value: 'true' };
      found = { state: 'value', value, anchor: h.items?.[i] ?? h.anchor };
    });
    return found ?? (unknown ? { state: 'value', value: { kind: 'unknown' }, anchor: h.anchor } : { state: 'absent', anchor: h.anchor });
  });
}

/** Evaluate a condition on a subject. */
export function evaluate<S, A>(c: Condition, subject: S, adapter: Adapter<S, A>): Truth<A> {
  if ('all' in c) {
    let unknown = false;
    let anchor: A | undefined;
    let value: Leaf | undefined;
    for (const sub of c.all) {
      const r = evaluate(sub, subject, adapter);
      if (r.t === 'no') {
        return r;
      }
      if (r.t === 'unknown') {
        unknown = true;
      } else if (anchor === undefined || (!adapter.specific(anchor) && adapter.specific(r.anchor))) {
        anchor = r.anchor;
        value = r.value;
      }
    }
    if (unknown) {
      return YES_NO_UNKNOWN.unknown;
    }
    return value ? { t: 'yes', anchor: anchor ?? adapter.anchorOf(subject), value } : { t: 'yes', anchor: anchor ?? adapter.anchorOf(subject) };
  }
  if ('any' in c) {
    let unknown = false;
    for (const sub of c.any) {
      const r = evaluate(sub, subject, adapter);
      if (r.t === 'yes') {
        return r;
      }
      unknown ||= r.t === 'unknown';
    }
    return unknown ? YES_NO_UNKNOWN.unknown : YES_NO_UNKNOWN.no;
  }
  if ('not' in c) {
    const r = evaluate(c.not, subject, adapter);
    if (r.t === 'unknown') {
      return r;
    }
    return r.t === 'yes' ? YES_NO_UNKNOWN.no : { t: 'yes', anchor: adapter.anchorOf(subject) };
  }
  const path = splitPath(c.path);
  if ('references' in c) {
    if (!adapter.references) {
      return YES_NO_UNKNOWN.unknown;
    }
    const where = c.references.where;
    return adapter.references(subject, path, c.references.type, (target) => (where ? evaluate(where, target, adapter) : { t: 'yes', anchor: adapter.anchorOf(target) }));
  }
  if ('some' in c) {
    const found = adapter.items?.(subject, path) ?? { items: [], unknown: true };
    let unknown = found.unknown;
    for (const item of found.items) {
      const r = evaluate(c.some, item, adapter);
      if (r.t === 'yes') {
        return r;
      }
      unknown ||= r.t === 'unknown';
    }
    return unknown ? YES_NO_UNKNOWN.unknown : YES_NO_UNKNOWN.no;
  }
  const hits = c.flag === undefined ? adapter.lookup(subject, path) : flagHits(adapter.lookup(subject, path), c.flag);
  if ('absent' in c) {
    return overHits(hits, isAbsent);
  }
  if ('present' in c) {
    return overHits(hits, (h) => {
      const a = isAbsent(h);
      return a === 'unknown' ? 'unknown' : a === 'yes' ? 'no' : 'yes';
    });
  }
  if ('blank' in c) {
    return overHits(hits, isBlank);
  }
  if ('contains' in c) {
    return overHits(hits, (h) => containsTest(h, c.contains), (v) => scalarEquals(v, c.contains));
  }
  const test = valueTest(c);
  if (!test) {
    return YES_NO_UNKNOWN.unknown;
  }
  return overHits(hits, (h) => (h.state === 'absent' ? 'no' : testLeaf(h.value, test)), test);
}

/** The value a finding is about, for `{value}` in messages: the scalar at the anchor's path, if one. */
export function leafText(leaf: Leaf | undefined): string {
  if (!leaf) {
    return '';
  }
  if (leaf.kind === 'scalar') {
    return leaf.value === null ? 'null' : String(leaf.value);
  }
  if (leaf.kind === 'list') {
    return `[${leaf.items.map(leafText).join(', ')}]`;
  }
  return leaf.kind;
}

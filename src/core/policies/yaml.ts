import type { Document } from 'yaml';
import type { RuleContext } from '../rule';
import type { Range } from '../types';
import type { YamlFile } from '../parsers/yaml';
import { deref, isMap, isScalar, isSeq, rangeOf } from '../parsers/yaml';
import { getPair } from '../parsers/kubernetes';
import { setIn } from '../rules/kubernetes/util';
import type { Adapter, Hit, Leaf } from './evaluate';
import { evaluate, leafText, splitPath } from './evaluate';
import { formatMessage } from './message';
import type { Condition, Policy, Scalar } from './types';

/** Where a finding goes, and whether it is more precise than the subject's header line. */
export interface Anchor {
  range: Range;
  specific: boolean;
}

/** A map of a manifest a policy reads: an object, a pod spec or a container. */
export interface YamlSubject {
  file: YamlFile;
  doc: Document.Parsed;
  node: unknown;
  header: Range;
  /**
   * How the first key of a path is read when the format resolves it specially (Compose merge
   * keys and `extends:`): its key and value node, null when not set, 'unknown' when it may be set
   * elsewhere.
   */
  first?: (key: string) => { key: unknown; value: unknown } | null | 'unknown';
  /**
   * The keys a path segment may be written as, first found wins (Pulumi programs name Terraform
   * attributes in lowerCamelCase); the segment itself when not given.
   */
  keys?: (segment: string) => readonly string[];
  /** Whether a node is a value computed when the program runs (never known statically). */
  opaque?: (node: unknown) => boolean;
}

function toLeaf(node: unknown, doc: Document, opaque?: (node: unknown) => boolean): Leaf {
  const n = deref(node, doc);
  if (opaque?.(n)) {
    return { kind: 'unknown' };
  }
  if (isScalar(n)) {
    const v = n.value;
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? { kind: 'scalar', value: v } : { kind: 'unknown' };
  }
  if (isSeq(n)) {
    return { kind: 'list', items: n.items.map((i) => toLeaf(i, doc, opaque)) };
  }
  return isMap(n) ? { kind: 'object' } : { kind: 'unknown' };
}

/** The pair a path segment names in a map, under any of the keys it may be written as. */
export function pairOf(s: YamlSubject, map: unknown, segment: string): ReturnType<typeof getPair> {
  for (const k of s.keys?.(segment) ?? [segment]) {
    const pair = getPair(map, k, s.doc);
    if (pair) {
      return pair;
    }
  }
  return undefined;
}

function walk(s: YamlSubject, node: unknown, keys: readonly string[], anchor: Anchor, out: Hit<Anchor>[]): void {
  const n = deref(node, s.doc);
  if (keys.length === 0) {
    const items = isSeq(n) ? n.items.map((i) => ({ range: rangeOf(s.file, i), specific: true })) : undefined;
    const value = toLeaf(n, s.doc, s.opaque);
    out.push(items ? { state: 'value', value, anchor, items } : { state: 'value', value, anchor });
    return;
  }
  if (s.opaque?.(n)) {
    out.push({ state: 'value', value: { kind: 'unknown' }, anchor });
    return;
  }
  if (isSeq(n)) {
    if (n.items.length === 0) {
      out.push({ state: 'absent', anchor });
    }
    for (const item of n.items) {
      walk(s, item, keys, { range: rangeOf(s.file, item), specific: true }, out);
    }
    return;
  }
  if (isMap(n)) {
    const pair = pairOf(s, n, keys[0]);
    if (!pair) {
      out.push({ state: 'absent', anchor });
      return;
    }
    walk(s, pair.value, keys.slice(1), { range: rangeOf(s.file, pair.key), specific: true }, out);
    return;
  }
  if (n === undefined || n === null || (isScalar(n) && n.value === null)) {
    out.push({ state: 'absent', anchor });
    return;
  }
  out.push({ state: 'value', value: { kind: 'unknown' }, anchor });
}

export const YAML_ADAPTER: Adapter<YamlSubject, Anchor> = {
  lookup(s, path) {
    const out: Hit<Anchor>[] = [];
    const first = s.first?.(path[0] ?? '');
    if (first === 'unknown') {
      return [{ state: 'value', value: { kind: 'unknown' }, anchor: { range: s.header, specific: false } }];
    }
    if (first) {
      walk(s, first.value, path.slice(1), { range: rangeOf(s.file, first.key), specific: true }, out);
    } else if (first === null) {
      out.push({ state: 'absent', anchor: { range: s.header, specific: false } });
    } else {
      walk(s, s.node, path, { range: s.header, specific: false }, out);
    }
    return out;
  },
  anchorOf: (s) => ({ range: s.header, specific: false }),
  specific: (a) => a.specific,
};

/** Whether a condition can hold because something is missing (such findings skip manifest fragments). */
export function usesAbsence(c: Condition): boolean {
  if ('all' in c) {
    return c.all.some(usesAbsence);
  }
  if ('any' in c) {
    return c.any.some(usesAbsence);
  }
  if ('not' in c) {
    return true;
  }
  return 'absent' in c || 'blank' in c || 'notIn' in c;
}

/** A YAML scalar: plain when it cannot be read as anything but the string, else double-quoted. */
function literal(v: Scalar): string {
  if (typeof v !== 'string') {
    return String(v);
  }
  return /^[A-Za-z][\w./-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v) ? v : JSON.stringify(v);
}


/**
 * The keys a fix writes. Where segments are renamed (`keys`), only a one-key fix on an existing
 * map is mapped back, and only when the key is written (or would be) under its first name.
 */
function fixKeys(s: YamlSubject, path: readonly string[]): readonly string[] | undefined {
  if (!s.keys) {
    return path;
  }
  const n = deref(s.node, s.doc);
  if (path.length !== 1 || !isMap(n) || s.opaque?.(n)) {
    return undefined;
  }
  const name = s.keys(path[0])[0];
  const pair = pairOf(s, n, path[0]);
  return name !== undefined && (!pair || (pair.key as { value?: unknown } | null)?.value === name) ? [name] : undefined;
}

/**
 * The maps at a path (each a subject of its own, for `some`): list items fan out; unknown when a
 * value on the way is computed. A format where a path names nested blocks (Pulumi programs) uses it.
 */
function itemsAt(s: YamlSubject, node: unknown, keys: readonly string[], out: YamlSubject[]): boolean {
  const n = deref(node, s.doc);
  if (s.opaque?.(n)) {
    return false;
  }
  if (isSeq(n)) {
    return n.items.every((i) => itemsAt(s, i, keys, out));
  }
  if (keys.length === 0) {
    if (isMap(n)) {
      out.push({ ...s, node: n, header: rangeOf(s.file, n) });
      return true;
    }
    return n === undefined || n === null || (isScalar(n) && n.value === null);
  }
  if (!isMap(n)) {
    return n === undefined || n === null || (isScalar(n) && n.value === null);
  }
  const pair = pairOf(s, n, keys[0]);
  return pair ? itemsAt(s, pair.value, keys.slice(1), out) : true;
}

/** YAML_ADAPTER, and `some` conditions walked into nested maps (Pulumi programs). */
export const NESTED_YAML_ADAPTER: Adapter<YamlSubject, Anchor> = {
  ...YAML_ADAPTER,
  items(s, path) {
    const items: YamlSubject[] = [];
    const known = itemsAt(s, s.node, path, items);
    return { items, unknown: !known };
  },
};

/** A finding reporter for a YAML policy: evaluates it on one subject and reports a definite yes. */
export function reportYamlPolicy(policy: Policy, ctx: RuleContext<YamlFile>, adapter: Adapter<YamlSubject, Anchor> = YAML_ADAPTER): (s: YamlSubject, name: string, type: string) => void {
  return (s, name, type) => {
    if (policy.where && evaluate(policy.where, s, adapter).t !== 'yes') {
      return;
    }
    const t = evaluate(policy.when, s, adapter);
    if (t.t !== 'yes') {
      return;
    }
    const f = policy.fix;
    const keys = f ? fixKeys(s, splitPath(f.path)) : undefined;
    const edits = f && keys ? setIn(ctx.model, s.node, keys, literal(f.value), s.doc) : undefined;
    ctx.report({
      range: t.anchor.range,
      message: formatMessage(policy.message, { name, type, value: leafText(t.value) }),
      fix: f && keys && edits ? { title: `Set ${keys.join('.')} to ${literal(f.value)}`, safe: f.safe, edits } : undefined,
    });
  };
}

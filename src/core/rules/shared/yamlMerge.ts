import type { Document } from 'yaml';
import { deref, isAlias, isMap, isScalar, isSeq } from '../../parsers/yaml';
import type { Pair } from '../../parsers/yaml';
import { KeptOn } from '../../memo';

/** One entry of a map after YAML merge keys are applied. */
export interface MergedEntry {
  key: string;
  /** The pair that holds the value (inside the anchored map when inherited). */
  pair: Pair<unknown, unknown>;
  /** The value, aliases resolved. */
  value: unknown;
  /** True when the entry comes from a `<<:` merge rather than the map itself. */
  inherited: boolean;
}

const MAX_DEPTH = 8;

/** Resolved entries per map (parsed documents are never modified, so an entry list stays right). */
const resolved = new KeptOn<object, { doc?: Document; entries: readonly MergedEntry[] }>();

function isMergeKey(key: unknown): boolean {
  // a quoted "<<" is an ordinary key; only the plain scalar merges
  return isScalar(key) && key.value === '<<' && (key.type === 'PLAIN' || key.type === undefined);
}

/**
 * Entries of a map with YAML merge keys resolved (`<<: *base`, `<<: [*a, *b]`, `<<: {…}`):
 * keys written in the map win over merged ones, and earlier merge sources win over later ones,
 * as in YAML 1.1's merge type that Compose and GitLab CI both honour.
 */
export function mergedEntries(node: unknown, doc?: Document, depth = 0): readonly MergedEntry[] {
  const map = deref(node, doc);
  if (!isMap(map) || depth > MAX_DEPTH) {
    return [];
  }
  // rules look up one key at a time (mergedEntry), often many times per map: resolve each map once
  const memo = depth === 0 ? resolved.get(map) : undefined;
  if (memo && memo.doc === doc) {
    return memo.entries;
  }
  const own = new Map<string, MergedEntry>();
  const sources: unknown[] = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key)) {
      continue;
    }
    if (isMergeKey(pair.key)) {
      const v = pair.value;
      if (isSeq(v)) {
        sources.push(...v.items);
      } else if (isAlias(v) || isMap(v)) {
        sources.push(v);
      }
      continue;
    }
    const key = String(pair.key.value);
    // a repeated key: the later one is what YAML loaders keep
    own.delete(key);
    own.set(key, { key, pair, value: deref(pair.value, doc), inherited: false });
  }
  const out = [...own.values()];
  const seen = new Set(own.keys());
  for (const source of sources) {
    for (const entry of mergedEntries(source, doc, depth + 1)) {
      if (!seen.has(entry.key)) {
        seen.add(entry.key);
        out.push({ ...entry, inherited: true });
      }
    }
  }
  if (depth === 0) {
    resolved.set(map, { doc, entries: out });
  }
  return out;
}

/** The entry of `key` in a map, merge keys resolved. */
export function mergedEntry(node: unknown, key: string, doc?: Document): MergedEntry | undefined {
  return mergedEntries(node, doc).find((e) => e.key === key);
}

/** The value of `key` in a map, merge keys resolved. */
export function mergedGet(node: unknown, key: string, doc?: Document): unknown {
  return mergedEntry(node, key, doc)?.value;
}

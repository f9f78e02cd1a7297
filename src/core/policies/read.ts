import type { Document } from 'yaml';
import { deref, isMap, isSeq, seqItems } from '../parsers/yaml';
import type { Policy } from './types';
import { validatePolicy } from './validate';

/** A problem of aurora.yaml `policies:` with the YAML node it is about. */
export interface PolicyNodeProblem {
  message: string;
  node: unknown;
}

/** The deepest node of `path` under `node` that exists (where a problem is shown). */
function nodeAt(node: unknown, path: readonly (string | number)[], doc: Document): unknown {
  let here = node;
  for (const step of path) {
    const n = deref(here, doc);
    let next: unknown;
    if (isMap(n)) {
      const pair = n.items.find((p) => (p.key as { value?: unknown } | null)?.value === step);
      // a problem with a key's value shows on its value, one with the key itself on the key
      next = pair ? (pair.value ?? pair.key) : undefined;
    } else if (isSeq(n) && typeof step === 'number') {
      next = n.items[step];
    }
    if (next === undefined || next === null) {
      return here;
    }
    here = next;
  }
  return here;
}

/**
 * The user policies of aurora.yaml (`policies:`, a list), validated. Invalid policies are left
 * out and explained with the node each problem is about; `taken` holds the ids already used.
 */
export function readPolicies(node: unknown, doc: Document, taken: ReadonlySet<string>): { policies: Policy[]; problems: PolicyNodeProblem[] } {
  const policies: Policy[] = [];
  const problems: PolicyNodeProblem[] = [];
  const n = deref(node, doc);
  if (n === undefined || n === null || (typeof n === 'object' && 'value' in n && (n as { value: unknown }).value === null)) {
    return { policies, problems };
  }
  if (!isSeq(n)) {
    return { policies, problems: [{ message: 'policies must be a list of policies', node: n }] };
  }
  const ids = new Set(taken);
  seqItems(n, doc).forEach((item, i) => {
    const value: unknown = isMap(item) ? item.toJSON() : (item as { toJSON?: () => unknown } | null)?.toJSON?.();
    const r = validatePolicy(value, ids);
    for (const p of r.problems) {
      const id = (value as { id?: unknown } | null)?.id;
      problems.push({ message: `policies[${i}]${typeof id === 'string' ? ` (${id})` : ''}: ${p.message}`, node: nodeAt(item, p.at, doc) });
    }
    if (r.policy) {
      ids.add(r.policy.id);
      policies.push(r.policy);
    }
  });
  return { policies, problems };
}

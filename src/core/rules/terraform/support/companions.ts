import type { HclBlock } from '../../../parsers/terraform';
import { referencesIn } from './report';
import { str } from './values';
import type { TfModule } from './values';
import { KeptOn } from '../../../memo';

/**
 * Separate resources that configure a bucket (or security group) point at it through an
 * attribute such as `bucket = aws_s3_bucket.logs.id`, through `for_each = aws_s3_bucket.x`, or
 * by the literal name. A companion whose target cannot be told (`bucket = var.name`) may
 * configure any of them: `unknownTarget` then says so, and "missing companion" rules stay silent.
 */
export interface Companions {
  matched: HclBlock[];
  unknownTarget: boolean;
}

/** What every companion of one type says about its target, worked out once per module. */
interface CompanionIndex {
  /** Companions by the target resource name they reference (`aws_s3_bucket.logs` → logs). */
  byName: Map<string, { order: number; block: HclBlock }[]>;
  /** Companions that reference no known target, by the literal name they give. */
  byLiteral: Map<string, { order: number; block: HclBlock }[]>;
  /** A companion names no target at all (`bucket = var.name`). */
  unnamed: boolean;
  /** Companions by a literal name that is no known target's and does not look like one. */
  oddLiterals: Set<string>;
}

// the four S3 rules ask for every bucket: one pass over the companions per module instead of one per bucket
const indexes = new KeptOn<TfModule, Map<string, CompanionIndex>>();

function companionIndex(mod: TfModule, targetType: string, type: string, via: string, targetNameAttr: string): CompanionIndex {
  let byKey = indexes.get(mod);
  if (!byKey) {
    byKey = new Map();
    indexes.set(mod, byKey);
  }
  const key = `${targetType}\u0000${type}\u0000${via}\u0000${targetNameAttr}`;
  const index = byKey.get(key);
  if (index) {
    return index;
  }
  const allTargets = new Set(mod.resources(targetType).map((b) => b.labels[1]));
  const allLiterals = new Set(mod.resources(targetType).map((b) => str(mod.attr(b, targetNameAttr)?.value)).filter((x): x is string => !!x));
  const built: CompanionIndex = { byName: new Map(), byLiteral: new Map(), unnamed: false, oddLiterals: new Set() };
  const add = (map: Map<string, { order: number; block: HclBlock }[]>, k: string, entry: { order: number; block: HclBlock }): void => {
    const list = map.get(k);
    if (list) {
      list.push(entry);
    } else {
      map.set(k, [entry]);
    }
  };
  mod.resources(type).forEach((c, order) => {
    const viaAttr = c.attributes.find((a) => a.name === via);
    const refs = [...referencesIn(viaAttr?.value), ...referencesIn(c.attributes.find((a) => a.name === 'for_each')?.value)];
    const names = new Set(refs.filter((p) => p[0] === targetType).map((p) => p[1]));
    if ([...names].some((n) => allTargets.has(n))) {
      // it configures the targets it names (a name of no known target does not count)
      for (const n of names) {
        add(built.byName, n, { order, block: c });
      }
      return;
    }
    const literal = viaAttr ? str(mod.attr(c, via)?.value) : undefined;
    if (literal === undefined) {
      built.unnamed = true;
      return;
    }
    add(built.byLiteral, literal, { order, block: c });
    if (!allLiterals.has(literal) && !/^[a-z0-9][a-z0-9.-]*$/.test(literal)) {
      built.oddLiterals.add(literal);
    }
  });
  byKey.set(key, built);
  return built;
}

/** Companion resources of `type` configuring `target` through attribute `via` (same file). */
export function companionsOf(mod: TfModule, target: HclBlock, type: string, via: string, targetNameAttr = 'bucket'): Companions {
  const [targetType, targetName] = target.labels;
  const targetLiteral = str(mod.attr(target, targetNameAttr)?.value);
  const index = companionIndex(mod, targetType ?? '', type, via, targetNameAttr);
  const found = [...(index.byName.get(targetName ?? '') ?? []), ...(targetLiteral !== undefined ? (index.byLiteral.get(targetLiteral) ?? []) : [])];
  found.sort((a, b) => a.order - b.order);
  // an odd literal may name an unknown target, unless it is this target's own name
  const odd = [...index.oddLiterals].some((literal) => literal !== targetLiteral);
  return { matched: found.map((f) => f.block), unknownTarget: index.unnamed || odd };
}

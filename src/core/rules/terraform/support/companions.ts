import type { HclBlock } from '../../../parsers/terraform';
import { referencesIn } from './report';
import { str } from './values';
import type { TfModule } from './values';

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

/** Companion resources of `type` configuring `target` through attribute `via` (same file). */
export function companionsOf(mod: TfModule, target: HclBlock, type: string, via: string, targetNameAttr = 'bucket'): Companions {
  const [targetType, targetName] = target.labels;
  const targetLiteral = str(mod.attr(target, targetNameAttr)?.value);
  const allTargets = new Set(mod.resources(targetType ?? '').map((b) => b.labels[1]));
  const allLiterals = new Set(mod.resources(targetType ?? '').map((b) => str(mod.attr(b, targetNameAttr)?.value)).filter((x): x is string => !!x));
  const out: Companions = { matched: [], unknownTarget: false };
  for (const c of mod.resources(type)) {
    const viaAttr = c.attributes.find((a) => a.name === via);
    const refs = [...referencesIn(viaAttr?.value), ...referencesIn(c.attributes.find((a) => a.name === 'for_each')?.value)];
    const typed = refs.filter((p) => p[0] === targetType);
    if (typed.some((p) => p[1] === targetName)) {
      out.matched.push(c);
      continue;
    }
    if (typed.some((p) => allTargets.has(p[1]))) {
      continue;
    }
    const literal = viaAttr ? str(mod.attr(c, via)?.value) : undefined;
    if (literal !== undefined) {
      if (literal === targetLiteral) {
        out.matched.push(c);
      } else if (!allLiterals.has(literal) && !/^[a-z0-9][a-z0-9.-]*$/.test(literal)) {
        out.unknownTarget = true;
      }
      continue;
    }
    out.unknownTarget = true;
  }
  return out;
}

/** Shared reporting for the three unknown-key rules (one per level, so each can be configured). */
import type { RuleContext } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { mapEntries, rangeOf } from '../../parsers/yaml';
import { closest } from '../shared/suggest';

/** Report every key of `map` not in `known`, offering the closest known key as an unsafe rename. */
export function reportUnknownKeys(ctx: RuleContext<YamlFile>, map: unknown, known: readonly string[], message: (key: string, suggestion?: string) => string): void {
  const present = new Set(mapEntries(map).map((e) => e.key));
  for (const { key, pair } of mapEntries(map)) {
    if (known.includes(key)) {
      continue;
    }
    const suggestion = closest(key, known.filter((k) => !present.has(k)));
    const range = rangeOf(ctx.model, pair.key);
    ctx.report({
      range,
      message: message(key, suggestion),
      fix: suggestion ? { title: `Rename '${key}' to '${suggestion}'`, safe: false, edits: [{ range, newText: suggestion }] } : undefined,
    });
  }
}

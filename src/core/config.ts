import { parseYamlFile, mapEntries, get, str, rangeOf } from './parsers/yaml';
import type { AnalyzeConfig, Range, SeverityLevel } from './types';
import { readPolicies } from './policies/read';
import type { Policy } from './policies/types';
import { ALL_RULES } from './rules';

const LEVELS: readonly SeverityLevel[] = ['off', 'info', 'warning', 'error'];

/** A problem in aurora.yaml's `rules:` section, with where it is. */
export interface ConfigProblem {
  message: string;
  range: Range;
}

/**
 * Read the analysis settings (`rules:` severity overrides) from the text of an aurora.yaml.
 * Never throws: problems are returned with their place so callers can show them.
 */
export function parseAnalyzeConfig(text: string): { config: AnalyzeConfig; problems: ConfigProblem[] } {
  const file = parseYamlFile(text);
  const problems: ConfigProblem[] = [];
  if (file.error) {
    return { config: {}, problems: [{ message: `aurora.yaml does not parse: ${file.error.message}`, range: file.error.range }] };
  }
  const doc = file.documents[0];
  if (!doc) {
    return { config: {}, problems };
  }
  const rulesNode = get(doc.contents, 'rules', doc);
  const rules: Record<string, SeverityLevel> = {};
  for (const { key, value } of mapEntries(rulesNode, doc)) {
    const level = str(value);
    if (level !== undefined && (LEVELS as readonly string[]).includes(level)) {
      rules[key] = level as SeverityLevel;
    } else {
      problems.push({ message: `rules.${key}: expected one of ${LEVELS.join(', ')}`, range: rangeOf(file, value ?? rulesNode) });
    }
  }
  const read = readPolicies(get(doc.contents, 'policies', doc), doc, new Set(ALL_RULES.map((r) => r.id)));
  for (const p of read.problems) {
    problems.push({ message: p.message, range: rangeOf(file, p.node) });
  }
  return { config: read.policies.length > 0 ? { rules, policies: read.policies } : { rules }, problems };
}

/** Merge configs: later ones win per rule id (and per policy id). */
export function mergeConfigs(...configs: (AnalyzeConfig | undefined)[]): AnalyzeConfig {
  const rules: Record<string, SeverityLevel> = {};
  const policies = new Map<string, Policy>();
  let resourceDefaults: AnalyzeConfig['resourceDefaults'];
  for (const c of configs) {
    if (!c) {
      continue;
    }
    Object.assign(rules, c.rules ?? {});
    for (const p of c.policies ?? []) {
      policies.set(p.id, p);
    }
    resourceDefaults = c.resourceDefaults ?? resourceDefaults;
  }
  return policies.size > 0 ? { rules, resourceDefaults, policies: [...policies.values()] } : { rules, resourceDefaults };
}

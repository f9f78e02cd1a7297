import { parseYamlFile, mapEntries, get, str, rangeOf } from './parsers/yaml';
import type { AnalyzeConfig, Range, SeverityLevel } from './types';

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
  return { config: { rules }, problems };
}

/** Merge configs: later ones win per rule id. */
export function mergeConfigs(...configs: (AnalyzeConfig | undefined)[]): AnalyzeConfig {
  const rules: Record<string, SeverityLevel> = {};
  let resourceDefaults: AnalyzeConfig['resourceDefaults'];
  for (const c of configs) {
    if (!c) {
      continue;
    }
    Object.assign(rules, c.rules ?? {});
    resourceDefaults = c.resourceDefaults ?? resourceDefaults;
  }
  return { rules, resourceDefaults };
}

/**
 * The analysis core: pure functions from (path, text, config) to findings and fixes.
 * No VS Code, file system or process access happens below this folder.
 */
export { cachedChars, clearCaches } from './caches';
export { analyze, analyzeFiles, createEngine, dirOf, FOLDER_KINDS, internalErrorMessage, RULE_IDS, effectiveSeverity, ENGINE_RULES, MAX_FILE_BYTES, MAX_YAML_BYTES, skipReason, PARSE_ERROR, FILE_TOO_LARGE, INTERNAL_ERROR, DUPLICATE_KEY, duplicateKeyMessage } from './analyze';
export type { AnalyzeFilesOptions, Engine, SkipReason } from './analyze';
export { applyFixes, applyEdits } from './fixes';
export { detectKind, grammarsOf } from './kinds';
export { parseAnalyzeConfig, mergeConfigs } from './config';
export type { ParsedAnalyzeConfig, ConfigProblem } from './config';
export { excludeGlobProblem, excludeMatcher } from './exclude';
export { ALL_RULES, catalog, docsHeader, docsPath } from './rules';
export type { CatalogEntry } from './rules';
export { configureWasm, isGrammarLoaded, loadGrammars, WASM_FILES } from './parsers/treeSitter';
export type { WasmReader, GrammarName } from './parsers/treeSitter';
export { TextIndex } from './text';
export * from './types';
export type { Rule, FolderRule, RuleMeta, Equivalent, Report, RuleContext } from './rule';

import { loadGrammars } from './parsers/treeSitter';

/** Load every parser the rules need. Call once (it is idempotent) before `analyze`. */
export async function prepare(): Promise<void> {
  await loadGrammars(['bash', 'terraform']);
}

import { Language, Parser } from 'web-tree-sitter';

/** Grammars the core uses, by the name of their wasm file. */
export type GrammarName = 'bash' | 'terraform';

/** Reads a wasm file shipped with the extension or CLI: hosts provide it (the core does no I/O). */
export type WasmReader = (file: string) => Promise<Uint8Array>;

const GRAMMAR_FILES: Record<GrammarName, string> = {
  bash: 'tree-sitter-bash.wasm',
  terraform: 'tree-sitter-terraform.wasm',
};

let reader: WasmReader | undefined;
let runtime: Promise<void> | undefined;
const languages = new Map<GrammarName, Language>();
const loading = new Map<GrammarName, Promise<void>>();
const parsers = new Map<GrammarName, Parser>();

/** Tell the core how to read wasm files. Must be called by the host before `loadGrammars`. */
export function configureWasm(read: WasmReader): void {
  reader = read;
}

/**
 * Load grammars (once; concurrent callers share the same load). Parsing itself is synchronous
 * afterwards, so `analyze` can stay synchronous on the typing path.
 */
export async function loadGrammars(names: readonly GrammarName[] = ['bash', 'terraform']): Promise<void> {
  const read = reader;
  if (!read) {
    throw new Error('Aurora core: configureWasm() was not called before loadGrammars()');
  }
  if (!runtime) {
    runtime = read('tree-sitter.wasm').then((wasmBinary) => Parser.init({ wasmBinary }));
  }
  await runtime;
  await Promise.all(
    names.map((name) => {
      let p = loading.get(name);
      if (!p) {
        p = read(GRAMMAR_FILES[name]).then(async (bytes) => {
          languages.set(name, await Language.load(bytes));
        });
        loading.set(name, p);
      }
      return p;
    }),
  );
}

/** Whether a grammar is ready for synchronous parsing. */
export function isGrammarLoaded(name: GrammarName): boolean {
  return languages.has(name);
}

/** A parser for a loaded grammar; throws when `loadGrammars` has not completed for it. */
export function parserFor(name: GrammarName): Parser {
  let parser = parsers.get(name);
  if (!parser) {
    const language = languages.get(name);
    if (!language) {
      throw new Error(`Aurora core: the ${name} grammar is not loaded (await loadGrammars() first)`);
    }
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(name, parser);
  }
  return parser;
}

/** Names of the wasm files hosts must be able to read. */
export const WASM_FILES: readonly string[] = ['tree-sitter.wasm', ...Object.values(GRAMMAR_FILES)];

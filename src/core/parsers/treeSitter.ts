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
    runtime = read('tree-sitter.wasm').then(async (wasmBinary) => {
      // Emscripten makes the options object the module: it holds the wasm exports afterwards
      const module: Record<string, unknown> = { wasmBinary };
      await Parser.init(module);
      cursorCalls = cursorCallsOf(module);
    });
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

/**
 * web-tree-sitter's own calls for walking a tree with a cursor, straight into wasm. Its
 * TreeCursor copies the cursor's four words into the shared transfer buffer before every call and
 * back after every move (eight `setValue`/`getValue` calls around each call into wasm: a third of
 * reading a bash tree). The wasm side reads the cursor from that buffer and writes it back after a
 * move, so a reader that makes no other tree-sitter call in between can skip the copies:
 * `tree.walk()` leaves its new cursor there. Each takes the tree's address.
 */
export interface CursorCalls {
  typeId(tree: number): number;
  startIndex(tree: number): number;
  endIndex(tree: number): number;
  isMissing(tree: number): number;
  fieldId(tree: number): number;
  gotoFirstChild(tree: number): number;
  gotoNextSibling(tree: number): number;
  gotoParent(tree: number): number;
}

let cursorCalls: CursorCalls | undefined;

const CURSOR_EXPORTS: Record<keyof CursorCalls, string> = {
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  startIndex: '_ts_tree_cursor_start_index_wasm',
  endIndex: '_ts_tree_cursor_end_index_wasm',
  isMissing: '_ts_tree_cursor_current_node_is_missing_wasm',
  fieldId: '_ts_tree_cursor_current_field_id_wasm',
  gotoFirstChild: '_ts_tree_cursor_goto_first_child_wasm',
  gotoNextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  gotoParent: '_ts_tree_cursor_goto_parent_wasm',
};

function cursorCallsOf(module: Record<string, unknown>): CursorCalls | undefined {
  const calls: Partial<Record<keyof CursorCalls, unknown>> = {};
  for (const [name, exported] of Object.entries(CURSOR_EXPORTS) as [keyof CursorCalls, string][]) {
    if (typeof module[exported] !== 'function') {
      // another web-tree-sitter build: its TreeCursor serves
      return undefined;
    }
    calls[name] = module[exported];
  }
  return calls as CursorCalls;
}

/** The direct cursor calls, once the runtime is loaded (undefined: use web-tree-sitter's TreeCursor). */
export function directCursorCalls(): CursorCalls | undefined {
  return cursorCalls;
}

/** A tree's address in wasm memory (web-tree-sitter keeps it at index 0). */
export function treeAddress(tree: object): number {
  return (tree as Record<number, number>)[0];
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

import * as fs from 'fs';
import * as path from 'path';
import { configureWasm, grammarsOf, isGrammarLoaded, loadGrammars, prepare } from '../core';
import type { FileKind, GrammarName } from '../core';

/** Packages that ship each wasm file, for running from a source checkout. */
const PACKAGE_OF: Record<string, string> = {
  'tree-sitter.wasm': 'web-tree-sitter',
  'tree-sitter-bash.wasm': 'tree-sitter-bash',
  'tree-sitter-terraform.wasm': '@tree-sitter-grammars/tree-sitter-hcl',
};

/**
 * Find a wasm file: next to the bundle (dist/wasm, as shipped in the VSIX and npm package) or in
 * node_modules when running from compiled sources.
 */
export function locateWasm(file: string, baseDir: string = __dirname): string {
  const candidates = [path.join(baseDir, 'wasm', file), path.join(baseDir, '..', 'dist', 'wasm', file), path.join(baseDir, '..', '..', 'dist', 'wasm', file)];
  for (const c of candidates) {
    if (fs.existsSync(c)) {
      return c;
    }
  }
  const pkg = PACKAGE_OF[file];
  if (pkg) {
    try {
      return require.resolve(`${pkg}/${file}`);
    } catch {
      // fall through to the error below
    }
  }
  throw new Error(`Aurora: cannot find ${file} (looked in ${candidates.join(', ')})`);
}

/** Configure the core to read wasm files from disk (nothing is read or compiled yet). */
export function configureNodeWasm(baseDir?: string): void {
  configureWasm(async (file) => new Uint8Array(await fs.promises.readFile(locateWasm(file, baseDir))));
}

/** Configure the core to read wasm files from disk and load every grammar. */
export async function prepareNode(baseDir?: string): Promise<void> {
  configureNodeWasm(baseDir);
  await prepare();
}

/**
 * Load only the grammars these kinds of files need (`configureNodeWasm` first): a compose or
 * Kubernetes check compiles no wasm at all, a Terraform one not the 1.3 MB bash grammar.
 */
export async function loadGrammarsFor(kinds: Iterable<FileKind | undefined>): Promise<void> {
  const needed = new Set<GrammarName>();
  for (const kind of kinds) {
    if (kind) {
      for (const g of grammarsOf(kind)) {
        needed.add(g);
      }
    }
  }
  if (needed.size > 0) {
    await loadGrammars([...needed]);
  }
}

/** Whether the grammars a kind of file needs are loaded (its analysis can run synchronously). */
export function grammarsLoaded(kind: FileKind): boolean {
  return grammarsOf(kind).every(isGrammarLoaded);
}

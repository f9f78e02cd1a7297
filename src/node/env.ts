import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzeEnv } from '../core/types';

/** Files the core may read around an analysed one are small configuration files: above this, no answer. */
const READ_LIMIT = 256 * 1024;

function readSmall(file: string): string | undefined {
  try {
    // most files asked about do not exist (a skaffold.yaml five folders up): no error is made for them
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
    return size !== undefined && size <= READ_LIMIT ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Answers kept for one run over files that do not change meanwhile (the CLI's), by absolute path. */
export interface NeighbourCache {
  exists: Map<string, boolean>;
  texts: Map<string, string | undefined>;
}

/** A cache for hostEnv, for a host whose files do not change while it runs. */
export function neighbourCache(): NeighbourCache {
  return { exists: new Map(), texts: new Map() };
}

function cached<V>(map: Map<string, V> | undefined, key: string, get: (key: string) => V): V {
  if (!map) {
    return get(key);
  }
  if (!map.has(key)) {
    map.set(key, get(key));
  }
  return map.get(key) as V;
}

/**
 * The host's answers about the files around one in `dir` (the CLI's and the editor's): whether a
 * file exists, and the text of a small neighbouring file (a skaffold.yaml, a kustomization, a
 * .gitignore), undefined when it is missing, unreadable or too large. Every manifest of a tree
 * asks about the same few files above it: a host whose files do not change during a run (the
 * CLI) passes one cache for all; the editor, whose files do, reads afresh.
 */
export function hostEnv(dir: string, cache?: NeighbourCache): AnalyzeEnv {
  return {
    fileExists: (p: string) => cached(cache?.exists, path.resolve(dir, p), (f) => fs.existsSync(f)),
    readFile: (p: string) => cached(cache?.texts, path.resolve(dir, p), readSmall),
  };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalyzeEnv } from '../core/types';

/** Files the core may read around an analysed one are small configuration files: above this, no answer. */
const READ_LIMIT = 256 * 1024;

/**
 * The host's answers about the files around one in `dir` (the CLI's and the editor's): whether a
 * file exists, and the text of a small neighbouring file (a skaffold.yaml, a kustomization),
 * undefined when it is missing, unreadable or too large.
 */
export function hostEnv(dir: string): AnalyzeEnv {
  return {
    fileExists: (p: string) => fs.existsSync(path.resolve(dir, p)),
    readFile: (p: string) => {
      try {
        const file = path.resolve(dir, p);
        return fs.statSync(file).size <= READ_LIMIT ? fs.readFileSync(file, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

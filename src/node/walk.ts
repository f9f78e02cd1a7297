import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { detectKind } from '../core';

/** Folders never walked: dependencies, VCS data and tool caches. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.vscode-test', 'dist', 'out', '.next', 'vendor', 'target']);

/** A problem met while walking (unreadable folder, symlink loop). */
export interface WalkProblem {
  path: string;
  message: string;
}

/** Files found by `walkInfraFiles`, and problems met on the way. */
export interface WalkResult {
  files: string[];
  problems: WalkProblem[];
}

/**
 * Candidate infrastructure files under `root` by name: Dockerfiles, *.tf and YAML (YAML content
 * decides later whether it is Kubernetes). Honours .gitignore files on the way down, skips
 * SKIPPED_DIRS, follows no symlinked directories (so loops cannot hang it).
 */
export function walkInfraFiles(root: string): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const stack: { dir: string; ignores: { base: string; ig: Ignore }[] }[] = [{ dir: root, ignores: [] }];
  while (stack.length > 0) {
    const { dir, ignores } = stack.pop() as { dir: string; ignores: { base: string; ig: Ignore }[] };
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir, message: errorText(e) });
      continue;
    }
    let here = ignores;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const ig = ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
        here = [...ignores, { base: dir, ig }];
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const isDir = entry.isDirectory();
      if (isIgnored(here, full, isDir)) {
        continue;
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) {
          stack.push({ dir: full, ignores: here });
        }
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (isCandidate(full)) {
          if (entry.isSymbolicLink()) {
            try {
              if (!fs.statSync(full).isFile()) {
                continue;
              }
            } catch (e) {
              problems.push({ path: full, message: errorText(e) });
              continue;
            }
          }
          files.push(full);
        }
      }
    }
  }
  files.sort();
  return { files, problems };
}

function isIgnored(ignores: { base: string; ig: Ignore }[], full: string, isDir: boolean): boolean {
  for (const { base, ig } of ignores) {
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && ig.ignores(isDir ? rel + '/' : rel)) {
      return true;
    }
  }
  return false;
}

/** Whether a path could be an infrastructure file (YAML is confirmed by content later). */
export function isCandidate(file: string): boolean {
  const norm = file.split(path.sep).join('/');
  if (detectKind(norm) !== undefined) {
    return true;
  }
  return /\.ya?ml$/i.test(norm) || /\.tfstate(\.backup)?$/i.test(norm);
}

/** A short, user-facing description of a file-system error. */
export function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err?.message ?? String(e);
  }
}

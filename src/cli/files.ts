import * as fs from 'fs';
import * as path from 'path';
import { parseAnalyzeConfig } from '../core';
import type { AnalyzeConfig, AnalyzeEnv } from '../core';
import { errorText, walkInfraFiles } from '../node/walk';
import { UsageError, warn } from './io';

/** Files to analyse from the command line's paths, and whether any path was unreadable. */
export interface Collected {
  files: string[];
  unreadable: number;
}

/** Expand path arguments into candidate files (directories are walked). */
export function collectFiles(paths: readonly string[]): Collected {
  const files = new Set<string>();
  let unreadable = 0;
  for (const p of paths.length > 0 ? paths : ['.']) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new UsageError(`${p}: ${errorText(e)}`);
    }
    if (stat.isDirectory()) {
      const walked = walkInfraFiles(p);
      for (const problem of walked.problems) {
        warn(`${problem.path}: ${problem.message}`);
        unreadable++;
      }
      for (const f of walked.files) {
        files.add(f);
      }
    } else if (stat.isFile()) {
      files.add(p);
    } else {
      // a FIFO, socket or device: reading it could block forever or never end
      warn(`${p}: not a regular file`);
      unreadable++;
    }
  }
  return { files: [...files], unreadable };
}

/** Read a text file, or report why not (never throws). */
export function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    warn(`${file}: ${errorText(e)}`);
    return undefined;
  }
}

/** The nearest aurora.yaml at or above `start`. */
export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) {
      dir = path.dirname(dir);
    }
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    for (const name of ['aurora.yaml', 'aurora.yml']) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) {
        return candidate;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

/**
 * Read `--config FILE` (must be readable: a usage error otherwise) or the nearest aurora.yaml (an
 * unreadable one is warned about, with `fallback` saying what happens instead).
 */
export function readConfigText(explicit: string | undefined, start: string, fallback: string): { file?: string; text?: string } {
  const file = explicit ?? findConfig(start);
  if (!file) {
    return {};
  }
  try {
    return { file, text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    if (explicit) {
      throw new UsageError(`--config ${explicit}: ${errorText(e)}`);
    }
    warn(`${file}: ${errorText(e)}; ${fallback}`);
    return { file };
  }
}

/** Load the analysis config: `--config FILE` (must be readable) or the nearest aurora.yaml. */
export function loadConfig(explicit: string | undefined, start: string): AnalyzeConfig {
  const { file, text } = readConfigText(explicit, start, 'using default rule severities');
  if (!file || text === undefined) {
    return {};
  }
  const { config, problems } = parseAnalyzeConfig(text);
  for (const p of problems) {
    warn(`${file}:${p.range.start.line + 1}: ${p.message}`);
  }
  return config;
}

/** What the core may ask about files around an analysed one. */
export function envFor(file: string): AnalyzeEnv {
  const dir = path.dirname(file);
  return { fileExists: (p: string) => fs.existsSync(path.resolve(dir, p)) };
}

/** Path as shown to users: relative to the working directory, with forward slashes. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}

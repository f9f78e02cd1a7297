import * as fs from 'fs';
import * as path from 'path';
import { detectKind, excludeGlobProblem, excludeMatcher, parseAnalyzeConfig } from '../core';
import type { AnalyzeConfig, AnalyzeEnv } from '../core';
import { errorText, walkInfraFiles } from '../node/walk';
import { hostEnv, neighbourCache } from '../node/env';
import { UsageError, warn } from './io';

/** Files to analyse from the command line's paths, and whether any path was unreadable. */
export interface Collected {
  files: string[];
  unreadable: number;
  /** Candidate files left out by an exclude pattern (not yet known to be infrastructure files). */
  excluded: string[];
}

/** Exclude globs and the folder they are relative to (see core exclude.ts). */
export interface ExcludeSet {
  base: string;
  globs: readonly string[];
}

/** A predicate over file paths (as collected) for the exclude sets. */
export function excludedBy(sets: readonly ExcludeSet[]): (file: string) => boolean {
  const matchers = sets.filter((s) => s.globs.length > 0).map((s) => ({ base: path.resolve(s.base), match: excludeMatcher(s.globs) }));
  return (file) =>
    matchers.some(({ base, match }) => {
      const rel = path.relative(base, path.resolve(file));
      // patterns say nothing about files outside their folder
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && match(rel.split(path.sep).join('/'));
    });
}

/** `--exclude` values: usable globs, relative to the working directory (a usage error otherwise). */
export function cliExcludes(globs: readonly string[] | undefined): ExcludeSet {
  for (const glob of globs ?? []) {
    const problem = excludeGlobProblem(glob);
    if (problem) {
      throw new UsageError(`--exclude '${glob}': ${problem.replace('the folder of aurora.yaml', 'the working directory')}`);
    }
  }
  return { base: process.cwd(), globs: globs ?? [] };
}

/**
 * The excluded files that are infrastructure files (recognised by name, or by content for YAML):
 * those are reported as skipped; other excluded files were never candidates.
 */
export function recognisedExcluded(excluded: readonly string[]): string[] {
  return excluded.filter((file) => {
    if (detectKind(file) !== undefined) {
      return true;
    }
    try {
      return detectKind(file, fs.readFileSync(file, 'utf8').slice(0, 65_536), envFor(file)) !== undefined;
    } catch {
      return false; // unreadable and excluded: nothing to say about it
    }
  });
}

/** Expand path arguments into candidate files (directories are walked), leaving out excluded ones. */
export function collectFiles(paths: readonly string[], isExcluded: (file: string) => boolean = () => false): Collected {
  const files = new Set<string>();
  const excluded = new Set<string>();
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
        (isExcluded(f) ? excluded : files).add(f);
      }
    } else if (stat.isFile()) {
      (isExcluded(p) ? excluded : files).add(p);
    } else {
      // a FIFO, socket or device: reading it could block forever or never end
      warn(`${p}: not a regular file`);
      unreadable++;
    }
  }
  return { files: [...files], unreadable, excluded: [...excluded] };
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
    // .github/workflows/aurora.yml is a workflow, not the config
    const isWorkflows = path.basename(dir) === 'workflows' && path.basename(path.dirname(dir)) === '.github';
    for (const name of isWorkflows ? [] : ['aurora.yaml', 'aurora.yml']) {
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
  return loadConfigFile(explicit, start).config;
}

/**
 * The analysis config and the `exclude:` globs (relative to the folder of the aurora.yaml) of
 * `--config FILE` or the nearest aurora.yaml; its problems are warned about.
 */
export function loadConfigFile(explicit: string | undefined, start: string): { config: AnalyzeConfig; exclude: ExcludeSet } {
  const { file, text } = readConfigText(explicit, start, 'using default rule severities');
  if (!file || text === undefined) {
    return { config: {}, exclude: { base: '.', globs: [] } };
  }
  const { config, exclude, problems } = parseAnalyzeConfig(text);
  for (const p of problems) {
    warn(`${file}:${p.range.start.line + 1}: ${p.message}`);
  }
  return { config, exclude: { base: path.dirname(path.resolve(file)), globs: exclude } };
}

/** The CLI's answers about neighbouring files, kept for the run: nothing it reads changes meanwhile. */
const neighbours = neighbourCache();

/** What the core may ask about files around an analysed one. */
export function envFor(file: string): AnalyzeEnv {
  return hostEnv(path.dirname(file), neighbours);
}

/** Path as shown to users: relative to the working directory, with forward slashes. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './io';

/*
 * `check --changed-since REF`: report only on files changed since REF, but analyse them with the
 * other files of their folder, because folder rules (a Service's selector and the Deployment
 * beside it, a Terraform module's variables) need their neighbours to judge a changed file.
 */

/** Which of the collected files to analyse, and on which of them to report. */
export interface ChangedScope {
  /** The changed files plus the files of their folders. */
  analyse: string[];
  /** Whether findings on this collected file are reported. */
  reports(file: string): boolean;
  /** Remove (in place) the folder context, analysed for the changed files but not reported on. */
  dropContext(sources: { real: string }[]): void;
}

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    throw new UsageError(`--changed-since needs git: ${r.error.message}`);
  }
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim().split('\n')[0] ?? '' };
}

function real(file: string): string {
  try {
    return fs.realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

/**
 * The files changed since `ref` in the repository holding `start`, as real absolute paths:
 * committed since the merge base of REF and HEAD (so a REF that moved on does not count its own
 * changes), staged, unstaged and untracked (not ignored); deleted files are left out.
 */
export function changedSince(ref: string, start: string): Set<string> {
  let dir = path.resolve(start);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    dir = path.dirname(dir);
  }
  const top = git(['rev-parse', '--show-toplevel'], dir);
  if (!top.ok) {
    throw new UsageError(`--changed-since: ${start} is not in a git repository`);
  }
  const root = top.out.trim();
  const base = git(['merge-base', ref, 'HEAD'], root);
  if (!base.ok) {
    throw new UsageError(`--changed-since ${ref}: not a commit of this repository (${base.err || 'no merge base'}); in a shallow CI clone fetch it first, e.g. fetch-depth: 0`);
  }
  const diff = git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base.out.trim(), '--'], root);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  if (!diff.ok || !untracked.ok) {
    throw new UsageError(`--changed-since ${ref}: git failed (${diff.err || untracked.err})`);
  }
  const names = [...diff.out.split('\0'), ...untracked.out.split('\0')].filter((n) => n.length > 0);
  return new Set(names.map((n) => real(path.join(root, n))));
}

/** Narrow the collected files to the changed ones and their folders' other files. */
export function changedScope(files: readonly string[], changed: ReadonlySet<string>): ChangedScope {
  const reported = new Set(files.filter((f) => changed.has(real(f))));
  const folders = new Set([...reported].map((f) => path.dirname(real(f))));
  return {
    analyse: files.filter((f) => reported.has(f) || folders.has(path.dirname(real(f)))),
    reports: (file) => reported.has(file),
    dropContext: (sources) => {
      let kept = 0;
      for (const source of sources) {
        if (reported.has(source.real)) {
          sources[kept++] = source;
        }
      }
      sources.length = kept;
    },
  };
}

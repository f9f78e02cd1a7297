import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../../helpers/core';

/** The built CLI (`npm run build` first). */
export const CLI = path.join(repoRoot(), 'dist', 'cli.js');

/** What a CLI run gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI in `cwd`. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding `files` (relative path → text). */
export function tempProject(files: Record<string, string>, prefix = 'aurora-ci-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

/** Write `files` under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

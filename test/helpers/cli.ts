import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { repoRoot } from './core';

/** The built CLI, for the tests that need a whole process (`npm run build` first). */
export const CLI = path.join(repoRoot(), 'dist', 'cli.js');

/** The bundle dist/cli.js runs (src/cli/bin.ts); analysis worker threads run it directly. */
export const CORE = path.join(repoRoot(), 'dist', 'cli-core.js');

let codeCacheDir: string | undefined;

/**
 * `env` for a process of the built CLI: its V8 code cache (src/cli/launch.ts) in a folder of this
 * test process, removed when it exits, so tests never write to the user's ~/.cache yet run the
 * CLI as users do (the first run writes the cache, the others use it). An `env` that sets
 * AURORA_CACHE_DIR or AURORA_CODE_CACHE itself is left as it is.
 */
export function builtCliEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env.AURORA_CACHE_DIR !== undefined || env.AURORA_CODE_CACHE !== undefined) {
    return env;
  }
  if (codeCacheDir === undefined) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-code-cache-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    codeCacheDir = dir;
  }
  return { ...env, AURORA_CACHE_DIR: codeCacheDir };
}

/** What a CLI run gave: its exit code and everything it wrote. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (dist/cli.js) as a child process in `cwd` (its code cache: `builtCliEnv`). */
export function runBuiltCli(args: string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env: builtCliEnv(env), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run the CLI in this process as `node dist/cli.js ...args` would run in `cwd` with exactly the
 * environment `env`: the binary's own `main`, with the working folder and process.env set for the
 * run and restored after. stdout and stderr are captured whole: what main writes, and any text a
 * library writes to process.stdout or process.stderr meanwhile (the test runner's own frames to
 * stdout are bytes and pass through). Runs queue, since cwd, env and streams are the process's.
 *
 * No process start and no grammar load per run: most CLI tests check what a command prints and
 * its exit code. What only a whole process shows (the binary's exit status and output, pipes,
 * hangs, another user, worker threads, the installed package, the sandbox probe, which a process
 * makes once) is tested on dist/cli.js with `runBuiltCli` or a child process.
 */
export function runCli(args: string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const wanted = { ...env };
  const run = queue.then(async () => {
    const savedCwd = process.cwd();
    const savedEnv = { ...process.env };
    let stdout = '';
    let stderr = '';
    const restoreStreams = [capture(process.stdout, (text) => (stdout += text)), capture(process.stderr, (text) => (stderr += text))];
    setEnv(wanted);
    try {
      process.chdir(cwd);
      const code = await main(args, {
        stdout: async (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
      });
      return { code, stdout, stderr };
    } finally {
      process.chdir(savedCwd);
      setEnv(savedEnv);
      restoreStreams.forEach((restore) => restore());
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Send the text written to `stream` to `sink` (bytes go on as before) until the returned function is called. */
function capture(stream: NodeJS.WriteStream, sink: (text: string) => void): () => void {
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    if (typeof chunk !== 'string') {
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    }
    sink(chunk);
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (callback) {
      process.nextTick(callback);
    }
    return true;
  } as typeof stream.write;
  return () => {
    stream.write = original;
  };
}

/** Make process.env hold exactly `env`. */
function setEnv(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) {
    if (!(key in env)) {
      delete process.env[key];
    }
  }
  Object.assign(process.env, env);
}

/** A temporary folder holding `files` (relative path → text). */
export function tempProject(files: Record<string, string>, prefix = 'aurora-cli-'): string {
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

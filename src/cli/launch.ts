// The executable, bundled as dist/cli.js: sets the CLI's V8 flags, then runs the CLI itself
// (dist/cli-core.js, src/cli/bin.ts) compiled with V8's code cache of an earlier run.
//
// Node built-ins only, so this file stays a few kilobytes and costs nothing to compile. Every
// `check` used to compile its 1.1 MB bundle from source: the top-level pre-parse and then every
// function the run calls. Handing V8 the code of an earlier run (vm.Script `cachedData`) saves
// most of that (docs/benchmarks.md). V8 accepts a cache only when it was made under the same V8
// flags, so the flags are set here, before the core is compiled, and never by the core itself.
import * as crypto from 'crypto';
import * as fs from 'fs';
import { createRequire, Module } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { isMainThread } from 'worker_threads';

/**
 * Compile WebAssembly with V8's baseline compiler only. With its default tiering, V8 also compiles
 * the hot functions of the 1.3 MB bash grammar with its optimising compiler, which kept a one-file
 * `check` waiting about half a second (most of its time); baseline code is fast enough that even
 * thousands of files finish sooner without it (docs/benchmarks.md). Must run before the first
 * wasm module is compiled, and before the core is compiled (a code cache is keyed by the flags);
 * V8 flags are per process, so worker threads inherit it. AURORA_WASM_TIERUP=1 keeps V8's default.
 */
function preferBaselineWasm(): string[] {
  return setFlags(process.env.AURORA_WASM_TIERUP === '1' ? [] : ['--liftoff-only']);
}

/**
 * Cap how much bytecode V8's optimising compiler inlines into one function (its default is 920
 * bytes in all). A `check` optimises a few hundred functions (the rules, the shell model, the
 * parsers), each with everything it calls inlined: on 2,000 Dockerfiles that compiling took about
 * 1.5 s of CPU on V8's background threads, a third of the run's, for no measurable gain on the
 * main thread (docs/benchmarks.md). The CLI is short-lived; the extension host keeps V8's default.
 * AURORA_V8_INLINING=1 keeps V8's default here too.
 */
function limitInlining(): string[] {
  return setFlags(process.env.AURORA_V8_INLINING === '1' ? [] : ['--max-inlined-bytecode-size-cumulative=200']);
}

/** Set V8 flags for this process; returns them (they are part of the code cache's key). */
function setFlags(flags: string[]): string[] {
  for (const flag of flags) {
    v8.setFlagsFromString(flag);
  }
  return flags;
}

/** What happened to the code cache in this run (AURORA_CODE_CACHE_DEBUG=1 prints it at exit). */
type CacheState = 'hit' | 'miss' | 'rejected' | 'off' | 'unsafe';

/**
 * A cache file: this format, one byte saying whether the run that made it analysed files (see
 * `analyses`), the SHA-256 of that byte and V8's data, then the data.
 */
const MAGIC = Buffer.from('AURORA-V8-CACHE-2\n');
const DIGEST = 32;
const HEAD = MAGIC.length + 1 + DIGEST;

/**
 * Whether this run analyses files. The cache holds the functions compiled by the run that made
 * it: one made by `--help` (a first run, often) lacks the parsers and rules, which a `check`
 * then compiles from source every time (a one-file check 145 ms with a cache made by a check,
 * 160 with one made by --help, 187 without). So an analysing run replaces such a cache, once.
 */
function analyses(): boolean {
  return process.argv[2] === 'check' || process.argv[2] === 'fix';
}
/** Our files in the cache folder: `cli-core-<key>.cache`, and `….<pid>-<random>.tmp` while written. */
const CACHE_FILE = /^cli-core-[0-9a-f]{32}\.cache$/;
const TEMP_FILE = /^cli-core-[0-9a-f]{32}\.cache\.[0-9a-z-]+\.tmp$/;
/** A temp file this old is a crashed writer's, not a parallel run's: removed with the old caches. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * The folder of the code cache: $AURORA_CACHE_DIR, else $XDG_CACHE_HOME/aurora-devops (an
 * absolute path only, as the XDG spec says), else ~/.cache/aurora-devops.
 */
function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AURORA_CACHE_DIR) {
    return path.resolve(env.AURORA_CACHE_DIR);
  }
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) {
    return path.join(env.XDG_CACHE_HOME, 'aurora-devops');
  }
  const home = os.homedir();
  return home ? path.join(home, '.cache', 'aurora-devops') : undefined;
}

/**
 * Whether a file or folder may hold code this process runs: owned by this user and writable by
 * nobody else (a planted cache would be code). Windows has no uid or POSIX modes: its ACLs decide.
 */
function safe(st: fs.Stats): boolean {
  const uid = process.getuid?.();
  return uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);
}

/** The cache file's name: the core's text, Node's version and arch, and the V8 flags set. */
function cacheName(source: string, flags: readonly string[]): string {
  const key = crypto.createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}\0${flags.join(' ')}`).digest('hex');
  return `cli-core-${key.slice(0, 32)}.cache`;
}

/** V8's data from a cache file (none when the file is not ours or not whole), and whether a run that analysed files made it. */
function readCache(file: string): { data?: Buffer; analysed?: boolean; state: CacheState } {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    // a link in place of the file (ELOOP) is not ours; an unreadable one is rewritten
    const code = (e as NodeJS.ErrnoException).code;
    return { state: code === 'ENOENT' ? 'miss' : code === 'ELOOP' ? 'unsafe' : 'rejected' };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || !safe(st)) {
      return { state: 'unsafe' };
    }
    const bytes = fs.readFileSync(fd);
    // V8 checks its data's header (version, flags, source length) but, in release builds, not a
    // checksum of the rest: a damaged file is caught here instead of crashing the compiler
    const whole = bytes.length > HEAD && bytes.subarray(0, MAGIC.length).equals(MAGIC) && digest(bytes.subarray(MAGIC.length, MAGIC.length + 1), bytes.subarray(HEAD)).equals(bytes.subarray(MAGIC.length + 1, HEAD));
    return whole ? { data: bytes.subarray(HEAD), analysed: bytes[MAGIC.length] === 1, state: 'hit' } : { state: 'rejected' };
  } finally {
    fs.closeSync(fd);
  }
}

function digest(kind: Buffer, data: Buffer): Buffer {
  return crypto.createHash('sha256').update(kind).update(data).digest();
}

/**
 * Write V8's data as `file` in `dir`: a temp file beside it renamed over it (a parallel run reads
 * the old file or the new one, never half of one), then the older caches of this CLI removed.
 */
function writeCache(dir: string, file: string, data: Buffer, analysed: boolean): void {
  const temp = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    try {
      const kind = Buffer.from([analysed ? 1 : 0]);
      fs.writeSync(fd, Buffer.concat([MAGIC, kind, digest(kind, data), data]));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    try {
      if ((CACHE_FILE.test(name) && full !== file) || (TEMP_FILE.test(name) && now - fs.lstatSync(full).mtimeMs > STALE_TEMP_MS)) {
        fs.rmSync(full, { force: true });
      }
    } catch {
      // another run removed it first
    }
  }
}

/**
 * mkdir -p with mode 0700 for each folder made. Not fs.mkdirSync's `recursive`: on Node 20 it
 * loops for ever where mkdir keeps failing with ENOENT (under /proc, say).
 */
function makeDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      return;
    }
    if (code !== 'ENOENT' || path.dirname(dir) === dir) {
      throw e;
    }
    makeDir(path.dirname(dir));
    fs.mkdirSync(dir, { mode: 0o700 });
  }
}

/**
 * Create the cache folder (mode 0700) when missing. Undefined when this user alone can write it,
 * else why it is not used (the debug line's text).
 */
function openDir(dir: string): string | undefined {
  try {
    makeDir(dir);
    const st = fs.statSync(dir);
    return st.isDirectory() && safe(st) ? undefined : `unsafe ${dir}`;
  } catch (e) {
    return `off (${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
}

/**
 * Run dist/cli-core.js as a CommonJS module, as `require` would, but compiled with the code
 * cache when there is a usable one, and write one at exit when there was none or V8 rejected it.
 * Every failure falls back to compiling from source. AURORA_CODE_CACHE=0 turns the cache off;
 * AURORA_CODE_CACHE_DEBUG=1 writes one line to stderr at exit saying what happened.
 */
function runCore(core: string, flags: readonly string[]): void {
  const debug = process.env.AURORA_CODE_CACHE_DEBUG === '1';
  const say = (line: () => string): void => {
    process.on('exit', () => {
      if (debug) {
        try {
          fs.writeSync(2, `code cache: ${line()}\n`);
        } catch {
          // stderr closed
        }
      }
    });
  };
  const prepared = prepare(core, flags);
  if ('off' in prepared) {
    say(() => prepared.off);
    createRequire(core)(core);
    return;
  }
  const { script, dir, file, state, analysed } = prepared;
  if (state === 'hit' && (analysed || !analyses())) {
    say(() => `hit ${file}`);
  } else {
    // at exit, after the run: the data then holds every function the run compiled, not only the
    // top level. (A file that is not ours, state unsafe, is replaced: the folder is ours.)
    let written = 'written';
    process.on('exit', () => {
      try {
        writeCache(dir, file, script.createCachedData(), analyses());
      } catch (e) {
        written = `not written (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
      }
    });
    say(() => `${state} ${file}, ${written}`);
  }
  const module_ = new Module(core, module);
  module_.filename = core;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module_.exports, module_.exports, createRequire(core), module_, core, path.dirname(core));
  module_.loaded = true;
}

/**
 * The core compiled (with the cache when it has a usable one) and where its cache goes, or why
 * there is no cache this run (`off`: the debug line's text).
 */
function prepare(core: string, flags: readonly string[]): { off: string } | { script: vm.Script; dir: string; file: string; state: CacheState; analysed: boolean } {
  // worker threads run cli-core.js themselves (enableWorkers); a Worker on cli.js makes no cache.
  // Node 20 applies source maps (--enable-source-maps) to modules it compiles itself, not to a
  // vm.Script: such a run (a developer's, for stack traces) compiles from source
  if (process.env.AURORA_CODE_CACHE === '0') {
    return { off: 'off' };
  }
  if (!isMainThread) {
    return { off: 'off (worker thread)' };
  }
  if (process.sourceMapsEnabled) {
    return { off: 'off (source maps enabled)' };
  }
  try {
    const dir = cacheDir();
    if (!dir) {
      return { off: 'off (no home folder)' };
    }
    const opened = openDir(dir);
    if (opened) {
      return { off: opened };
    }
    const source = fs.readFileSync(core, 'utf8');
    const file = path.join(dir, cacheName(source, flags));
    const cached = readCache(file);
    // no importModuleDynamically: on Node 20 a script compiled from a code cache loses it, so the
    // core is built with every import() turned into require() (scripts/build.mjs). The wrapper
    // on a line of its own (lineOffset -1): lines and columns in stack traces are the file's, as
    // when `require` compiles it
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, { filename: core, lineOffset: -1, cachedData: cached.data });
    return cached.data && script.cachedDataRejected ? { script, dir, file, state: 'rejected', analysed: false } : { script, dir, file, state: cached.state, analysed: cached.analysed === true };
  } catch (e) {
    return { off: `off (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
}

runCore(path.join(__dirname, 'cli-core.js'), [...preferBaselineWasm(), ...limitInlining()]);

import * as os from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { analyzeFiles, detectKind } from '../core';
import type { AnalyzeConfig, Finding } from '../core';
import { configureNodeWasm, loadGrammarsFor } from '../node/wasm';
import { envFor } from './files';

/*
 * `check` on a large tree uses every core: the files come in batches of whole folders (cross-file
 * rules only look inside one folder, so a folder never straddles two threads); this thread and
 * worker threads take the batches in turn. Results are identical to a single-threaded run.
 */

/** A file to analyse: the path shown to users, the real path (for env lookups) and its text. */
export interface JobFile {
  path: string;
  real: string;
  text: string;
}

interface Job {
  aurora: 'check-worker';
  config: AnalyzeConfig;
}

/** Below this many files a worker's start-up (bundle and wasm load) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

let workerScript: string | undefined;

/**
 * Called by the CLI entry point: worker threads run the same bundle. (Tests that run `main` in
 * their own process hand it the built bundle, and `undefined` after, to go back to one thread.)
 */
export function enableWorkers(script: string | undefined): void {
  workerScript = script;
}

/**
 * How many threads to analyse `count` files on (this one included): AURORA_WORKERS overrides (0
 * or 1 = this thread only), else one per core once the tree is large enough and there are more
 * than two cores. On a 2-vCPU VM two analysis threads were slower than one (5,000 files: 9.3 s
 * against 8.2 s): parsing is allocation-heavy, and the collectors' helper threads already keep
 * the second core busy.
 */
export function workerCount(count: number, cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): number {
  const forced = process.env.AURORA_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) {
    return Number(forced) > 1 ? Math.min(Number(forced), 16) : 0;
  }
  return count >= MIN_FILES_FOR_WORKERS && cores > 2 ? Math.min(cores, 8) : 0;
}

/** Split files into `n` shares of about equal size, keeping each folder in one share. */
export function partition(files: readonly JobFile[], n: number): JobFile[][] {
  const folders = new Map<string, JobFile[]>();
  for (const f of files) {
    const dir = f.path.slice(0, Math.max(0, f.path.lastIndexOf('/')));
    let list = folders.get(dir);
    if (!list) {
      list = [];
      folders.set(dir, list);
    }
    list.push(f);
  }
  const weight = (list: JobFile[]): number => list.reduce((a, f) => a + f.text.length + 200, 0);
  const sorted = [...folders.values()].sort((a, b) => weight(b) - weight(a));
  const shares = Array.from({ length: n }, () => ({ files: [] as JobFile[], weight: 0 }));
  for (const list of sorted) {
    const lightest = shares.reduce((a, b) => (b.weight < a.weight ? b : a));
    lightest.files.push(...list);
    lightest.weight += weight(list);
  }
  return shares.map((s) => s.files).filter((s) => s.length > 0);
}

/** Analyses batches of files (whole folders): in this thread, or spread over worker threads. */
export interface Analyzer {
  /** Findings by shown path of one batch (each folder whole). */
  analyze(files: readonly JobFile[]): Promise<[string, Finding[]][]>;
  /** How many batches may be in flight at once (1 on this thread alone). */
  readonly width: number;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** Analyse files on this thread (their grammars loaded first). */
async function analyzeHere(files: readonly JobFile[], config: AnalyzeConfig): Promise<[string, Finding[]][]> {
  await loadGrammarsFor(files.map((f) => detectKind(f.path, f.text, envFor(f.real))));
  const real = new Map(files.map((f) => [f.path, f.real]));
  return [...analyzeFiles(files, config, (p) => envFor(real.get(p) ?? p))];
}

/**
 * An analyzer for `total` files: this thread alone, or (see workerCount) this thread and worker
 * threads taking batches in turn. Batches hold whole folders, so results do not depend on how
 * the files were split.
 */
export function createAnalyzer(total: number, config: AnalyzeConfig): Analyzer {
  const n = workerScript ? workerCount(total) : 0;
  const script = workerScript;
  if (n < 2 || !script) {
    return { width: 1, analyze: (files) => analyzeHere(files, config), close: () => Promise.resolve() };
  }
  // this thread takes every n-th batch itself (it has the parsers loaded already), each worker
  // first loads the bundle and compiles the grammars, then takes batches until it is closed
  const workers = Array.from({ length: n - 1 }, () => {
    const job: Job = { aurora: 'check-worker', config };
    const worker = new Worker(script, { workerData: job });
    const waiting = new Map<number, { resolve: (r: [string, Finding[]][]) => void; reject: (e: unknown) => void }>();
    const fail = (e: unknown): void => {
      for (const w of waiting.values()) {
        w.reject(e);
      }
      waiting.clear();
    };
    worker.on('message', (m: { id: number; results?: [string, Finding[]][]; error?: string }) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.results) {
        w?.resolve(m.results);
      } else {
        w?.reject(new Error(`an analysis worker failed: ${m.error}`));
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`an analysis worker exited with code ${code}`)));
    return { worker, waiting };
  });
  let turn = 0;
  let nextId = 0;
  return {
    width: n * 2,
    analyze(files) {
      const slot = turn++ % n;
      if (slot === 0) {
        return analyzeHere(files, config);
      }
      const { worker, waiting } = workers[slot - 1];
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, files });
      });
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}

/** Whether this thread is an analysis worker started by `createAnalyzer`. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Partial<Job> | undefined)?.aurora === 'check-worker';
}

/** The body of an analysis worker: analyse each batch it is sent and post the findings back. */
export async function runAnalysisWorker(): Promise<void> {
  const job = workerData as Job;
  configureNodeWasm();
  // batches are analysed one at a time, in the order they came
  let queue = Promise.resolve();
  parentPort?.on('message', (m: { id: number; files: JobFile[] }) => {
    queue = queue.then(async () => {
      try {
        parentPort?.postMessage({ id: m.id, results: await analyzeHere(m.files, job.config) });
      } catch (e) {
        parentPort?.postMessage({ id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    });
  });
}

import * as os from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { analyzeFiles, detectKind } from '../core';
import type { AnalyzeConfig, Finding } from '../core';
import { configureNodeWasm, loadGrammarsFor } from '../node/wasm';
import { envFor } from './files';

/*
 * `check` on a large tree uses every core: the files are split by folder (cross-file rules only
 * look inside one folder, so a folder never straddles two threads); this thread analyses one share
 * and worker threads the others. Results are identical to a single-threaded run.
 */

/** A file to analyse: the path shown to users, the real path (for env lookups) and its text. */
export interface JobFile {
  path: string;
  real: string;
  text: string;
}

interface Job {
  aurora: 'check-worker';
  files: JobFile[];
  config: AnalyzeConfig;
}

/** Below this many files a worker's start-up (bundle and wasm load) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;

let workerScript: string | undefined;

/** Called by the CLI entry point: worker threads run the same bundle. */
export function enableWorkers(script: string): void {
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

/** Analyse files, in worker threads when that pays off. Findings by shown path. */
export async function analyzeInParallel(files: readonly JobFile[], config: AnalyzeConfig): Promise<Map<string, Finding[]>> {
  const n = workerScript ? workerCount(files.length) : 0;
  const script = workerScript;
  if (n < 2 || !script) {
    const real = new Map(files.map((f) => [f.path, f.real]));
    return analyzeFiles(files, config, (p) => envFor(real.get(p) ?? p));
  }
  // this thread takes the first share itself: it has the parsers loaded already, while each
  // worker first loads the bundle and compiles the grammars (most of a second on a small VM)
  const [own, ...others] = partition(files, n);
  const pending = others.map(
    (share) =>
      new Promise<[string, Finding[]][]>((resolve, reject) => {
        const job: Job = { aurora: 'check-worker', files: share, config };
        const worker = new Worker(script, { workerData: job });
        worker.once('message', (m: [string, Finding[]][]) => resolve(m));
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) {
            reject(new Error(`an analysis worker exited with code ${code}`));
          }
        });
      }),
  );
  // a worker that fails while this thread is busy must not be an unhandled rejection meanwhile
  pending.forEach((p) => p.catch(() => undefined));
  const ownReal = new Map(own.map((f) => [f.path, f.real]));
  const mine = analyzeFiles(own, config, (p) => envFor(ownReal.get(p) ?? p));
  const results = [[...mine], ...(await Promise.all(pending))];
  const out = new Map<string, Finding[]>();
  for (const f of files) {
    out.set(f.path, []);
  }
  for (const list of results) {
    for (const [p, findings] of list) {
      out.set(p, findings);
    }
  }
  return out;
}

/** Whether this thread is an analysis worker started by `analyzeInParallel`. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as Partial<Job> | undefined)?.aurora === 'check-worker';
}

/** The body of an analysis worker: analyse the share and post the findings back. */
export async function runAnalysisWorker(): Promise<void> {
  const job = workerData as Job;
  configureNodeWasm();
  await loadGrammarsFor(job.files.map((f) => detectKind(f.path, f.text, envFor(f.real))));
  const real = new Map(job.files.map((f) => [f.path, f.real]));
  const byFile = analyzeFiles(job.files, job.config, (p) => envFor(real.get(p) ?? p));
  parentPort?.postMessage([...byFile]);
}

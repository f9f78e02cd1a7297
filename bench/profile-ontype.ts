// Profile helper: the on-type loop of bench section 4 for one kind, for `node --cpu-prof`.
// Usage: node out/bench/profile-ontype.js <kind> [lines] [runs]
import * as fs from 'fs';
import * as path from 'path';
import { performance, PerformanceObserver } from 'perf_hooks';
import { prepareNode } from '../src/node/wasm';
import { bigFile, ON_TYPE_KINDS } from './genrepo';
import { typingIn } from './typing';

async function main(): Promise<void> {
  await prepareNode(path.join(__dirname, '..', '..', 'dist'));
  const kind = process.argv[2] as (typeof ON_TYPE_KINDS)[number]['kind'];
  const c = ON_TYPE_KINDS.find((k) => k.kind === kind);
  if (!c) {throw new Error(`kind? ${ON_TYPE_KINDS.map((k) => k.kind).join(', ')}`);}
  const text = bigFile(c.kind, Number(process.argv[3] ?? 1000));
  const runs = Number(process.argv[4] ?? 300);
  const typing = typingIn(c.path, text);
  // as in bench section 4: keystrokes until the compiler has settled, then the measured ones
  typing.warmUp(60);
  const samples: number[] = [];
  // garbage collection inside each measured run, to tell collector pauses from analysis work
  const gcs: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => gcs.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ entryTypes: ['gc'] });
  const spans: { start: number; end: number }[] = [];
  for (let k = 0; k < runs; k++) {
    const edited = typing.edited(k);
    const t0 = process.hrtime.bigint();
    const p0 = performance.now();
    typing.analyse(edited);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    spans.push({ start: p0, end: performance.now() });
    if (process.env.SLOW_WINDOWS && samples[samples.length - 1] > Number(process.env.SLOW ?? 15)) {
      // hrtime in µs: the clock of --cpu-prof's sample timestamps, to look at the slow runs alone
      fs.appendFileSync(process.env.SLOW_WINDOWS, `${Number(t0 / 1000n)} ${Number(process.hrtime.bigint() / 1000n)}\n`);
    }
    if (process.env.SLOW && samples[samples.length - 1] > Number(process.env.SLOW)) {
      console.log(`slow ${samples[samples.length - 1].toFixed(1)} ms at keystroke ${k}`);
    }
    typing.analyse(text);
  }
  await new Promise((r) => setTimeout(r, 50));
  const withoutGc = spans.map((sp) => sp.end - sp.start - gcs.filter((g) => g.start >= sp.start && g.start < sp.end).reduce((a, g) => a + g.duration, 0));
  withoutGc.sort((a, b) => a - b);
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`  heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`);
  console.log(`  without collector pauses: p50 ${withoutGc[Math.floor(runs / 2)].toFixed(1)} p95 ${withoutGc[Math.floor(runs * 0.95)].toFixed(1)} max ${withoutGc[runs - 1].toFixed(1)} ms`);
  samples.sort((a, b) => a - b);
  const at = (q: number): string => samples[Math.min(runs - 1, Math.floor(runs * q))].toFixed(1);
  console.log(`${kind}: p50 ${at(0.5)} p75 ${at(0.75)} p90 ${at(0.9)} p95 ${at(0.95)} p99 ${at(0.99)} max ${at(1)} ms`);
}
void main();

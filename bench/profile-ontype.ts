// Profile helper: the on-type loop of bench section 4 for one kind, for `node --cpu-prof`.
// Usage: node out/bench/profile-ontype.js <kind> [lines] [runs]
import * as path from 'path';
import { analyzeFiles } from '../src/core';
import { prepareNode } from '../src/node/wasm';
import { bigFile, ON_TYPE_KINDS } from './genrepo';

async function main(): Promise<void> {
  await prepareNode(path.join(__dirname, '..', '..', 'dist'));
  const kind = process.argv[2] as (typeof ON_TYPE_KINDS)[number]['kind'];
  const c = ON_TYPE_KINDS.find((k) => k.kind === kind);
  if (!c) {throw new Error(`kind? ${ON_TYPE_KINDS.map((k) => k.kind).join(', ')}`);}
  const text = bigFile(c.kind, Number(process.argv[3] ?? 1000));
  const runs = Number(process.argv[4] ?? 300);
  const spots = [...text.matchAll(/(: |= "|^RUN )(?=[A-Za-z0-9])/gm)].map((m) => (m.index ?? 0) + m[0].length);
  const files = (t: string) => [{ path: c.path, text: t }];
  analyzeFiles(files(text), {}, () => ({}), { onType: true });
  const samples: number[] = [];
  for (let k = 0; k < runs; k++) {
    const at = spots[(k * 7919) % spots.length];
    const edited = text.slice(0, at) + String.fromCharCode(97 + (k % 26)) + text.slice(at);
    const t0 = process.hrtime.bigint();
    analyzeFiles(files(edited), {}, () => ({}), { onType: true });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    analyzeFiles(files(text), {}, () => ({}), { onType: true });
  }
  samples.sort((a, b) => a - b);
  console.log(`${kind}: p50 ${samples[Math.floor(runs / 2)].toFixed(1)} p95 ${samples[Math.floor(runs * 0.95)].toFixed(1)} ms`);
}
void main();

// Profile helper: cold analysis (every cache emptied first) of a folder's files, as bench sections
// 1 and 2 time it, for `node --cpu-prof`. Usage: node out/bench/profile-cold.js <dir> <shown path> [rounds]
import * as fs from 'fs';
import * as path from 'path';
import { analyzeFiles, clearCaches } from '../src/core';
import { prepareNode } from '../src/node/wasm';

async function main(): Promise<void> {
  await prepareNode(path.join(__dirname, '..', '..', 'dist'));
  const dir = process.argv[2];
  const shown = process.argv[3];
  const rounds = Number(process.argv[4] ?? 50);
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile() && path.basename(f) === path.basename(shown));
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  let findings = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      clearCaches();
      findings += analyzeFiles([{ path: shown, text }]).get(shown)?.length ?? 0;
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${texts.length} files × ${rounds}: ${(ms / rounds).toFixed(2)} ms per round, ${findings / rounds} findings`);
}
void main();

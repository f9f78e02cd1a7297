// Run the unit tests in a few processes instead of one per file.
//
// Every test/unit/**/*.test.ts is picked up (nothing to register): the files are dealt into a few
// groups, each group is bundled by esbuild into one script under out/unit/, and node's test
// runner runs the groups side by side. Starting a process, loading the bundle and the grammars
// costs about a second, and there are 200-odd test files: bundled, the whole suite runs in the
// time its tests take.
//
// Usage: node scripts/test-unit.mjs [--groups N] [--concurrency N] [--update] [--timings] [path-prefix ...]
//   path-prefix  only the test files under these paths (e.g. test/unit/rules/terraform)
//   --groups N   number of bundles (default 4); --concurrency runs that many at once (default 2)
//   --update     rewrite golden files instead of comparing (sets AURORA_UPDATE_GOLDEN=1)
//   --timings    then print each bundle's wall and CPU time (its own and its child processes',
//                Linux only) and the test files that took longest (their top-level tests' time)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) {
    return fallback;
  }
  const value = Number(argv[i + 1]);
  argv.splice(i, 2);
  return value;
};
const groups = Math.max(1, option('--groups', 4));
const concurrency = Math.max(1, option('--concurrency', Math.min(2, availableParallelism())));
const flags = new Set(['--update', '--timings']);
const update = argv.includes('--update');
const timings = argv.includes('--timings');
const prefixes = argv.filter((a) => !flags.has(a)).map((p) => resolve(root, p));

function walk(dir, out = []) {
  if (!existsSync(dir)) {
    return out;
  }
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      walk(full, out);
    } else if (name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}

const files = walk(join(root, 'test', 'unit'))
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f === p || f.startsWith(p + sep)))
  .sort();
if (files.length === 0) {
  console.error(`no test files under ${prefixes.map((p) => relative(root, p)).join(', ') || 'test/unit'}`);
  process.exit(1);
}

// Deal the files by how long they took last time (test/unit/durations.json, written by --timings),
// longest first, each onto the group with the least time so far; a file not recorded there is
// estimated by its size (from the recorded seconds per byte). The groups then end at about the
// same time, and they start longest first, so no core waits on one late bundle at the end.
const durationsFile = join(root, 'test', 'unit', 'durations.json');
const recorded = existsSync(durationsFile) ? JSON.parse(readFileSync(durationsFile, 'utf8')) : {};
const size = new Map(files.map((f) => [f, statSync(f).size]));
const known = files.filter((f) => typeof recorded[relative(root, f).split(sep).join('/')] === 'number');
const knownBytes = known.reduce((sum, f) => sum + size.get(f), 0);
const knownSeconds = known.reduce((sum, f) => sum + recorded[relative(root, f).split(sep).join('/')], 0);
const perByte = knownBytes > 0 && knownSeconds > 0 ? knownSeconds / knownBytes : 1;
const cost = new Map(files.map((f) => [f, recorded[relative(root, f).split(sep).join('/')] ?? size.get(f) * perByte]));
const bins = Array.from({ length: Math.min(groups, files.length) }, () => ({ cost: 0, files: [] }));
for (const f of [...files].sort((a, b) => cost.get(b) - cost.get(a) || a.localeCompare(b))) {
  const bin = bins.reduce((a, b) => (b.cost < a.cost ? b : a));
  bin.cost += cost.get(f);
  bin.files.push(f);
}
bins.sort((a, b) => b.cost - a.cost);

const outDir = join(root, 'out', 'unit');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const entries = bins.map((bin, i) => {
  const entry = join(outDir, `group-${i + 1}.entry.ts`);
  // each import stays a module of its own in the bundle (own scope, run in this order)
  writeFileSync(entry, bin.files.sort().map((f) => `import ${JSON.stringify(relative(outDir, f).split(sep).join('/'))};`).join('\n') + '\n');
  return entry;
});

// --timings: each bundle records, as it exits, its wall time and the CPU time of its process and
// of the child processes it waited for (fields 14-17 of /proc/self/stat, in clock ticks of 10 ms)
const timingsDir = join(outDir, 'timings');
const eventsFile = join(timingsDir, 'events.jsonl');
const timingsBanner = `{
  const fs = require('node:fs');
  process.on('exit', () => {
    let children = null;
    try {
      const stat = fs.readFileSync('/proc/self/stat', 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      children = (Number(f[13]) + Number(f[14])) * 10;
    } catch {}
    const cpu = process.cpuUsage();
    fs.writeFileSync(require('node:path').join(${JSON.stringify(timingsDir)}, require('node:path').basename(__filename) + '.json'),
      JSON.stringify({ wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, childrenMs: children }));
  });
}`;
if (timings) {
  mkdirSync(timingsDir, { recursive: true });
}

const bundleStart = performance.now();
await esbuild.build({
  ...(timings ? { banner: { js: timingsBanner } } : {}),
  entryPoints: entries.map((e) => ({ in: e, out: relative(outDir, e).replace(/\.entry\.ts$/, '') })),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // web-tree-sitter's ESM build needs import.meta.url, which a CJS bundle lacks: use its CJS build
  alias: { 'web-tree-sitter': require.resolve('web-tree-sitter') },
  define: { AURORA_VERSION: JSON.stringify(pkg.version), AURORA_REPOSITORY: JSON.stringify(pkg.repository ?? '') },
  packages: 'external',
  external: ['vscode'],
});

const bundleMs = performance.now() - bundleStart;
const bundles = entries.map((e) => e.replace(/\.entry\.ts$/, '.js'));
const env = { ...process.env };
if (update) {
  env.AURORA_UPDATE_GOLDEN = '1';
}
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
if (timings) {
  reporters.push(`--test-reporter=${join(root, 'scripts', 'test-timings-reporter.mjs')}`, `--test-reporter-destination=${eventsFile}`);
}
// V8's baseline wasm compiler only, as the CLI runs (preferBaselineWasm in src/cli/launch.ts): the
// bundles compile the grammars, and their worker threads compile them again, and V8's optimising
// tier-up of the bash grammar cost more CPU than it saved (incremental.test.ts 32 s → 28 s,
// check-stream.test.ts 21 s → 18 s of CPU). AURORA_WASM_TIERUP=1 keeps V8's default.
const wasmFlags = process.env.AURORA_WASM_TIERUP === '1' ? [] : ['--liftoff-only'];
const result = spawnSync(process.execPath, ['--enable-source-maps', ...wasmFlags, '--test', ...reporters, `--test-concurrency=${concurrency}`, ...bundles], { cwd: root, env, stdio: 'inherit' });
if (timings) {
  report();
}
process.exit(result.status ?? 1);

/** The --timings tables: per bundle (wall, CPU) and the slowest test files. */
function report() {
  const sec = (ms) => (ms == null || Number.isNaN(ms) ? '     ?' : (ms / 1000).toFixed(1).padStart(6));
  console.log(`\n  wall s   cpu s  children cpu s  bundle (${concurrency} at a time)`);
  const total = { wallMs: 0, cpuMs: 0, childrenMs: 0 };
  bins.forEach((bin, i) => {
    const file = join(timingsDir, `group-${i + 1}.js.json`);
    const t = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { wallMs: NaN, cpuMs: NaN, childrenMs: NaN };
    for (const k of Object.keys(total)) {
      total[k] += t[k] ?? 0;
    }
    console.log(`${sec(t.wallMs)}  ${sec(t.cpuMs)}  ${sec(t.childrenMs)}          group-${i + 1} (${bin.files.length} files${knownSeconds > 0 ? `, ~${bin.cost.toFixed(0)} s last time` : ""})`);
  });
  console.log(`${sec(total.wallMs)}  ${sec(total.cpuMs)}  ${sec(total.childrenMs)}          total; bundling took ${sec(bundleMs).trim()} s before`);

  // a top-level test's line in a bundle → the test file: esbuild heads each module with its path
  const sources = new Map();
  const sourceOf = (bundle, line) => {
    if (!sources.has(bundle)) {
      const starts = [];
      readFileSync(bundle, 'utf8').split('\n').forEach((text, n) => {
        const m = /^\/\/ (.*\.test\.ts)$/.exec(text);
        if (m) {
          starts.push([n + 1, m[1].replace(/^(\.\.\/)+/, '')]);
        }
      });
      sources.set(bundle, starts);
    }
    let found = '?';
    for (const [start, name] of sources.get(bundle)) {
      if (start <= line) {
        found = name;
      }
    }
    return found;
  };
  const perFile = new Map();
  for (const line of existsSync(eventsFile) ? readFileSync(eventsFile, 'utf8').split('\n') : []) {
    if (line) {
      const e = JSON.parse(line);
      const name = e.file?.endsWith('.ts') ? relative(root, e.file) : e.file ? sourceOf(e.file, e.line) : '?';
      const row = perFile.get(name) ?? { ms: 0, tests: 0 };
      row.ms += e.ms;
      row.tests += 1;
      perFile.set(name, row);
    }
  }
  const rows = [...perFile].sort((a, b) => b[1].ms - a[1].ms);
  // the next runs deal the files by these seconds (tests declared in a shared helper count for
  // the helper, not for a test file: such files are estimated by their size)
  const next = { ...recorded };
  for (const [name, row] of perFile) {
    if (name.endsWith('.test.ts') && files.includes(join(root, name))) {
      next[name] = Math.round(row.ms / 100) / 10;
    }
  }
  writeFileSync(durationsFile, JSON.stringify(Object.fromEntries(Object.entries(next).filter(([name]) => existsSync(join(root, name))).sort()), null, 2) + '\n');
  console.log(`\n  wall s  test file (top-level tests; ${rows.length} files, the slowest 30)`);
  for (const [name, row] of rows.slice(0, 30)) {
    console.log(`${sec(row.ms)}  ${name}`);
  }
}

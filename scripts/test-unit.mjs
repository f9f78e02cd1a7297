// Run the unit tests in a few processes instead of one per file.
//
// Every test/unit/**/*.test.ts is picked up (nothing to register): the files are dealt into a few
// groups, each group is bundled by esbuild into one script under out/unit/, and node's test
// runner runs the groups side by side. Starting a process, loading the bundle and the grammars
// costs about a second, and there are 200-odd test files: bundled, the whole suite runs in the
// time its tests take.
//
// Usage: node scripts/test-unit.mjs [--groups N] [--update] [path-prefix ...]
//   path-prefix  only the test files under these paths (e.g. test/unit/rules/terraform)
//   --groups N   number of bundles (default 4); --concurrency runs that many at once (default 2)
//   --update     rewrite golden files instead of comparing (sets AURORA_UPDATE_GOLDEN=1)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

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
const update = argv.includes('--update');
const prefixes = argv.filter((a) => a !== '--update').map((p) => resolve(root, p));

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

// Deal the files by size, largest first, into the group with the fewest bytes so far: the groups
// take about the same time. Files of one folder stay in order inside a group.
const bins = Array.from({ length: Math.min(groups, files.length) }, () => ({ bytes: 0, files: [] }));
for (const f of [...files].sort((a, b) => statSync(b).size - statSync(a).size)) {
  const bin = bins.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  bin.bytes += statSync(f).size;
  bin.files.push(f);
}

const outDir = join(root, 'out', 'unit');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const entries = bins.map((bin, i) => {
  const entry = join(outDir, `group-${i + 1}.entry.ts`);
  // each import stays a module of its own in the bundle (own scope, run in this order)
  writeFileSync(entry, bin.files.sort().map((f) => `import ${JSON.stringify(relative(outDir, f).split(sep).join('/'))};`).join('\n') + '\n');
  return entry;
});

await esbuild.build({
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

const bundles = entries.map((e) => e.replace(/\.entry\.ts$/, '.js'));
const env = { ...process.env };
if (update) {
  env.AURORA_UPDATE_GOLDEN = '1';
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...bundles], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

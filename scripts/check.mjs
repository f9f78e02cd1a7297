// `npm run check`, the edit loop: typecheck (incremental), lint (cached) and the build side by side,
// and the unit tests as soon as the build is done; each stage's wall time at the end.
// Arguments go to scripts/test-unit.mjs (e.g. --timings, or a path prefix).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const bin = (pkg, name) => join(dirname(require.resolve(`${pkg}/package.json`)), 'bin', name);

const took = [];

function run(name, args) {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code, signal) => {
      took.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
      resolve(code === 0 && !signal);
    });
  });
}

const start = performance.now();
// the unit tests need only the build (the CLI tests run dist/cli.js): they start as soon as it is
// done, beside typecheck and lint, so both cores stay busy until the last of them ends
const unit = run('build', [join(root, 'scripts', 'build.mjs')]).then((built) => built && run('unit', [join(root, 'scripts', 'test-unit.mjs'), ...process.argv.slice(2)]));
const ok = (
  await Promise.all([
    run('typecheck', [bin('typescript', 'tsc'), '-p', '.', '--noEmit', '--incremental', '--tsBuildInfoFile', 'out/.tsbuildinfo']),
    run('lint', [bin('eslint', 'eslint.js'), '--cache', '--cache-location', 'out/.eslintcache', 'src', 'test']),
    unit,
  ])
).every(Boolean);
console.log(`check: ${took.join(', ')}; ${((performance.now() - start) / 1000).toFixed(1)} s in all${ok ? '' : ' (failed)'}`);
process.exit(ok ? 0 : 1);

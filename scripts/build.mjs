// Build with esbuild: the extension and CLI bundles into dist/, tests into out/.
// Usage: node scripts/build.mjs [--tests] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, copyFileSync, readFileSync, readdirSync, statSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const args = new Set(process.argv.slice(2));
const define = { AURORA_VERSION: JSON.stringify(pkg.version), AURORA_REPOSITORY: JSON.stringify(pkg.repository ?? '') };

const WASM = {
  'tree-sitter.wasm': 'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-bash.wasm': 'tree-sitter-bash/tree-sitter-bash.wasm',
  'tree-sitter-terraform.wasm': '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
};

function copyWasm() {
  const dir = join(root, 'dist', 'wasm');
  mkdirSync(dir, { recursive: true });
  for (const [name, spec] of Object.entries(WASM)) {
    copyFileSync(require.resolve(spec), join(dir, name));
  }
}

function walk(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, pred, out);
    else if (pred(full)) out.push(full);
  }
  return out;
}

// web-tree-sitter's ESM build needs import.meta.url, which a CJS bundle lacks: use its CJS build
// dockerfile-ast require()s the vscode-languageserver packages; esbuild's default `module`
// condition picks their ESM builds, and a require() of ESM in the bundle reads every export through
// a getter (Range.create, Position.create on each instruction and argument): their CJS builds
// have plain fields
const alias = {
  'web-tree-sitter': require.resolve('web-tree-sitter'),
  'vscode-languageserver-types': require.resolve('vscode-languageserver-types'),
  'vscode-languageserver-textdocument': require.resolve('vscode-languageserver-textdocument'),
};
// the OS sandbox runtime is ESM and finds its seccomp helper next to itself (import.meta.url):
// the CJS bundles load dist/sandbox.mjs with import(), built below with the helper beside it
const SANDBOX_PKG = '@anthropic-ai/sandbox-runtime';
const common = { alias, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', define, external: [SANDBOX_PKG] };

function copySandboxVendor() {
  const pkgDir = dirname(require.resolve(`${SANDBOX_PKG}/package.json`));
  for (const arch of ['x64', 'arm64']) {
    const from = join(pkgDir, 'vendor', 'seccomp', arch, 'apply-seccomp');
    if (existsSync(from)) {
      const dir = join(root, 'dist', 'vendor', 'seccomp', arch);
      mkdirSync(dir, { recursive: true });
      copyFileSync(from, join(dir, 'apply-seccomp'));
      chmodSync(join(dir, 'apply-seccomp'), 0o755);
    }
  }
  const jar = join(pkgDir, 'vendor', 'java-proxy-agent', 'srt-proxy-agent.jar');
  if (existsSync(jar)) {
    mkdirSync(join(root, 'dist', 'vendor', 'java-proxy-agent'), { recursive: true });
    copyFileSync(jar, join(root, 'dist', 'vendor', 'java-proxy-agent', 'srt-proxy-agent.jar'));
  }
}

// src/cli/registry.ts imports './tools' lazily: in dist/cli-core.js that import loads dist/cli-tools.js
const cliToolsExternal = {
  name: 'cli-tools-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/tools$/ }, (args) => (args.importer.endsWith(join('src', 'cli', 'registry.ts')) ? { path: './cli-tools.js', external: true } : undefined));
  },
};

async function buildMain() {
  copyWasm();
  copySandboxVendor();
  const builds = [
    // loaded on the first agent command only (never by `check`): kept out of the CJS bundles
    esbuild.build({
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      minify: true,
      logLevel: 'warning',
      entryPoints: [require.resolve(SANDBOX_PKG)],
      outfile: join(root, 'dist/sandbox.mjs'),
      // its CJS dependencies call require(); an ESM bundle has none of its own
      banner: { js: "import { createRequire as __auroraRequire } from 'node:module'; const require = __auroraRequire(import.meta.url);" },
    }),
    // minified: a third of the bytes to read and compile at start-up (source maps keep stack traces).
    // `check`, `fix` and `rules` load this bundle only; src/cli/tools.ts (agent, model client,
    // policy, generators) is its own bundle, required by cli-core.js when one of those commands runs
    // names not kept: esbuild's keepNames wraps every named closure in a call that redefines its
    // `name` as it is created (the rules' report callbacks, the shell walk's helpers), which cost
    // 11% of the wall time of `check` over 2,000 Dockerfiles (docs/benchmarks.md); stack traces
    // come from the source map
    // dist/cli.js compiles it as a vm.Script, where import() works only until the script comes
    // from V8's code cache (Node 20 then drops its import callback): every import() in it (web-
    // tree-sitter has one, of fs/promises) is a require()
    esbuild.build({ ...common, minify: true, supported: { 'dynamic-import': false }, entryPoints: [join(root, 'src/cli/bin.ts')], outfile: join(root, 'dist/cli-core.js'), plugins: [cliToolsExternal] }),
    // the executable: sets the V8 flags, then runs dist/cli-core.js compiled with V8's code cache
    // of an earlier run (src/cli/launch.ts); Node built-ins only, a few KB to compile
    esbuild.build({ ...common, entryPoints: [join(root, 'src/cli/launch.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
    esbuild.build({ ...common, minify: true, keepNames: true, entryPoints: [join(root, 'src/cli/tools.ts')], outfile: join(root, 'dist/cli-tools.js') }),
    // the GitHub Action's entry (action.yml): reads INPUT_* and runs dist/cli.js beside it
    esbuild.build({ ...common, entryPoints: [join(root, 'src/cli/actionMain.ts')], outfile: join(root, 'dist/action.js') }),
  ];
  if (existsSync(join(root, 'src/extension.ts'))) {
    // the small entry point VS Code activates; it loads dist/main.js (everything else) right after
    builds.push(esbuild.build({ ...common, minify: true, keepNames: true, entryPoints: [join(root, 'src/extension.ts')], outfile: join(root, 'dist/extension.js'), external: ['vscode', SANDBOX_PKG], banner: { js: 'globalThis.__auroraLoadStart = Date.now(); globalThis.__auroraLoadCpu = process.cpuUsage();' }, footer: { js: 'globalThis.__auroraLoadEnd = Date.now(); globalThis.__auroraLoadEndCpu = process.cpuUsage(globalThis.__auroraLoadCpu);' } }));
    // names not kept, as in the CLI: the analysis runs in this bundle as the user types
    builds.push(esbuild.build({ ...common, minify: true, entryPoints: [join(root, 'src/vscode/main.ts')], outfile: join(root, 'dist/main.js'), external: ['vscode', SANDBOX_PKG] }));
  }
  if (existsSync(join(root, 'src/agent/anthropic.ts'))) {
    // the model client and the Anthropic SDK, required by the extension on the first chat message
    builds.push(esbuild.build({ ...common, minify: true, keepNames: true, entryPoints: [join(root, 'src/agent/anthropic.ts')], outfile: join(root, 'dist/anthropic.js') }));
  }
  if (existsSync(join(root, 'src/webview/main.ts'))) {
    builds.push(esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [join(root, 'src/webview/main.ts')], outfile: join(root, 'dist/webview.js') }));
  }
  await Promise.all(builds);
  chmodSync(join(root, 'dist/cli.js'), 0o755);
}

async function buildTests() {
  // each test file becomes one bundle in out/ (same relative path); packages stay external
  const entries = walk(join(root, 'test'), (f) => /\.ts$/.test(f) && !f.endsWith('.d.ts') && !f.includes(`${join('test', 'fixtures')}`));
  await esbuild.build({
    ...common,
    entryPoints: entries,
    outdir: join(root, 'out', 'test'),
    outbase: join(root, 'test'),
    packages: 'external',
    external: ['vscode', SANDBOX_PKG],
  });
  return entries.map((e) => relative(root, e));
}

if (args.has('--tests')) {
  await buildTests();
} else {
  await buildMain();
}

// Build the VSIX with @vscode/vsce (dist is a self-contained bundle, so no node_modules go in),
// and with --check install it into the VS Code server and verify what landed there.
// Usage: node scripts/package.mjs [--check] [--out <file.vsix>]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureVSCode, ROOT, SERVER_MAIN } from './ensure-vscode.mjs';

/** The VSIX must stay small: the bundle, the wasm parsers, docs pages, schemas and media. */
const MAX_VSIX_BYTES = 4 * 1024 * 1024;

const args = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(ROOT, `${pkg.name}-${pkg.version}.vsix`);

function log(msg) {
  console.log(`[package] ${msg}`);
}

const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
// Everything is bundled, so no dependencies go in. The marketplace page is docs/extension.md
// (the repository README is about the whole project). The rule pages' "Bad" examples hold fake
// credentials on purpose (they document the secret rules), which vsce's secret scan would refuse;
// the bundle itself holds none.
//
// package.json's `files` lists what the npm package (the CLI) ships, while .vscodeignore says what
// the VSIX ships, and vsce refuses a folder that has both. So the VSIX is made from a staging
// folder: the build runs here, then the manifest without `files` and what .vscodeignore can let
// through are copied there and vsce packs that.
execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
const stage = mkdtempSync(join(tmpdir(), 'aurora-vsix-stage-'));
try {
  // no `files` (see above) and no scripts (vsce would run vscode:prepublish there again)
  const manifest = { ...pkg };
  delete manifest.files;
  delete manifest.scripts;
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const item of ['package.nls.json', 'LICENSE', '.vscodeignore', 'docs/extension.md', 'docs/rules', 'dist', 'media', 'schemas']) {
    if (existsSync(join(ROOT, item))) {
      cpSync(join(ROOT, item), join(stage, item), { recursive: true });
    }
  }
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--allow-package-all-secrets', '--readme-path', 'docs/extension.md', '-o', resolve(out)], {
    cwd: stage,
    stdio: 'inherit',
    env: { ...process.env, npm_config_yes: 'true' },
  });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
const size = statSync(out).size;
log(`${out} (${(size / 1024).toFixed(0)} KiB)`);
if (size > MAX_VSIX_BYTES) {
  console.error(`[package] the VSIX is ${size} bytes, over the ${MAX_VSIX_BYTES} budget: check .vscodeignore`);
  process.exit(1);
}

if (args.includes('--check')) {
  ensureVSCode({ browser: false });
  const dir = mkdtempSync(join(tmpdir(), 'aurora-vsix-'));
  try {
    const common = ['--extensions-dir', join(dir, 'extensions'), '--server-data-dir', join(dir, 'server-data'), '--user-data-dir', join(dir, 'user-data')];
    execFileSync(process.execPath, [SERVER_MAIN, ...common, '--install-extension', out, '--force'], { stdio: 'inherit' });
    const listed = execFileSync(process.execPath, [SERVER_MAIN, ...common, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
    const want = `${pkg.publisher}.${pkg.name}@${pkg.version}`;
    if (!listed.split('\n').some((l) => l.trim() === want)) {
      throw new Error(`${want} is not among the installed extensions:\n${listed}`);
    }
    const installed = readdirSync(join(dir, 'extensions')).find((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
    if (!installed) {
      throw new Error('the extension folder is missing after installation');
    }
    const base = join(dir, 'extensions', installed);
    const required = ['package.json', 'package.nls.json', 'dist/extension.js', 'dist/main.js', 'dist/wasm/tree-sitter.wasm', 'dist/wasm/tree-sitter-bash.wasm', 'dist/wasm/tree-sitter-terraform.wasm', 'dist/sandbox.mjs', 'dist/vendor/seccomp/x64/apply-seccomp', 'docs/rules/dockerfile/no-latest-tag.md'];
    const missing = required.filter((f) => !existsSync(join(base, f)));
    if (missing.length > 0) {
      throw new Error(`the installed extension lacks: ${missing.join(', ')}`);
    }
    for (const unwanted of ['node_modules', 'src', 'test', 'out', 'dist/extension.js.map', 'dist/main.js.map']) {
      if (existsSync(join(base, unwanted))) {
        throw new Error(`the VSIX should not contain ${unwanted}`);
      }
    }
    log(`installed into the VS Code server as ${want}; required files present`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

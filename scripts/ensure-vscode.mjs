// Make sure a real VS Code (the server inside the npm package code-server) and headless Chromium are
// available for the integration tests and the demo. Idempotent: a second run only checks.
// Usage: node scripts/ensure-vscode.mjs            (prints the server entry point)
//        import { ensureVSCode } from './ensure-vscode.mjs'
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** code-server 4.100.x ships VS Code 1.100.3 and is the newest that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const INSTALL_DIR = join(ROOT, '.vscode-test', 'code-server');
export const CODE_SERVER_DIR = join(INSTALL_DIR, 'node_modules', 'code-server');
export const SERVER_MAIN = join(CODE_SERVER_DIR, 'lib', 'vscode', 'out', 'server-main.js');
export const CHROMIUM = process.env.AURORA_CHROMIUM ?? '/usr/bin/chromium';

const RIPGREP_CACHE = join(process.env.TMPDIR || tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function log(msg) {
  process.stderr.write(`[ensure-vscode] ${msg}\n`);
}

function fail(msg) {
  log(`ERROR: ${msg}`);
  process.exit(2);
}

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Debian packages the harness needs, with a file that proves each one is present. */
const DEBIAN_PACKAGES = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
  { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
  // the agent's commands run in the OS sandbox: bubblewrap, with socat relaying its network proxy
  { pkg: 'bubblewrap', present: () => existsSync('/usr/bin/bwrap') },
  { pkg: 'socat', present: () => existsSync('/usr/bin/socat') },
  // kerberos' native module builds against it during the code-server install
  { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h') || dpkgInstalled('libkrb5-dev') },
];

function ensureDebianPackages(needed) {
  const missing = DEBIAN_PACKAGES.filter((p) => needed.includes(p.pkg) && !p.present()).map((p) => p.pkg);
  if (missing.length === 0) {
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    fail(`missing Debian packages: ${missing.join(' ')}. Install them first: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  }
  const still = DEBIAN_PACKAGES.filter((p) => missing.includes(p.pkg) && !p.present()).map((p) => p.pkg);
  if (r.status !== 0 || still.length > 0) {
    fail(`could not install Debian packages: ${still.join(' ') || missing.join(' ')}`);
  }
}

/** @vscode/ripgrep's postinstall downloads rg unless this cached archive exists: feed it Debian's rg. */
function ensureRipgrepCache() {
  const archive = join(RIPGREP_CACHE, RIPGREP_ARCHIVE);
  if (existsSync(archive)) {
    return;
  }
  mkdirSync(RIPGREP_CACHE, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'aurora-rg-'));
  try {
    copyFileSync('/usr/bin/rg', join(stage, 'rg'));
    execFileSync('tar', ['-czf', archive, '-C', stage, 'rg']);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  log(`cached ripgrep archive at ${archive}`);
}

/** The installed code-server version, or undefined. */
function installedVersion() {
  const pj = join(CODE_SERVER_DIR, 'package.json');
  if (!existsSync(pj) || !existsSync(SERVER_MAIN)) {
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(pj, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** The VS Code version inside the installed server. */
export function vscodeVersion() {
  try {
    return JSON.parse(readFileSync(join(CODE_SERVER_DIR, 'lib', 'vscode', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Install what is missing and return the paths. `browser: false` skips the Chromium check
 * (e.g. for installing a VSIX only).
 */
export function ensureVSCode({ browser = true } = {}) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    log(`warning: code-server ${CODE_SERVER_VERSION} is built for Node 20, this is Node ${process.versions.node}`);
  }
  const needed = browser ? ['chromium', 'bubblewrap', 'socat', 'ripgrep'] : [];
  if (installedVersion() !== CODE_SERVER_VERSION) {
    needed.push('ripgrep', 'libkrb5-dev');
  }
  ensureDebianPackages(needed);
  if (installedVersion() !== CODE_SERVER_VERSION) {
    ensureRipgrepCache();
    mkdirSync(INSTALL_DIR, { recursive: true });
    // a private package.json keeps npm from walking up into the project
    const pj = join(INSTALL_DIR, 'package.json');
    if (!existsSync(pj)) {
      writeFileSync(pj, JSON.stringify({ name: 'aurora-vscode-server', private: true }, null, 2));
    }
    log(`installing code-server@${CODE_SERVER_VERSION} into ${INSTALL_DIR} (about a minute)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(
      npm,
      ['install', '--prefix', INSTALL_DIR, '--unsafe-perm', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`],
      // node-pty's install runs `npx node-gyp`, which would otherwise wait for a "yes"
      { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, npm_config_yes: 'true' } },
    );
    if (r.status !== 0 || installedVersion() !== CODE_SERVER_VERSION) {
      fail(`npm install of code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}); see the output above`);
    }
  }
  return { serverMain: SERVER_MAIN, chromium: CHROMIUM, vscodeVersion: vscodeVersion() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const info = ensureVSCode({ browser: !process.argv.includes('--no-browser') });
  log(`VS Code ${info.vscodeVersion} server ready: ${info.serverMain}`);
}

/* global setTimeout */
// Start the VS Code server (from code-server's package) and headless Chromium for the harness,
// the demo and the screenshot. Everything started here is killed by `stop()`.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CHROMIUM, SERVER_MAIN } from './ensure-vscode.mjs';

/** Chromium flags that keep a headless run quiet and offline. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** A free loopback TCP port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Fresh server dirs under `dir`: user data (with User/settings.json from `settings`), extensions
 * and server data, so no state leaks between runs.
 */
export function prepareDirs(dir, settings) {
  const dirs = { userData: join(dir, 'user-data'), extensions: join(dir, 'extensions'), serverData: join(dir, 'server-data') };
  for (const d of Object.values(dirs)) {
    mkdirSync(d, { recursive: true });
  }
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  // remote machine settings: the server reads them from <user-data-dir>/Machine
  mkdirSync(join(dirs.userData, 'Machine'), { recursive: true });
  const json = JSON.stringify(settings, null, 2);
  // the browser client reads User/ from the user-data dir; the remote side from server-data
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), json);
  mkdirSync(join(dirs.serverData, 'data', 'User'), { recursive: true });
  writeFileSync(join(dirs.serverData, 'data', 'User', 'settings.json'), json);
  return dirs;
}

/**
 * Start the server on a free loopback port and resolve once it listens. Its output goes to
 * `logFile`; `onLine` sees every line.
 */
export async function startServer({ dirs, logFile, env = {}, onLine = () => {}, port, host = '127.0.0.1', extraArgs = [] }) {
  port = port ?? (await freePort());
  const args = [
    SERVER_MAIN,
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--telemetry-level', 'off',
    '--server-data-dir', dirs.serverData,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...extraArgs,
  ];
  // its own process group, so stopping it also stops the extension host and its helpers
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const log = createWriteStream(logFile);
  let listening;
  const ready = new Promise((resolve, reject) => {
    listening = resolve;
    child.once('exit', (code) => reject(new Error(`VS Code server exited early (code ${code}); see ${logFile}`)));
  });
  let buffered = '';
  const onData = (chunk) => {
    log.write(chunk);
    buffered += chunk.toString();
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.includes('Extension host agent listening')) {
        listening();
      }
      onLine(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  await ready;
  return {
    port,
    child,
    stop() {
      killGroup(child);
      log.end();
    },
  };
}

/** Kill a detached child and its process group, ignoring ones already gone. */
export function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const t = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 2000);
  t.unref();
}

/** The workbench URL that opens `folder` with the extension under development (and tests). */
export function workbenchUrl({ port, folder, workspaceFile, extensionPath, testsPath, host = '127.0.0.1' }) {
  const remote = (p) => `vscode-remote://${host}:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const target = workspaceFile ? `workspace=${encodeURIComponent(workspaceFile)}` : `folder=${encodeURIComponent(folder)}`;
  return `http://${host}:${port}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launch headless Chromium through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}


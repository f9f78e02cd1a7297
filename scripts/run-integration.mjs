/* global setTimeout */
// Run the integration suites inside a real VS Code: the VS Code server from the npm package
// code-server, driven by headless Chromium. Each suite gets a fresh server, fresh user data and a
// fresh copy of the test workspace. Prints the VS Code version and the counts; exits non-zero on
// any failure; a global timeout kills everything so it never hangs.
// Usage: node scripts/run-integration.mjs [--suite main|restricted] [--no-build] [--no-vsix]
//        AURORA_TEST_GREP=<pattern> narrows the tests.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureVSCode, ROOT } from './ensure-vscode.mjs';
import { killGroup, launchBrowser, prepareDirs, startServer, workbenchUrl } from './vscode-server.mjs';

const args = process.argv.slice(2);
const only = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;
const GLOBAL_TIMEOUT_MS = Number(process.env.AURORA_IT_TIMEOUT_MS ?? 10 * 60_000);
const SUITE_TIMEOUT_MS = 5 * 60_000;

const SUITES = [
  // trust off: the workspace counts as trusted (the trust prompt is refused in test mode)
  { name: 'main', tests: 'out/test/integration/index.js', settings: { 'security.workspace.trust.enabled': false } },
  // trust on and nothing grants it: Restricted Mode
  { name: 'restricted', tests: 'out/test/integration/restricted/index.js', settings: { 'security.workspace.trust.enabled': true } },
  // two folders, each with its own aurora.yaml
  {
    name: 'multiroot',
    tests: 'out/test/integration/multiroot/index.js',
    settings: { 'security.workspace.trust.enabled': false },
    fixture: 'test/integration/fixtures/multiroot',
    workspaceFile: 'multiroot.code-workspace',
  },
].filter((s) => !only || s.name === only);

const COMMON_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
};

const cleanups = new Set();
function cleanupAll() {
  for (const c of [...cleanups].reverse()) {
    try {
      c();
    } catch {
      // keep cleaning
    }
  }
  cleanups.clear();
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanupAll();
    process.exit(130);
  });
}
const globalTimer = setTimeout(() => {
  console.error(`[integration] global timeout of ${GLOBAL_TIMEOUT_MS / 1000}s reached: killing the server and the browser`);
  cleanupAll();
  process.exit(124);
}, GLOBAL_TIMEOUT_MS);
globalTimer.unref();

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Copy what the VSIX would ship (see .vscodeignore) into `dir`. */
function stageExtension(dir) {
  for (const p of ['package.json', 'package.nls.json', 'LICENSE', 'dist/extension.js', 'dist/main.js', 'dist/anthropic.js', 'dist/webview.js', 'dist/wasm', 'docs/rules', 'schemas', 'media']) {
    if (existsSync(join(ROOT, p))) {
      cpSync(join(ROOT, p), join(dir, p), { recursive: true });
    }
  }
  return dir;
}

async function runSuite(suite, runDir) {
  const dir = join(runDir, suite.name);
  rmSync(dir, { recursive: true, force: true });
  const dirs = prepareDirs(dir, { ...COMMON_SETTINGS, ...suite.settings });
  const workspace = join(dir, 'workspace');
  cpSync(join(ROOT, suite.fixture ?? 'test/integration/fixtures/workspace'), workspace, { recursive: true });
  // run a snapshot of the extension and the compiled tests, so a rebuild in the working tree
  // during the run cannot change what is being tested
  const extension = stageExtension(join(dir, 'extension'));
  const testsDir = join(dir, 'tests');
  cpSync(join(ROOT, 'out/test/integration'), testsDir, { recursive: true });
  const testsPath = join(testsDir, relative('out/test/integration', suite.tests));
  const resultsFile = join(dir, 'results.json');
  const logFile = join(dir, 'server.log');
  let hostExit;
  const server = await startServer({
    dirs,
    logFile,
    // every suite's first activation is recorded for `npm run bench` (test/integration/helpers.ts)
    env: { AURORA_TEST_RESULTS: resultsFile, AURORA_ACTIVATION_FILE: join(ROOT, 'out', `activation-${suite.name}.json`) },
    onLine: (line) => {
      const m = /Extension Host Process exited with code: (\d+)/.exec(line) ?? /Extension host .*exited with code: (\d+)/.exec(line);
      if (m) {
        hostExit = Number(m[1]);
      }
    },
  });
  cleanups.add(server.stop);
  const browser = await launchBrowser();
  const closeBrowser = () => {
    void browser.close().catch(() => {});
  };
  cleanups.add(closeBrowser);
  const consoleLines = [];
  try {
    const page = await browser.newPage();
    page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
    const url = workbenchUrl({ port: server.port, folder: workspace, workspaceFile: suite.workspaceFile && join(workspace, suite.workspaceFile), extensionPath: extension, testsPath });
    await page.goto(url);
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (!existsSync(resultsFile)) {
      if (hostExit !== undefined) {
        // give a last write a moment to land
        await sleep(500);
        break;
      }
      if (Date.now() > deadline) {
        break;
      }
      await sleep(250);
    }
  } finally {
    writeFileSync(join(dir, 'browser.log'), consoleLines.join('\n'));
    closeBrowser();
    cleanups.delete(closeBrowser);
    server.stop();
    cleanups.delete(server.stop);
  }
  if (!existsSync(resultsFile)) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    const browserTail = consoleLines.filter((l) => /error/i.test(l)).slice(-15).join('\n');
    return {
      suite: suite.name,
      passes: 0,
      failures: 1,
      pending: 0,
      failed: [{ title: `${suite.name}: no results`, error: `${hostExit !== undefined ? `extension host exited with ${hostExit}` : 'timed out'}\n--- server log tail (${logFile}) ---\n${tail}\n--- browser errors ---\n${browserTail}` }],
    };
  }
  return JSON.parse(readFileSync(resultsFile, 'utf8'));
}

/**
 * The API key the chat tests hand the extension (test/integration/chatFlow.test.ts). After a suite,
 * nothing VS Code wrote to disk — logs (the output channel's included), settings, workspace and
 * global storage, the browser console — may contain it.
 */
export const KEY_CANARY = 'sk-ant-canary-integration-7f3a9c';

/** Where the canary key appears in what VS Code wrote during a suite (empty: nowhere). */
function keyLeaks(suiteDir) {
  const leaks = [];
  const skip = new Set([join(suiteDir, 'tests'), join(suiteDir, 'extension')]);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory() && !skip.has(full)) {
        walk(full);
      } else if (e.isFile() && statSync(full).size < 64 * 1024 * 1024 && readFileSync(full).includes(KEY_CANARY)) {
        leaks.push(relative(suiteDir, full));
      }
    }
  };
  walk(suiteDir);
  return leaks;
}

async function main() {
  const started = Date.now();
  const info = ensureVSCode();
  if (!args.includes('--no-build')) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--tests'], { stdio: 'inherit' });
  }
  console.log(`[integration] VS Code ${info.vscodeVersion} (server from code-server), Chromium ${info.chromium}`);
  const runDir = join(ROOT, '.vscode-test', 'runs');
  mkdirSync(runDir, { recursive: true });
  let passes = 0;
  let failures = 0;
  for (const suite of SUITES) {
    const t0 = Date.now();
    const r = await runSuite(suite, runDir);
    passes += r.passes;
    failures += r.failures;
    console.log(`[integration] suite ${suite.name}: ${r.passes} passing, ${r.failures} failing, ${r.pending ?? 0} pending (${((Date.now() - t0) / 1000).toFixed(1)} s, VS Code ${r.vscodeVersion ?? info.vscodeVersion})`);
    for (const f of r.failed ?? []) {
      console.log(`  ✗ ${f.title}\n    ${f.error.split('\n').join('\n    ')}`);
    }
    if (suite.name === 'main') {
      const leaks = keyLeaks(join(runDir, suite.name));
      if (leaks.length === 0) {
        passes++;
        console.log('[integration] the chat tests\' API key appears in no log, setting, storage or console file of the run');
      } else {
        failures++;
        console.log(`[integration] ✗ the API key was written to: ${leaks.join(', ')}`);
      }
    }
  }
  if (!only && !args.includes('--no-vsix')) {
    const t0 = Date.now();
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--check', '--out', join(runDir, 'aurora-devops-test.vsix')], { stdio: 'inherit' });
      passes++;
      console.log(`[integration] VSIX packaged and installed into the VS Code server (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch {
      failures++;
      console.log('[integration] ✗ VSIX packaging or installation failed (see above)');
    }
  }
  console.log(`[integration] total: ${passes} passing, ${failures} failing in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  cleanupAll();
  process.exit(failures > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`[integration] ${e instanceof Error ? e.stack : e}`);
  cleanupAll();
  process.exit(1);
});

export { killGroup };

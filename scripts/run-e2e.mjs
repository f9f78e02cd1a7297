/* global setTimeout, clearTimeout */
// UI tests of the DevOps Agent chat: the VS Code server with the extension under development,
// headless Chromium through playwright-core, and the fake Messages API (test/helpers/fakeAnthropic)
// as the model. The key goes in through ANTHROPIC_API_KEY in the server's environment, the fake
// server's URL through aurora.anthropic.baseUrl in the test profile's user settings. Prints the
// counts, exits non-zero on any failure; a global timeout kills everything.
// Usage: node scripts/run-e2e.mjs [--no-build] [--grep <text>] [--repeat <n>] [--screenshot]
//        (--repeat runs each selected test n times in a row: for hunting flakiness)
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureVSCode, ROOT } from './ensure-vscode.mjs';
import { launchBrowser, prepareDirs, startServer, workbenchUrl } from './vscode-server.mjs';

const args = process.argv.slice(2);
const grep = args.includes('--grep') ? args[args.indexOf('--grep') + 1] : undefined;
const screenshot = args.includes('--screenshot');
const repeat = args.includes('--repeat') ? Math.max(1, Number(args[args.indexOf('--repeat') + 1]) || 1) : 1;
const GLOBAL_TIMEOUT_MS = Number(process.env.AURORA_E2E_TIMEOUT_MS ?? 8 * 60_000);
const TEST_TIMEOUT_MS = 90_000;
// a failed reset means the next tests would start from an unknown state: reload the window then
const RESET_TIMEOUT_MS = 45_000;
const require = createRequire(import.meta.url);

const cleanups = [];
function cleanupAll() {
  for (const c of cleanups.splice(0).reverse()) {
    try {
      c();
    } catch {
      // keep cleaning
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanupAll();
    process.exit(130);
  });
}
const globalTimer = setTimeout(() => {
  console.error(`[e2e] global timeout of ${GLOBAL_TIMEOUT_MS / 1000}s reached: killing the server and the browser`);
  cleanupAll();
  process.exit(124);
}, GLOBAL_TIMEOUT_MS);
globalTimer.unref();

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000}s`)), ms)))]).finally(() => clearTimeout(timer));
}

/** A fresh workspace: aurora.yaml granting writes under /k8s and commands without network. */
function makeWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'k8s'), { recursive: true });
  writeFileSync(
    join(dir, 'aurora.yaml'),
    'agents:\n  devops:\n    model: claude-test\n    tools: [read_file, write_file, run_shell_command]\n    permissions:\n      filesystem: ["/k8s"]\n      network: []\n',
  );
  writeFileSync(join(dir, 'k8s', 'app.yaml'), 'replicas: 1\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:latest\nRUN echo hi\n');
  return dir;
}

async function startSuite(name, { key, fakeUrl }) {
  const dir = join(ROOT, '.vscode-test', 'e2e', name);
  rmSync(dir, { recursive: true, force: true });
  const dirs = prepareDirs(dir, {
    'security.workspace.trust.enabled': false,
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'editor.minimap.enabled': false,
    'aurora.anthropic.baseUrl': fakeUrl,
  });
  // aurora.anthropic.baseUrl is machine-scoped (a repository must not redirect the key), so
  // workspace settings cannot carry it. The User settings above hold it for the first load only:
  // after a window reload the workbench applies machine-scoped settings from the remote machine
  // settings alone, which the server keeps under its --user-data-dir.
  writeFileSync(join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify({ 'aurora.anthropic.baseUrl': fakeUrl }, null, 2));
  const workspace = makeWorkspace(join(dir, 'workspace'));
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  // the DOM renderer keeps the terminal's text readable by the tests
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'terminal.integrated.gpuAcceleration': 'off' }, null, 2));
  const server = await startServer({ dirs, logFile: join(dir, 'server.log'), env: { ANTHROPIC_API_KEY: key ? require(join(ROOT, 'out/test/e2e/chat.e2e.js')).E2E_KEY : '', ANTHROPIC_BASE_URL: '' } });
  cleanups.push(server.stop);
  const browser = await launchBrowser();
  const closeBrowser = () => void browser.close().catch(() => {});
  cleanups.push(closeBrowser);
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  // the workbench's console (webview errors, the extension host's console) for failed runs
  const consoleLog = join(dir, 'browser.log');
  writeFileSync(consoleLog, '');
  const note = (line) => appendFileSync(consoleLog, `${new Date().toISOString()} ${line}\n`);
  page.on('console', (m) => note(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => note(`[pageerror] ${e.message}`));
  const url = workbenchUrl({ port: server.port, folder: workspace, extensionPath: ROOT });
  const palette = async (text) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 30_000 });
    await page.keyboard.type(text, { delay: 5 });
    // the entry whose label is exactly the command (fuzzy matching also lists look-alikes)
    await page.locator(`.quick-input-list .monaco-list-row[aria-label^="${text}"]`).first().click({ timeout: 30_000 });
  };
  const input = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').getByRole('textbox', { name: 'Message DevOps Agent' });
  const open = async (how = 'goto') => {
    if (how === 'goto') {
      await page.goto(url);
    } else {
      // Developer: Reload Window, as a user would: the workbench shuts down properly (flushing
      // the workspace storage the history lives in) before the page loads again
      const loaded = page.waitForEvent('load', { timeout: 60_000 });
      await palette('Developer: Reload Window');
      await loaded;
    }
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
    // the activity bar entry is steadier than typing into the palette while the window settles
    const item = page.locator('.activitybar .action-item:has([aria-label^="Aurora DevOps"])').first();
    await item.waitFor({ timeout: 60_000 });
    // After a reload the workbench restores the side bar on its own, a moment after the entry
    // appears: a click then would toggle it closed again. So: click only an inactive entry, and
    // look again until the panel's input is there.
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (await input.isVisible().catch(() => false)) {
        return;
      }
      if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) {
        await item.click();
      }
      try {
        await input.waitFor({ timeout: 10_000 });
        return;
      } catch (e) {
        if (Date.now() > deadline) {
          throw e;
        }
      }
    }
  };
  try {
    await open();
  } catch (e) {
    await page.screenshot({ path: join(dir, 'start-failure.png') }).catch(() => {});
    closeBrowser();
    server.stop();
    throw e;
  }
  return {
    page,
    workspace,
    palette,
    note,
    dir,
    reload: () => open('command'),
    stop() {
      closeBrowser();
      server.stop();
    },
  };
}

async function main() {
  const started = Date.now();
  const info = ensureVSCode();
  if (!args.includes('--no-build')) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--tests'], { stdio: 'inherit' });
  }
  const { FakeAnthropic, textTurn, toolTurn } = require(join(ROOT, 'out/test/helpers/fakeAnthropic.js'));
  const fake = await new FakeAnthropic().start();
  cleanups.push(() => void fake.close());
  console.log(`[e2e] VS Code ${info.vscodeVersion} (server from code-server), Chromium ${info.chromium}; fake Messages API at ${fake.url}`);

  if (screenshot) {
    const s = await startSuite('screenshot', { key: true, fakeUrl: fake.url });
    const { chat, say } = require(join(ROOT, 'out/test/e2e/chat.e2e.js'));
    const c = chat(s.page);
    // the web workbench starts light and keeps its User settings in the browser: pick the dark
    // theme the way a user does
    await s.palette('Preferences: Color Theme');
    await s.page.locator('.quick-input-widget input[placeholder*="Color Theme" i]').first().waitFor({ timeout: 30_000 });
    await s.page.keyboard.type('Dark Modern', { delay: 5 });
    await s.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Dark Modern' }).first().waitFor({ timeout: 30_000 });
    await s.page.keyboard.press('Enter');
    await s.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
    // a wider side bar, as people give a chat panel: drag its edge
    const side = await s.page.locator('.part.sidebar').boundingBox();
    if (side) {
      const edge = side.x + side.width + 1;
      await s.page.mouse.move(edge, side.y + side.height / 2);
      await s.page.mouse.down();
      await s.page.mouse.move(edge + 120, side.y + side.height / 2, { steps: 8 });
      await s.page.mouse.up();
    }
    // the Dockerfile open beside the chat, as when a user asks about the file in front of them
    await s.page.keyboard.press('Control+P');
    await s.page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 30_000 });
    await s.page.keyboard.type('Dockerfile', { delay: 5 });
    await s.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Dockerfile' }).first().waitFor({ timeout: 30_000 });
    await s.page.keyboard.press('Enter');
    await s.page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile' }).waitFor({ timeout: 30_000 });
    fake.script(
      textTurn(
        'Your **Dockerfile** uses `alpine:latest` (rule `dockerfile/no-latest-tag`): the tag moves, so two builds of the same commit can get different base images.\n\nPin a version, for example:\n\n```dockerfile\nFROM alpine:3.20\n```',
      ),
    );
    await say(s.page, 'Why is my Dockerfile flagged?');
    await c.locator('.msg.assistant .meta', { hasText: /tokens/ }).waitFor({ timeout: 30_000 });
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'docker build --pull -t app:dev .' } }], 'I will check that the image builds with the pinned tag before changing it.'));
    await say(s.page, 'Pin it and check the build');
    await c.locator('.card.tool').getByRole('button', { name: 'Run' }).waitFor({ timeout: 30_000 });
    // the header and the card say the command will run in the OS sandbox
    await c.locator('.sandbox-state.enforced').waitFor({ timeout: 30_000 });
    await c.locator('.card.tool .detail.sandbox').waitFor({ timeout: 30_000 });
    // the squiggle under the tag is part of the picture
    await s.page.locator('.squiggly-warning, .squiggly-error, .squiggly-info').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    const out = join(ROOT, 'media', 'screenshot-chat.png');
    await s.page.screenshot({ path: out });
    console.log(`[e2e] wrote ${out}`);
    s.stop();
    cleanupAll();
    process.exit(0);
  }

  const { tests, beforeEach, chat: chatFrame } = require(join(ROOT, 'out/test/e2e/chat.e2e.js'));
  const selected = tests.filter((t) => !grep || t.name.includes(grep)).flatMap((t) => Array.from({ length: repeat }, () => t));
  let passes = 0;
  let failures = 0;
  for (const suite of ['offline', 'key']) {
    const mine = selected.filter((t) => t.suite === suite);
    if (mine.length === 0) {
      continue;
    }
    const t0 = Date.now();
    let s;
    try {
      s = await startSuite(suite, { key: suite === 'key', fakeUrl: fake.url });
    } catch (e) {
      failures += mine.length;
      console.log(`  ✗ suite ${suite} did not start: ${e instanceof Error ? e.message : e}`);
      continue;
    }
    console.log(`[e2e] suite ${suite}: workbench ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const [i, t] of mine.entries()) {
      const t1 = Date.now();
      const ctx = { page: s.page, fake, workspace: s.workspace, reload: s.reload, palette: s.palette };
      s.note(`=== test: ${t.name}`);
      try {
        // every test starts from a known state; when that fails, a reload gives one
        try {
          await withTimeout(beforeEach(ctx), RESET_TIMEOUT_MS, 'reset before the test');
        } catch (e) {
          s.note(`reset failed (${e instanceof Error ? e.message : e}); reloading the window`);
          await withTimeout(s.reload().then(() => beforeEach(ctx)), TEST_TIMEOUT_MS, 'reload before the test');
        }
        await withTimeout(t.run(ctx), TEST_TIMEOUT_MS, t.name);
        passes++;
        console.log(`  ✓ ${t.name} (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
      } catch (e) {
        failures++;
        // kept outside the suite folder, which the next run deletes
        const keep = join(ROOT, '.vscode-test', 'e2e-failures', `${new Date().toISOString().replace(/[:.]/g, '-')}-${suite}-${i + 1}`);
        mkdirSync(keep, { recursive: true });
        const shot = join(keep, 'failure.png');
        await s.page.screenshot({ path: shot }).catch(() => {});
        const panel = await chatFrame(s.page).locator('#root').innerHTML({ timeout: 5_000 }).catch(() => '(the panel could not be read)');
        s.note(`=== failed: ${t.name}: ${e instanceof Error ? e.message : e}\n--- panel:\n${panel}`);
        for (const f of ['server.log', 'browser.log']) {
          try {
            cpSync(join(s.dir, f), join(keep, f));
          } catch {
            // keep what there is
          }
        }
        try {
          cpSync(join(s.dir, 'user-data', 'logs'), join(keep, 'logs'), { recursive: true });
        } catch {
          // no extension logs yet
        }
        console.log(`  ✗ ${t.name}\n    ${(e instanceof Error ? e.stack ?? e.message : String(e)).split('\n').slice(0, 6).join('\n    ')}\n    screenshot, logs and the panel's HTML: ${keep}`);
      }
    }
    s.stop();
  }
  console.log(`[e2e] total: ${passes} passing, ${failures} failing in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  cleanupAll();
  process.exit(failures > 0 || passes === 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`[e2e] ${e instanceof Error ? e.stack : e}`);
  cleanupAll();
  process.exit(1);
});

/* global setTimeout, clearTimeout */
// Take media/screenshot-diagnostics.png from the real UI: the VS Code server with the extension
// loaded on examples/, a flawed file open with Aurora's squiggles, the Problems panel after a
// workspace scan, and the quick-fix menu open on a fixable finding.
// Usage: node scripts/screenshot.mjs [--file <path under examples>] [--out <png>]
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ensureVSCode, ROOT } from './ensure-vscode.mjs';
import { launchBrowser, prepareDirs, startServer, workbenchUrl } from './vscode-server.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = resolve(opt('--out') ?? join(ROOT, 'media', 'screenshot-diagnostics.png'));
const examples = join(ROOT, 'examples');

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** A file and line with a fixable finding, preferring a Dockerfile, then Compose, then any. */
function pickTarget() {
  const json = execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', examples, '--format', 'json', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const findings = JSON.parse(json);
  const wanted = opt('--file');
  const rank = (f) => (/Dockerfile/.test(f.file) ? 0 : /compose/.test(f.file) ? 1 : /k8s|kubernetes/.test(f.file) ? 2 : 3);
  const fixable = findings.filter((f) => f.fixable && (!wanted || f.file.endsWith(wanted))).sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  if (fixable.length === 0) {
    throw new Error('no fixable finding in examples/');
  }
  const f = fixable[0];
  return { file: relative(examples, resolve(ROOT, f.file)), line: f.line, column: f.column, ruleId: f.ruleId };
}

execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
const target = pickTarget();
console.log(`[screenshot] ${target.file}:${target.line} (${target.ruleId})`);
ensureVSCode();
const dir = join(ROOT, '.vscode-test', 'screenshot');
rmSync(dir, { recursive: true, force: true });
const dirs = prepareDirs(dir, {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'editor.minimap.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  'chat.commandCenter.enabled': false,
});
// a copy, so nothing the demo does touches examples/
const workspace = join(dir, 'examples');
cpSync(examples, workspace, { recursive: true });
const server = await startServer({ dirs, logFile: join(dir, 'server.log') });
const browser = await launchBrowser();
const timer = setTimeout(() => {
  console.error('[screenshot] timed out');
  server.stop();
  void browser.close();
  process.exit(1);
}, 4 * 60_000);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionPath: ROOT }));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
  await page.waitForSelector('.statusbar-item[id="aurora-devops.aurora-devops.aurora.problems"], .statusbar-item[id*="aurora"]', { timeout: 120_000 }).catch(() => {});
  const palette = async (text) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 30_000 });
    await page.keyboard.type(text, { delay: 10 });
    await sleep(600);
    await page.keyboard.press('Enter');
  };
  // the scan fills the Problems panel with every example file
  await palette('>Aurora: Scan Workspace');
  await sleep(2500);
  await palette('>View: Focus Problems');
  await sleep(1000);
  // open the file through Quick Open
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 30_000 });
  await page.keyboard.type(target.file, { delay: 10 });
  await sleep(800);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info', { timeout: 60_000 });
  // go to the finding and open the quick-fix menu
  await page.keyboard.press('Control+G');
  await sleep(300);
  await page.keyboard.type(`${target.line}:${target.column}`, { delay: 10 });
  await page.keyboard.press('Enter');
  await sleep(500);
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget', { timeout: 30_000 });
  await sleep(800);
  await page.screenshot({ path: out });
  console.log(`[screenshot] wrote ${out}`);
} finally {
  clearTimeout(timer);
  await browser.close();
  server.stop();
}

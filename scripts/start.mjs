/* global setTimeout */
// The demo: build, make sure the VS Code server is installed, start it with the extension under
// development loaded on the examples/ workspace and print the URL to open. Ctrl+C stops it.
// Usage: npm start [-- --port <n>] [-- --folder <path>] [-- --host 0.0.0.0 (reachable from other machines)]
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureVSCode, ROOT } from './ensure-vscode.mjs';
import { prepareDirs, startServer, workbenchUrl } from './vscode-server.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const folder = resolve(opt('--folder') ?? join(ROOT, 'examples'));
const port = opt('--port') ? Number(opt('--port')) : undefined;
const host = opt('--host') ?? '127.0.0.1';

execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
const info = ensureVSCode({ browser: false });
const dir = join(ROOT, '.vscode-test', 'demo');
mkdirSync(dir, { recursive: true });
// the demo keeps its user data between runs (settings, layout); the examples are trusted
const dirs = prepareDirs(dir, { 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'extensions.ignoreRecommendations': true });
const server = await startServer({ dirs, logFile: join(dir, 'server.log'), port, host });
// a browser on this machine reaches 0.0.0.0 as 127.0.0.1; elsewhere use this machine's name
const url = workbenchUrl({ port: server.port, folder, extensionPath: ROOT, host: host === '0.0.0.0' ? '127.0.0.1' : host });
console.log(`\nAurora DevOps demo: VS Code ${info.vscodeVersion} serving ${folder}`);
console.log(`Open this URL in a browser (the extension under development is loaded from ${ROOT}):\n\n  ${url}\n`);
console.log('Run "Aurora: Scan Workspace" from the command palette to see every file in the Problems panel.');
console.log(`Server log: ${join(dir, 'server.log')}. Press Ctrl+C to stop.`);

let stopping = false;
function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  server.stop();
  setTimeout(() => process.exit(0), 300);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`VS Code server exited (code ${code}); see ${join(dir, 'server.log')}`);
    process.exit(1);
  }
});

// Run the integration suite with @vscode/test-electron, on machines that can download VS Code.
// (This one cannot: `npm test` uses scripts/run-integration.mjs and the VS Code server instead.)
// Usage: npm run test:electron
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const version = process.env.VSCODE_VERSION ?? 'stable';
let failed = false;
for (const suite of [
  { name: 'main', tests: 'out/test/integration/index.js', trust: false },
  { name: 'restricted', tests: 'out/test/integration/restricted/index.js', trust: true },
]) {
  const dir = mkdtempSync(join(tmpdir(), `aurora-electron-${suite.name}-`));
  const workspace = join(dir, 'workspace');
  cpSync(join(root, 'test/integration/fixtures/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, suite.tests),
      extensionTestsEnv: { AURORA_TEST_RESULTS: join(dir, 'results.json') },
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--user-data-dir', join(dir, 'user-data'), ...(suite.trust ? [] : ['--disable-workspace-trust'])],
    });
    console.log(`[electron] suite ${suite.name} passed`);
  } catch (e) {
    failed = true;
    console.error(`[electron] suite ${suite.name} failed: ${e instanceof Error ? e.message : e}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(failed ? 1 : 0);

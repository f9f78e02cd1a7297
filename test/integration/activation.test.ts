import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID } from './helpers';

suite('activation', () => {
  test('the extension activates in the test workspace and exports its API', async () => {
    const api = await activate();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.strictEqual(ext?.isActive, true);
    assert.strictEqual(typeof api.scanWorkspace, 'function');
    // the runner disables workspace trust for this suite, so the workspace counts as trusted
    assert.strictEqual(api.isTrusted(), true);
    // the benchmark (npm run bench) reports these figures (helpers.activate records them)
    const t = api.times;
    for (const [name, ms] of Object.entries(t)) {
      assert.ok(Number.isFinite(ms) && ms >= 0, `${name} is a duration: ${ms}`);
    }
    // activation is the small entry point only; the rest loads after it
    assert.ok(t.readyMs >= t.activationMs, `ready (${t.readyMs} ms) comes after activation (${t.activationMs} ms)`);
    assert.ok(t.mainLoadMs > 0, `dist/main.js was loaded after activation (${t.mainLoadMs} ms)`);
  });

  test('contributes its commands and settings', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['aurora.scanWorkspace', 'aurora.showRuleDocs', 'aurora.disableRule', 'aurora.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
    const config = vscode.workspace.getConfiguration('aurora');
    assert.strictEqual(config.get('enable'), true);
    assert.strictEqual(config.get('lintOnType'), true);
    assert.deepStrictEqual(config.get('severityOverrides'), {});
    // the test workspace's .vscode/settings.json sets the exclusions
    assert.deepStrictEqual(config.get('exclude'), ['**/excluded/**']);
  });
});

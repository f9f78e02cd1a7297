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

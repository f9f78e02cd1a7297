import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, readFile, wsUri } from '../helpers';

suite('command-palette tasks in Restricted Mode', () => {
  test('the writing commands do nothing in an untrusted workspace', async () => {
    const api = await activate();
    assert.strictEqual(api.isTrusted(), false);
    const fixall = wsUri('tasks', 'fixall', 'Dockerfile');
    const before = await readFile(fixall);
    const run = (id: string, arg: unknown): Promise<unknown> => Promise.resolve(vscode.commands.executeCommand(id, arg)).then((r) => r, () => undefined);
    assert.strictEqual(await run('aurora.containerize', { folder: wsUri('tasks', 'node') }), undefined);
    assert.strictEqual(await run('aurora.fixAllInWorkspace', { folder: wsUri('tasks', 'fixall') }), undefined);
    assert.strictEqual(await run('aurora.addResourceLimits', { folder: wsUri('tasks', 'resources') }), undefined);
    assert.strictEqual(await run('aurora.pinImages', { folder: wsUri('tasks', 'pin') }), undefined);
    assert.strictEqual(await run('aurora.scanImage', { uri: wsUri('tasks', 'scan', 'Dockerfile'), pathEnv: '/nonexistent-aurora-path' }), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(wsUri('tasks', 'node', 'Dockerfile'))), 'no Dockerfile was generated');
    assert.strictEqual(await readFile(fixall), before, 'no fix was applied');
  });
});

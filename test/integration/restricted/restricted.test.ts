import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, waitForRule, wsUri } from '../helpers';

suite('restricted mode', () => {
  test('the workspace is untrusted and the extension still activates', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the runner enables workspace trust, and nothing grants it');
    const api = await activate();
    assert.strictEqual(api.isTrusted(), false);
  });

  test('linting works in Restricted Mode', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('Dockerfile'));
    await vscode.window.showTextDocument(doc);
    await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 2);
    await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 1);
  });

  test('quick fixes are offered in Restricted Mode', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('Dockerfile'));
    const [d] = await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === 'Replace ADD with COPY'));
  });
});

suite('the chat in Restricted Mode', () => {
  test('the banner says the agent may only read and offers to manage trust, whatever aurora.yaml says', async () => {
    const api = await activate();
    const contract = api.chat.provider.contract();
    assert.ok(contract, 'a folder is open');
    assert.strictEqual(contract.trusted, false);
    assert.strictEqual(contract.found, true, 'the fixture has an aurora.yaml');
    assert.match(contract.summary, /^Restricted Mode: the agent may only read files; aurora\.yaml is ignored/);
  });
});

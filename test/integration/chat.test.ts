import * as assert from 'assert';
import * as vscode from 'vscode';
import { TERMINAL_NAME } from '../../src/vscode/chat';
import { writeThroughEdit } from '../../src/vscode/chat/workspace';
import { activate, readFile, workspaceRoot, writeFile, wsUri } from './helpers';

suite('chat: terminal runner and writes', () => {
  test('the chat view, its commands and the terminal runner are registered', async () => {
    const api = await activate();
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['aurora.openChat', 'aurora.setApiKey', 'aurora.clearApiKey', 'aurora.explainDiagnostic']) {
      assert.ok(commands.includes(c), c);
    }
    assert.strictEqual(api.chat.provider.busy, false);
  });

  test('a command runs in the Aurora DevOps terminal with its exact exit code and output', async () => {
    const { chat } = await activate();
    const r = await chat.terminal.run({ command: 'echo it-$((6*7)); exit 7', cwd: workspaceRoot().fsPath, timeoutMs: 30_000 });
    assert.strictEqual(r.exitCode, 7);
    assert.match(r.output, /it-42/);
    assert.ok(vscode.window.terminals.some((t) => t.name === TERMINAL_NAME), 'the terminal exists');
    const ok = await chat.terminal.run({ command: 'true', cwd: workspaceRoot().fsPath, timeoutMs: 30_000 });
    assert.strictEqual(ok.exitCode, 0);
    assert.strictEqual(vscode.window.terminals.filter((t) => t.name === TERMINAL_NAME).length, 1, 'the terminal is reused');
  });

  test('kill stops the whole process group', async () => {
    const { chat } = await activate();
    const running = chat.terminal.run({ command: 'sleep 30 | cat', cwd: workspaceRoot().fsPath, timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(chat.terminal.running);
    chat.terminal.kill();
    const r = await running;
    assert.strictEqual(r.cancelled, true);
    assert.strictEqual(r.exitCode, null);
  });

  test('a timeout stops the command', async () => {
    const { chat } = await activate();
    const r = await chat.terminal.run({ command: 'sleep 30', cwd: workspaceRoot().fsPath, timeoutMs: 500 });
    assert.strictEqual(r.timedOut, true);
  });

  test('an approved write goes through an undoable WorkspaceEdit and is saved', async () => {
    await activate();
    const uri = await writeFile('chat-write/app.yaml', 'replicas: 1\n');
    await writeThroughEdit(uri, 'replicas: 3\n');
    assert.strictEqual(await readFile(uri), 'replicas: 3\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), 'replicas: 1\n', 'undo restores the text');
    const created = wsUri('chat-write', 'new.yaml');
    await writeThroughEdit(created, 'a: 1\n');
    assert.strictEqual(await readFile(created), 'a: 1\n');
  });

  test('a write that something else saved first (auto save, on by default in the web) still succeeds', async () => {
    await activate();
    const uri = await writeFile('chat-write/saved-meanwhile.yaml', 'replicas: 1\n');
    // save the document the moment the edit lands, before writeThroughEdit's own save: that save
    // then finds nothing to do and answers false, as it does after auto save
    let savedByOther = false;
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString() && e.document.isDirty && !savedByOther) {
        savedByOther = true;
        void e.document.save();
      }
    });
    try {
      await writeThroughEdit(uri, 'replicas: 2\n');
    } finally {
      sub.dispose();
    }
    assert.ok(savedByOther, 'the document was saved by the listener');
    assert.strictEqual(await readFile(uri), 'replicas: 2\n');
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, ofRule, readFile, waitForRule } from '../helpers';

const RULE = 'dockerfile/add-instead-of-copy';

function folder(name: string): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(f, `workspace folder ${name}`);
  return f;
}

async function open(folderName: string, ...rel: string[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(folderName).uri, ...rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

suite('multi-root workspace', () => {
  suiteSetup(async () => {
    await activate();
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 2);
  });

  test("each folder's aurora.yaml applies to that folder's files only", async () => {
    const beta = await open('beta', 'Dockerfile');
    const [d] = await waitForRule(beta.uri, RULE, 1);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    const alpha = await open('alpha', 'Dockerfile');
    // alpha turns the rule off: same text, only the other finding
    await waitForRule(alpha.uri, 'dockerfile/no-latest-tag', 1);
    assert.strictEqual(ofRule(alpha.uri, RULE).length, 0);
  });

  test('a folder-scoped setting wins over that folder’s aurora.yaml only', async () => {
    const alpha = await open('alpha', 'Dockerfile');
    const beta = await open('beta', 'Dockerfile');
    const config = vscode.workspace.getConfiguration('aurora', folder('alpha').uri);
    await config.update('severityOverrides', { [RULE]: 'info' }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const [d] = await waitForRule(alpha.uri, RULE, 1);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Hint);
      assert.strictEqual(ofRule(beta.uri, RULE)[0]?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update('severityOverrides', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForRule(alpha.uri, RULE, 0);
  });

  test('the scan covers every folder, closed files included', async () => {
    await vscode.commands.executeCommand('aurora.scanWorkspace');
    for (const name of ['alpha', 'beta']) {
      assert.strictEqual(ofRule(vscode.Uri.joinPath(folder(name).uri, 'sub', 'Dockerfile'), 'dockerfile/no-latest-tag').length, 1, name);
    }
  });

  test("disabling a rule edits the file's own folder's aurora.yaml", async () => {
    const beta = await open('beta', 'sub', 'Dockerfile');
    await waitForRule(beta.uri, 'dockerfile/no-latest-tag', 1);
    const alphaBefore = await readFile(vscode.Uri.joinPath(folder('alpha').uri, 'aurora.yaml'));
    await vscode.commands.executeCommand('aurora.disableRule', folder('beta').uri, 'dockerfile/no-latest-tag');
    assert.strictEqual(
      await readFile(vscode.Uri.joinPath(folder('beta').uri, 'aurora.yaml')),
      '# beta keeps its own settings\nrules:\n  dockerfile/add-instead-of-copy: error\n  dockerfile/no-latest-tag: off\n',
    );
    assert.strictEqual(await readFile(vscode.Uri.joinPath(folder('alpha').uri, 'aurora.yaml')), alphaBefore);
    await waitForRule(beta.uri, 'dockerfile/no-latest-tag', 0);
    // alpha's copy of the same file still reports it
    assert.strictEqual(ofRule(vscode.Uri.joinPath(folder('alpha').uri, 'sub', 'Dockerfile'), 'dockerfile/no-latest-tag').length, 1);
  });
});

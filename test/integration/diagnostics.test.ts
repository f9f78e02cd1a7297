import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, auroraDiagnostics, closeAll, codeOf, EXTENSION_ID, openFile, rangeOf, waitFor, waitForRule, wsUri } from './helpers';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activate();
  });
  teardown(closeAll);

  test('Dockerfile: ranges, severity, source and a code linking to the rule docs', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('Dockerfile'));
    await vscode.window.showTextDocument(doc);
    const adds = await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 2);
    assert.deepStrictEqual(adds.map((d) => rangeOf(d.range)), [
      [2, 0, 2, 3],
      [3, 0, 3, 3],
    ]);
    const [latest] = await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 1);
    assert.strictEqual(latest.range.start.line, 0);
    assert.ok(doc.getText(latest.range).includes('node:latest'), `range covers the image, got '${doc.getText(latest.range)}'`);
    assert.strictEqual(latest.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(latest.source, 'aurora');
    const code = latest.code;
    assert.ok(typeof code === 'object' && code !== null && 'target' in code, 'code carries a docs link');
    assert.strictEqual(code.value, 'dockerfile/no-latest-tag');
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'aurora.showRuleDocs');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(code.target.query)), ['dockerfile/no-latest-tag']);
  });

  test('the docs link opens the rule page, shipped with the extension, as a Markdown preview', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await vscode.workspace.fs.stat(vscode.Uri.file(path.join(ext.extensionPath, 'docs', 'rules', 'dockerfile', 'no-latest-tag.md')));
    await vscode.commands.executeCommand('aurora.showRuleDocs', 'dockerfile/no-latest-tag');
    await waitFor('a Markdown preview tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
    );
  });

  test('Compose: the service image line', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('docker-compose.yml'));
    const [d] = await waitForRule(doc.uri, 'compose/no-latest-tag', 1);
    assert.deepStrictEqual(rangeOf(d.range), [2, 11, 2, 23]);
    assert.strictEqual(doc.getText(d.range), 'nginx:latest');
  });

  test('Kubernetes: a rule finding at the offending key', async () => {
    const doc = await openFile('k8s-live/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:latest\n');
    const [d] = await waitForRule(doc.uri, 'kubernetes/image-latest-tag', 1);
    assert.strictEqual(d.range.start.line, 7);
  });

  for (const [what, rel, line] of [
    ['Kubernetes', 'k8s/broken.yaml', 5],
    ['GitHub Actions', '.github/workflows/ci.yml', 2],
    ['GitLab CI', '.gitlab-ci.yml', 4],
    ['Terraform', 'main.tf', 1],
  ] as const) {
    test(`${what}: a syntax error is one parse-error at its line`, async () => {
      const doc = await vscode.workspace.openTextDocument(wsUri(...rel.split('/')));
      const [d] = await waitForRule(doc.uri, 'parse-error', 1);
      assert.strictEqual(d.range.start.line, line);
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
      assert.strictEqual(codeOf(d), 'parse-error');
    });
  }

  test('edits are re-linted (debounced) and fixing the problem clears its diagnostic', async () => {
    const doc = await openFile('live/Dockerfile', 'FROM alpine:3.20\nADD a.txt /a.txt\n');
    await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(2, 0), 'ADD b.txt /b.txt\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 2);
    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, new vscode.Range(1, 0, 3, 0), 'COPY a.txt /a.txt\nCOPY b.txt /b.txt\n');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 0);
  });

  test('non-infrastructure files get no Aurora diagnostics', async () => {
    const doc = await openFile('notes/readme.yaml', 'title: notes\nitems: [a, b]\n');
    const other = await openFile('notes/Dockerfile', 'FROM alpine:latest\n');
    await waitForRule(other.uri, 'dockerfile/no-latest-tag', 1);
    assert.deepStrictEqual(auroraDiagnostics(doc.uri), []);
  });

  test('aurora.enable off clears the diagnostics, on brings them back', async () => {
    const doc = await openFile('toggle/Dockerfile', 'FROM alpine:latest\n');
    await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 1);
    await vscode.workspace.getConfiguration('aurora').update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 0);
    } finally {
      await vscode.workspace.getConfiguration('aurora').update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 1);
  });

  test('with aurora.lintOnType off, changes are linted on save', async () => {
    // the setting first: a settings change re-analyses open documents, which would race the edit;
    // and no auto save (the web workbench saves one second after an edit by default, which would
    // lint the edit before the explicit save below)
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('aurora').update('lintOnType', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('the settings to arrive', () => vscode.workspace.getConfiguration('aurora').get('lintOnType') === false && vscode.workspace.getConfiguration('files').get('autoSave') === 'off');
    try {
      // opening a file is not typing: it is analysed at once
      const doc = await openFile('onsave/Dockerfile', 'FROM alpine:latest\n');
      await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 1);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(1, 0), 'ADD a.txt /a.txt\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      // longer than the debounce: an on-type analysis would have published by now
      await new Promise((r) => setTimeout(r, 1000));
      assert.strictEqual(auroraDiagnostics(doc.uri).filter((d) => codeOf(d) === 'dockerfile/add-instead-of-copy').length, 0);
      await doc.save();
      await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 1);
    } finally {
      await vscode.workspace.getConfiguration('aurora').update('lintOnType', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

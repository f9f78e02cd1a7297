import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, closeAll, openFile, readFile, setSetting, waitFor, waitForRule, wsUri } from './helpers';

const RULE = 'dockerfile/add-instead-of-copy';

suite('configuration', () => {
  let original = '';
  suiteSetup(async () => {
    await activate();
    original = await readFile(wsUri('aurora.yaml'));
  });
  teardown(async () => {
    await closeAll();
    await setSetting('severityOverrides', undefined);
    await vscode.workspace.fs.writeFile(wsUri('aurora.yaml'), new TextEncoder().encode(original));
  });

  test('saving a severity override in aurora.yaml re-lints open files', async () => {
    const doc = await openFile('config/Dockerfile', 'FROM alpine:3.20\nADD a /a\n');
    const [before] = await waitForRule(doc.uri, RULE, 1);
    assert.strictEqual(before.severity, vscode.DiagnosticSeverity.Warning);
    await vscode.workspace.fs.writeFile(wsUri('aurora.yaml'), new TextEncoder().encode(`${original}rules:\n  ${RULE}: error\n`));
    await waitFor('the error severity', () => waitForRule(doc.uri, RULE, 1).then(([d]) => d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.workspace.fs.writeFile(wsUri('aurora.yaml'), new TextEncoder().encode(`${original}rules:\n  ${RULE}: off\n`));
    await waitForRule(doc.uri, RULE, 0);
  });

  test('unsaved edits of an open aurora.yaml already count', async () => {
    // the web workbench saves one second after an edit: the edit must stay unsaved while checked
    // (a fresh-clone run failed once when auto save came first)
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    await waitFor('auto save off', () => vscode.workspace.getConfiguration('files').get('autoSave') === 'off');
    try {
      const doc = await openFile('config2/Dockerfile', 'FROM alpine:3.20\nADD a /a\n');
      await waitForRule(doc.uri, RULE, 1);
      const configDoc = await vscode.workspace.openTextDocument(wsUri('aurora.yaml'));
      // an earlier suite's write of aurora.yaml may still be reaching the document: the workbench
      // then refuses the edit (applyEdit is false, nothing applied), so it is tried again
      let applied = false;
      for (let i = 0; i < 10 && !applied; i++) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(configDoc.uri, configDoc.positionAt(configDoc.getText().length), `rules:\n  ${RULE}: info\n`);
        applied = await vscode.workspace.applyEdit(edit);
        if (!applied) {
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
      assert.ok(applied, 'the edit of aurora.yaml applied');
      // the dirty flag reaches the extension host shortly after the edit
      await waitFor('the unsaved edit', () => configDoc.isDirty);
      await waitFor('the info severity', () => waitForRule(doc.uri, RULE, 1).then(([d]) => d.severity === vscode.DiagnosticSeverity.Hint));
      // take the edit back and save: the file is as before, and so is the severity
      const undo = new vscode.WorkspaceEdit();
      undo.replace(configDoc.uri, new vscode.Range(configDoc.positionAt(0), configDoc.positionAt(configDoc.getText().length)), original);
      assert.ok(await vscode.workspace.applyEdit(undo));
      await configDoc.save();
      await waitFor('the config saved', () => !configDoc.isDirty);
      await waitFor('the warning severity again', () => waitForRule(doc.uri, RULE, 1).then(([d]) => d.severity === vscode.DiagnosticSeverity.Warning));
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a policy in aurora.yaml runs on open files, and an invalid one is reported at its line', async () => {
    const doc = await openFile('policy/main.tf', 'resource "aws_db_instance" "orders" {\n  backup_retention_period = 3\n}\n');
    const policy = [
      'policies:',
      '  - id: terraform/team-backup-week',
      '    subject: {resources: [aws_db_instance]}',
      '    title: Backups kept a week',
      '    severity: error',
      '    when: {path: backup_retention_period, lessThan: 7}',
      "    message: \"Database '{name}' keeps backups {value} days\"",
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(wsUri('aurora.yaml'), new TextEncoder().encode(`${original}${policy}`));
    const [d] = await waitForRule(doc.uri, 'terraform/team-backup-week', 1);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.message, "Database 'orders' keeps backups 3 days");
    assert.strictEqual(d.range.start.line, 1);
    // a misspelt operator: the policy stops running and aurora.yaml says where
    await vscode.workspace.fs.writeFile(wsUri('aurora.yaml'), new TextEncoder().encode(`${original}${policy.replace('lessThan', 'lesThan')}`));
    await waitForRule(doc.uri, 'terraform/team-backup-week', 0);
    const config = await vscode.workspace.openTextDocument(wsUri('aurora.yaml'));
    const [problem] = await waitForRule(config.uri, 'aurora/invalid-policy', 1);
    assert.strictEqual(problem.range.start.line, original.split('\n').length - 1 + 5);
  });

  test('aurora.severityOverrides wins over aurora.yaml', async () => {
    await vscode.workspace.fs.writeFile(wsUri('aurora.yaml'), new TextEncoder().encode(`${original}rules:\n  ${RULE}: off\n`));
    const doc = await openFile('config3/Dockerfile', 'FROM alpine:3.20\nADD a /a\n');
    await waitForRule(doc.uri, RULE, 0);
    await setSetting('severityOverrides', { [RULE]: 'error' });
    await waitFor('the setting to win', () => waitForRule(doc.uri, RULE, 1).then(([d]) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  test('aurora.exclude skips matching files', async () => {
    const doc = await openFile('excluded/live/Dockerfile', 'FROM alpine:latest\n');
    const other = await openFile('included/Dockerfile', 'FROM alpine:latest\n');
    await waitForRule(other.uri, 'dockerfile/no-latest-tag', 1);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'aurora'), []);
  });
});

suite('settings a repository cannot set', () => {
  test("the workspace's .vscode/settings.json cannot redirect the API key or turn redaction off", async () => {
    await activate();
    // the fixture's workspace settings try both; the settings are machine-scoped, so VS Code ignores them
    const raw = await readFile(wsUri('.vscode/settings.json'));
    assert.ok(raw.includes('hostile-repository') && raw.includes('"aurora.agent.redactSecrets": false'), 'the fixture holds the hostile values');
    const aurora = vscode.workspace.getConfiguration('aurora');
    assert.ok(!String(aurora.get('anthropic.baseUrl')).includes('hostile-repository'), `baseUrl is ${String(aurora.get('anthropic.baseUrl'))}`);
    assert.strictEqual(aurora.get('agent.redactSecrets'), true);
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, auroraDiagnostics, ofRule, waitForRule, writeFile, wsUri } from './helpers';

suite('workspace scan', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('reports problems of closed files, honouring .gitignore and aurora.exclude', async () => {
    const api = await activate();
    const closed = wsUri('scan', 'api', 'Dockerfile');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file is not open');
    const result = await vscode.commands.executeCommand<{ files: number; problems: number; cancelled: boolean }>('aurora.scanWorkspace');
    assert.ok(result && !result.cancelled && result.files >= 8, `scan result ${JSON.stringify(result)}`);
    assert.strictEqual(ofRule(closed, 'dockerfile/no-latest-tag').length, 1);
    assert.strictEqual(ofRule(wsUri('scan', 'k8s', 'config.yaml'), 'parse-error').length, 1);
    assert.strictEqual(ofRule(wsUri('main.tf'), 'parse-error').length, 1);
    assert.deepStrictEqual(auroraDiagnostics(wsUri('ignored', 'Dockerfile')), [], '.gitignore applies');
    assert.deepStrictEqual(auroraDiagnostics(wsUri('excluded', 'Dockerfile')), [], 'aurora.exclude applies');
    assert.match(api.statusText(), /Aurora \d+/);
  });

  test('file system watchers keep scanned results current (create, change, delete)', async () => {
    const uri = await writeFile('scan/new/Dockerfile', 'FROM alpine:latest\n');
    await waitForRule(uri, 'dockerfile/no-latest-tag', 1);
    await writeFile('scan/new/Dockerfile', 'FROM alpine:latest\nADD a /a\n');
    await waitForRule(uri, 'dockerfile/add-instead-of-copy', 1);
    await vscode.workspace.fs.delete(uri);
    await waitForRule(uri, 'dockerfile/no-latest-tag', 0);
  });

  test('Kubernetes files of one folder are analysed together', async () => {
    // a cross-document rule may or may not exist yet; the contract checked here is that a
    // Kubernetes file on disk is analysed with its neighbours without losing its own findings
    const a = await writeFile('scan/k8s-pair/a.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: [80\n');
    await writeFile('scan/k8s-pair/b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata: {}\n');
    await waitForRule(a, 'parse-error', 1);
  });
});

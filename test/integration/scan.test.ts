import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, auroraDiagnostics, ofRule, readFile, waitFor, waitForRule, writeFile, wsUri } from './helpers';

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
    // the status bar follows the diagnostics with a short delay
    await waitFor('the status bar to count the problems', () => /Aurora \d+/.test(api.statusText()));
  });

  test('file system watchers keep scanned results current (create, change, delete)', async () => {
    const uri = await writeFile('scan/new/Dockerfile', 'FROM alpine:latest\n');
    await waitForRule(uri, 'dockerfile/no-latest-tag', 1);
    await writeFile('scan/new/Dockerfile', 'FROM alpine:latest\nADD a /a\n');
    await waitForRule(uri, 'dockerfile/add-instead-of-copy', 1);
    await vscode.workspace.fs.delete(uri);
    await waitForRule(uri, 'dockerfile/no-latest-tag', 0);
  });

  test('Kubernetes manifests of one folder are checked together, with related locations', async () => {
    const deployment = (app: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
    const svc = await writeFile('scan/k8s-pair/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n');
    const deploy = await writeFile('scan/k8s-pair/deployment.yaml', deployment('api'));
    const [d] = await waitForRule(svc, 'kubernetes/service-selector-mismatch', 1);
    assert.strictEqual(d.range.start.line, 5);
    assert.ok(
      d.relatedInformation?.some((r) => r.location.uri.toString() === deploy.toString()),
      `related information points at the Deployment: ${JSON.stringify(d.relatedInformation?.map((r) => r.location.uri.toString()))}`,
    );
    // fixing the other file (on disk, closed) clears the finding through the watcher
    await writeFile('scan/k8s-pair/deployment.yaml', deployment('web'));
    await waitForRule(svc, 'kubernetes/service-selector-mismatch', 0);
  });

  test("aurora.yaml's exclude: leaves files out of the scan and the editor, and the scan counts them as skipped", async () => {
    const original = await readFile(wsUri('aurora.yaml'));
    const legacy = await writeFile('scan/legacy/Dockerfile', 'FROM alpine:latest\n');
    const kept = await writeFile('scan/kept/Dockerfile', 'FROM alpine:latest\n');
    try {
      await writeFile('aurora.yaml', original + 'exclude:\n  - scan/legacy\n');
      const result = await vscode.commands.executeCommand<{ cancelled: boolean; skipped: Record<string, number> }>('aurora.scanWorkspace');
      assert.ok(result && !result.cancelled, `scan result ${JSON.stringify(result)}`);
      assert.ok((result.skipped.excluded ?? 0) >= 2, `excluded counted (aurora.exclude's and exclude:'s): ${JSON.stringify(result.skipped)}`);
      await waitForRule(kept, 'dockerfile/no-latest-tag', 1);
      assert.deepStrictEqual(auroraDiagnostics(legacy), [], 'exclude: applies to the scan');
      // an excluded file opened in the editor is not linted either
      await vscode.window.showTextDocument(legacy);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepStrictEqual(auroraDiagnostics(legacy), [], 'exclude: applies to open files');
      // dropping the pattern brings the file back
      await writeFile('aurora.yaml', original);
      await waitForRule(legacy, 'dockerfile/no-latest-tag', 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await writeFile('aurora.yaml', original);
      await vscode.workspace.fs.delete(wsUri('scan', 'legacy'), { recursive: true });
      await vscode.workspace.fs.delete(wsUri('scan', 'kept'), { recursive: true });
    }
  });
});

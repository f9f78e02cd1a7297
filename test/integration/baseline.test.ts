import * as assert from 'assert';
import * as vscode from 'vscode';
import { fingerprint, flaggedText } from '../../src/node/fingerprint';
import { activate, closeAll, codeOf, ofRule, openFile, readFile, waitFor, waitForRule, writeFile, wsUri } from './helpers';

suite('baselines in the editor', () => {
  suiteSetup(async () => {
    await activate();
  });

  test("findings in aurora.yaml's baseline are shown as hints, new ones as usual", async () => {
    const original = await readFile(wsUri('aurora.yaml'));
    const text = 'FROM alpine:latest\nADD app.py /app/\n';
    const doc = await openFile('baselined/Dockerfile', text);
    try {
      const [latest] = await waitForRule(doc.uri, 'dockerfile/no-latest-tag', 1);
      await waitForRule(doc.uri, 'dockerfile/add-instead-of-copy', 1);
      // the baseline the CLI writes: the flagged text, not the line, identifies a finding
      const range = { start: { line: latest.range.start.line, character: latest.range.start.character }, end: { line: latest.range.end.line, character: latest.range.end.character } };
      const flagged = flaggedText(text, { ruleId: 'dockerfile/no-latest-tag', severity: 'warning', message: latest.message, range });
      const entry = { file: 'baselined/Dockerfile', ruleId: 'dockerfile/no-latest-tag', fingerprint: fingerprint('dockerfile/no-latest-tag', 'baselined/Dockerfile', flagged), line: 1, message: latest.message };
      await writeFile('baseline-test.json', JSON.stringify({ version: 1, findings: [entry] }, null, 2) + '\n');
      await writeFile('aurora.yaml', original + 'baseline: baseline-test.json\n');

      const hinted = await waitFor('the baselined finding to become a hint', () => {
        const d = ofRule(doc.uri, 'dockerfile/no-latest-tag');
        return d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Hint ? d[0] : undefined;
      });
      assert.match(hinted.message, /\(in the baseline\)$/);
      const add = ofRule(doc.uri, 'dockerfile/add-instead-of-copy');
      assert.strictEqual(add[0]?.severity, vscode.DiagnosticSeverity.Warning, 'a finding not in the baseline is shown as before');

      // moved lines keep it known; a second copy of the line is new
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# syntax=docker/dockerfile:1\n\n'));
      await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), 'FROM alpine:latest\n'));
      const both = await waitFor('a new copy at warning beside the hint', () => {
        const d = ofRule(doc.uri, 'dockerfile/no-latest-tag');
        return d.length === 2 ? d : undefined;
      });
      assert.deepStrictEqual(
        both.map((d) => [d.range.start.line, d.severity]).sort(),
        [
          [2, vscode.DiagnosticSeverity.Hint],
          [4, vscode.DiagnosticSeverity.Warning],
        ],
      );
      assert.ok(both.every((d) => codeOf(d) === 'dockerfile/no-latest-tag'));

      // without the baseline every finding is back at its severity
      await writeFile('aurora.yaml', original);
      await waitFor('the hint to become a warning again', () => ofRule(doc.uri, 'dockerfile/no-latest-tag').every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    } finally {
      await writeFile('aurora.yaml', original);
      if (doc.isDirty) {
        await doc.save();
      }
      await closeAll();
      // (the test may have failed before writing them)
      await Promise.resolve(vscode.workspace.fs.delete(wsUri('baseline-test.json'))).catch(() => undefined);
      await Promise.resolve(vscode.workspace.fs.delete(wsUri('baselined'), { recursive: true })).catch(() => undefined);
    }
  });
});

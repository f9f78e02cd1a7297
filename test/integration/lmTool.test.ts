import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, wsUri } from './helpers';

/** The text of a language model tool result. */
function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

suite('aurora_lint language model tool (for other chat agents)', () => {
  test('is offered to language models and lists the findings of a workspace file', async () => {
    await activate();
    const tool = vscode.lm.tools.find((t) => t.name === 'aurora_lint');
    assert.ok(tool, `aurora_lint among the tools: ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
    assert.match(tool.description, /Aurora DevOps/);
    const tokens = new vscode.CancellationTokenSource();
    const result = await vscode.lm.invokeTool('aurora_lint', { input: { path: 'Dockerfile' }, toolInvocationToken: undefined }, tokens.token);
    const text = textOf(result);
    // the fixture Dockerfile uses node:latest and ADD for local files
    assert.match(text, /^Dockerfile:1: \w+ dockerfile\/no-latest-tag: /m);
    assert.match(text, /^Dockerfile:3: \w+ dockerfile\/add-instead-of-copy: /m);
    // an absolute path inside the workspace gives the same lines
    const absolute = textOf(await vscode.lm.invokeTool('aurora_lint', { input: { path: wsUri('Dockerfile').fsPath }, toolInvocationToken: undefined }, tokens.token));
    assert.strictEqual(absolute, text);
  });

  test('reads nothing outside the workspace', async () => {
    await activate();
    const tokens = new vscode.CancellationTokenSource();
    const text = textOf(await vscode.lm.invokeTool('aurora_lint', { input: { path: '/etc/passwd' }, toolInvocationToken: undefined }, tokens.token));
    assert.match(text, /^Only files inside the workspace can be checked/);
    assert.ok(!/root:/.test(text), 'no content of the file');
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatViewProvider } from '../../../src/vscode/chat';
import { FakeAnthropic, textTurn, toolTurn } from '../../helpers/fakeAnthropic';
import { activate, closeAll, waitFor } from '../helpers';

/**
 * In a multi-root workspace the chat works in one folder per session: the paths the model uses and
 * the aurora.yaml that governs it are that folder's. The fixture's two aurora.yaml files differ
 * (beta's starts with a comment naming it), so a read_file of aurora.yaml shows where a run was.
 */

async function openIn(name: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(folder, name);
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, 'Dockerfile'), { preview: false });
}

suite('multi-root: the chat works in one folder per session', () => {
  const fake = new FakeAnthropic();
  let provider: ChatViewProvider;
  let originalKey: string | undefined;

  suiteSetup(async () => {
    provider = (await activate()).chat.provider;
    await fake.start();
    await vscode.workspace.getConfiguration('aurora').update('anthropic.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    originalKey = process.env.ANTHROPIC_API_KEY;
    process.env.ANTHROPIC_API_KEY = 'sk-ant-canary-integration-7f3a9c';
  });

  suiteTeardown(async () => {
    await provider.receive({ type: 'newChat' });
    await closeAll();
    if (originalKey === undefined) {
      delete process.env.ANTHROPIC_API_KEY;
    } else {
      process.env.ANTHROPIC_API_KEY = originalKey;
    }
    await vscode.workspace.getConfiguration('aurora').update('anthropic.baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await fake.close();
  });

  /** Send a message whose answer reads aurora.yaml; the tool result the model got. */
  async function readConfigVia(text: string): Promise<string> {
    fake.script(toolTurn([{ name: 'read_file', input: { path: 'aurora.yaml' } }]), textTurn('Read it.'));
    const before = fake.messageBodies().length;
    await provider.receive({ type: 'send', id: `m${Date.now()}`, text, attachFile: false });
    await waitFor('the answer', () => !provider.busy && fake.messageBodies().length >= before + 2, 30_000);
    const bodies = fake.messageBodies() as unknown as { messages: { content: unknown }[] }[];
    const last = bodies[bodies.length - 1].messages.at(-1);
    const result = Array.isArray(last?.content) ? (last.content as { type: string; content?: string }[]).find((b) => b.type === 'tool_result') : undefined;
    assert.ok(result?.content !== undefined, 'a tool result');
    return result.content;
  }

  test("the session takes the active editor's folder, says so, and keeps it when the editor moves", async () => {
    await provider.receive({ type: 'newChat' });
    await openIn('beta');
    assert.match(await readConfigVia('which config governs you?'), /beta keeps its own settings/);
    const notice = provider.transcript.find((t) => t.kind === 'notice' && /Working in the folder "beta" \(2 in this workspace\)/.test(t.text));
    assert.ok(notice, 'the transcript says which folder');
    await openIn('alpha');
    assert.match(await readConfigVia('and now?'), /beta keeps its own settings/, 'the session stays in beta');
    assert.strictEqual(provider.transcript.filter((t) => t.kind === 'notice' && t.text.startsWith('Working in the folder')).length, 1);
  });

  test('New chat lets the next session start in another folder', async () => {
    await provider.receive({ type: 'newChat' });
    await openIn('alpha');
    const content = await readConfigVia('which config now?');
    assert.doesNotMatch(content, /beta keeps/);
    assert.match(content, /add-instead-of-copy: off/);
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatViewProvider } from '../../../src/vscode/chat';
import { FakeAnthropic, textTurn } from '../../helpers/fakeAnthropic';
import { activate, closeAll, readFile, waitFor } from '../helpers';

/**
 * In a multi-root workspace the chat works in one folder per session: the paths the model uses and
 * the aurora.yaml that governs it are that folder's. For these tests each folder's aurora.yaml
 * names its own model, so the request shows whose aurora.yaml applied.
 */

function folderUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((w) => w.name === name);
  assert.ok(folder, name);
  return folder.uri;
}

async function openIn(name: string): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folderUri(name), 'Dockerfile'), { preview: false });
}

suite('multi-root: the chat works in one folder per session', () => {
  const fake = new FakeAnthropic();
  let provider: ChatViewProvider;
  let originalKey: string | undefined;
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    provider = (await activate()).chat.provider;
    for (const name of ['alpha', 'beta']) {
      const uri = vscode.Uri.joinPath(folderUri(name), 'aurora.yaml');
      const text = await readFile(uri);
      originals.set(name, text);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${text}agents:\n  devops:\n    model: claude-${name}\n    tools: [read_file]\n`));
    }
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
    for (const [name, text] of originals) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folderUri(name), 'aurora.yaml'), new TextEncoder().encode(text));
    }
  });

  /** Send a message; the model the request named (each folder's aurora.yaml names its own). */
  async function modelOf(text: string): Promise<string> {
    fake.script(textTurn('Noted.'));
    const before = fake.messageBodies().length;
    await provider.receive({ type: 'send', id: `m${Date.now()}`, text, attachFile: false });
    await waitFor('the answer', () => !provider.busy && fake.messageBodies().length > before, 30_000);
    return String(fake.messageBodies()[before].model);
  }

  test("the session takes the active editor's folder, says so, and keeps it when the editor moves", async () => {
    await provider.receive({ type: 'newChat' });
    await openIn('beta');
    assert.strictEqual(await modelOf('which config governs you?'), 'claude-beta');
    const notice = provider.transcript.find((t) => t.kind === 'notice' && /Working in the folder "beta" \(2 in this workspace\)/.test(t.text));
    assert.ok(notice, 'the transcript says which folder');
    await openIn('alpha');
    assert.strictEqual(await modelOf('and now?'), 'claude-beta', 'the session stays in beta');
    assert.strictEqual(provider.transcript.filter((t) => t.kind === 'notice' && t.text.startsWith('Working in the folder')).length, 1);
  });

  test('New chat lets the next session start in another folder', async () => {
    await provider.receive({ type: 'newChat' });
    await openIn('alpha');
    assert.strictEqual(await modelOf('which config now?'), 'claude-alpha');
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TranscriptItem } from '../../src/shared/protocol';
import type { ChatViewProvider } from '../../src/vscode/chat';
import { FakeAnthropic, textTurn, toolTurn } from '../helpers/fakeAnthropic';
import { activate, closeAll, readFile, waitFor, writeFile, wsUri } from './helpers';

/**
 * The chat's robustness through the view provider (no webview): messages validated at run time,
 * attachments, messages sent while busy, paths that look like slash commands, the conversation
 * persisted mid-run, the command timeout clamped. The real loop against the fake Messages API.
 */

type ToolItem = Extract<TranscriptItem, { kind: 'tool' }>;

const AGENT_CONFIG = 'agents:\n  devops:\n    model: claude-test\n    tools: [read_file, write_file, run_shell_command]\n    permissions:\n      filesystem: ["/chat-robust"]\n      network: []\n';
const DB_PASSWORD = 'Robust-Secret-9f2KqZx71';

function cards(provider: ChatViewProvider): ToolItem[] {
  return provider.transcript.filter((t): t is ToolItem => t.kind === 'tool');
}

async function pendingCard(provider: ChatViewProvider, n = 1): Promise<ToolItem> {
  return waitFor(
    `pending card ${n}`,
    () => {
      const c = cards(provider)[n - 1];
      return c && c.state === 'pending' && provider.waitingApprovals > 0 ? c : undefined;
    },
    30_000,
  );
}

function bodies(fake: FakeAnthropic): { messages: { role: string; content: unknown }[] }[] {
  return fake.messageBodies() as unknown as { messages: { role: string; content: unknown }[] }[];
}

suite('chat: robustness through the provider', () => {
  const fake = new FakeAnthropic();
  let provider: ChatViewProvider;
  let originalConfig = '';
  let originalKey: string | undefined;

  suiteSetup(async () => {
    provider = (await activate()).chat.provider;
    originalConfig = await readFile(wsUri('aurora.yaml'));
    await writeFile('aurora.yaml', AGENT_CONFIG);
    await writeFile('.env', `DB_PASSWORD=${DB_PASSWORD}\n`);
    await fake.start();
    await vscode.workspace.getConfiguration('aurora').update('anthropic.baseUrl', fake.url, vscode.ConfigurationTarget.Global);
    originalKey = process.env.ANTHROPIC_API_KEY;
    process.env.ANTHROPIC_API_KEY = 'sk-ant-canary-integration-7f3a9c';
  });

  setup(async () => {
    fake.reset();
    await provider.receive({ type: 'newChat' });
    await waitFor('no run in progress', () => !provider.busy);
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
    await vscode.workspace.getConfiguration('aurora').update('agent.commandTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    await writeFile('aurora.yaml', originalConfig);
    await vscode.workspace.fs.delete(wsUri('.env'));
    await fake.close();
  });

  test('the workspace summary is built once per chat, and again after a file of the workspace changed', async () => {
    const system = (n: number): string => JSON.stringify((fake.messageBodies()[n] as { system: unknown }).system);
    const send = async (text: string): Promise<number> => {
      const n = fake.messageBodies().length;
      fake.script(textTurn('Ok.'));
      await provider.send(text, false);
      return n;
    };
    await send('first');
    // the file watcher delivers the events of earlier tests' writes late and in batches: let them
    // land, and be taken into a summary, before measuring
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (!provider.summaryOutdated) {
        break;
      }
      await send('settle');
    }
    const before = provider.summaryBuilds;
    const second = await send('second');
    const third = await send('third');
    assert.strictEqual(provider.summaryBuilds - before, 0, 'the summary is reused while no file changes');
    assert.strictEqual(system(third), system(second));
    await writeFile('chat-robust/summary-probe.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\n');
    try {
      await waitFor('the file watcher to mark the summary outdated', () => provider.summaryOutdated || undefined, 20_000);
      const fourth = await send('fourth');
      assert.strictEqual(provider.summaryBuilds - before, 1);
      assert.ok(system(fourth).includes('chat-robust/summary-probe.yaml'), 'the new manifest is in the prompt');
    } finally {
      await vscode.workspace.fs.delete(wsUri('chat-robust', 'summary-probe.yaml'));
    }
  });

  test('a string "false" is not an approval: the card keeps waiting and nothing runs', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'touch chat-robust/ran' } }]), textTurn('Not run.'));
    const run = provider.send('mark it', false);
    const card = await pendingCard(provider);
    for (const bad of [{ type: 'approve', id: card.id, approved: 'false' }, { type: 'approve', id: card.id, approved: 'true' }, { type: 'approve', id: card.id }, { type: 'runCommand', command: 'touch chat-robust/ran' }, null, 'approve']) {
      await provider.receive(bad);
    }
    assert.strictEqual(provider.waitingApprovals, 1, 'still waiting');
    assert.strictEqual(cards(provider)[0].state, 'pending');
    await provider.receive({ type: 'approve', id: card.id, approved: false });
    await run;
    assert.strictEqual(cards(provider)[0].state, 'rejected');
    await assert.rejects(async () => vscode.workspace.fs.stat(wsUri('chat-robust', 'ran')), 'the command did not run');
  });

  test('a message starting with a path goes to the agent', async () => {
    fake.script(textTurn('Let me look at it.'));
    await provider.send('/k8s/app.yaml fails to apply', false);
    assert.strictEqual(bodies(fake).length, 1, 'the model was asked');
    assert.ok(JSON.stringify(bodies(fake)[0].messages).includes('/k8s/app.yaml fails to apply'));
    assert.ok(!provider.transcript.some((t) => t.kind === 'notice' && /Unknown command/.test(t.text)));
  });

  test('a message sent while an answer runs is queued and sent after it', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'echo one' } }]), textTurn('First done.'), textTurn('Second done.'));
    const run = provider.send('first', false);
    const card = await pendingCard(provider);
    await provider.send('second', false);
    assert.deepStrictEqual(provider.queued, ['second']);
    assert.strictEqual(bodies(fake).length, 1, 'not sent yet');
    await provider.receive({ type: 'approve', id: card.id, approved: true });
    await run;
    await waitFor('the queued message answered', () => provider.transcript.some((t) => t.kind === 'assistant' && t.text === 'Second done.') && !provider.busy, 30_000);
    assert.deepStrictEqual(provider.queued, []);
    const third = bodies(fake)[2].messages;
    assert.deepStrictEqual(third.at(-1), { role: 'user', content: [{ type: 'text', text: 'second', cache_control: { type: 'ephemeral' } }] });
    const order = provider.transcript.filter((t) => t.kind === 'user' || t.kind === 'assistant').map((t) => (t.kind === 'user' || t.kind === 'assistant' ? t.text : ''));
    assert.deepStrictEqual(order, ['first', 'First done.', 'second', 'Second done.']);
  });

  test('Stop gives queued messages back instead of sending them', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'echo one' } }]), textTurn('never'));
    const run = provider.send('first', false);
    await pendingCard(provider);
    await provider.send('queued one', false);
    await provider.receive({ type: 'stop' });
    await run;
    await waitFor('the run to end', () => !provider.busy);
    assert.deepStrictEqual(provider.queued, []);
    assert.strictEqual(bodies(fake).length, 1, 'the queued message was not sent');
    assert.ok(!provider.transcript.some((t) => t.kind === 'user' && t.text === 'queued one'));
  });

  test('the conversation is stored after each tool result, before the run ends', async () => {
    fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'echo stored-$((6*7))' } }]), toolTurn([{ name: 'run_shell_command', input: { command: 'echo second' } }]), textTurn('Done.'));
    const run = provider.send('two commands', false);
    const first = await pendingCard(provider, 1);
    await provider.receive({ type: 'approve', id: first.id, approved: true });
    const second = await pendingCard(provider, 2);
    assert.ok(provider.busy, 'the run is still going');
    assert.ok(JSON.stringify(provider.messages).includes('stored-42'), 'the first result is in the stored conversation');
    assert.strictEqual(provider.messages.at(-1)?.role, 'user', 'stored where every call is answered');
    await provider.receive({ type: 'approve', id: second.id, approved: false });
    await run;
  });

  test('a huge commandTimeoutSeconds is clamped: the command runs instead of being killed at once', async () => {
    await vscode.workspace.getConfiguration('aurora').update('agent.commandTimeoutSeconds', 1e10, vscode.ConfigurationTarget.Workspace);
    try {
      fake.script(toolTurn([{ name: 'run_shell_command', input: { command: 'sleep 0.3; echo survived' } }]), textTurn('Ok.'));
      const run = provider.send('run it', false);
      const card = await pendingCard(provider);
      await provider.receive({ type: 'approve', id: card.id, approved: true });
      await run;
      const item = cards(provider)[0];
      assert.strictEqual(item.state, 'done', item.output);
      assert.match(item.output ?? '', /survived/);
    } finally {
      await vscode.workspace.getConfiguration('aurora').update('agent.commandTimeoutSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('attachments: off unless asked, a secret file is never attached, attached text is redacted', async () => {
    // .env open in the editor: not attached, and said so
    await vscode.window.showTextDocument(wsUri('.env'));
    fake.script(textTurn('a'), textTurn('b'), textTurn('c'));
    await provider.send('check my env', true);
    let user = provider.transcript.find((t) => t.kind === 'user');
    assert.ok(user?.kind === 'user' && /^not attached: it is/.test(user.attachment?.note ?? ''), JSON.stringify(user));
    assert.ok(!JSON.stringify(bodies(fake)).includes(DB_PASSWORD), 'the .env value never reached the model');

    // a Dockerfile holding the .env value: attached, redacted
    const doc = await vscode.workspace.openTextDocument(await writeFile('chat-robust/Dockerfile', `FROM alpine:3.20\nENV PW=${DB_PASSWORD}\n`));
    await vscode.window.showTextDocument(doc);
    await provider.send('review this', true);
    user = provider.transcript.filter((t) => t.kind === 'user').at(-1);
    assert.ok(user?.kind === 'user');
    assert.deepStrictEqual(user.attachment, { label: 'chat-robust/Dockerfile', redacted: 1 });
    const sent = JSON.stringify(bodies(fake)[1].messages);
    assert.ok(sent.includes('The active file is chat-robust/Dockerfile'));
    assert.ok(sent.includes('FROM alpine:3.20'));
    assert.ok(!sent.includes(DB_PASSWORD), 'redacted before the model');
    assert.ok(!JSON.stringify(provider.messages).includes(DB_PASSWORD), 'and in the stored conversation');

    // not asked: nothing attached
    await provider.send('and now without', false);
    user = provider.transcript.filter((t) => t.kind === 'user').at(-1);
    assert.ok(user?.kind === 'user' && user.attachment === undefined);
    assert.ok(!JSON.stringify(bodies(fake)[2].messages.at(-1)).includes('FROM alpine'));
  });
});

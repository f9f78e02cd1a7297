import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandTimeoutMs, MAX_COMMAND_TIMEOUT_SECONDS } from '../../../src/agent/limits';
import { escapeHidden } from '../../../src/shared/invisible';
import type { TranscriptItem } from '../../../src/shared/protocol';
import { parseSlash } from '../../../src/shared/slash';
import { markInterrupted } from '../../../src/shared/transcript';

describe('chat: which messages are slash commands', () => {
  const table: { input: string; want: ReturnType<typeof parseSlash> }[] = [
    { input: '/scan', want: { command: 'scan', arg: '', unknown: false } },
    { input: '  /fix  ', want: { command: 'fix', arg: '', unknown: false } },
    { input: '/explain dockerfile/no-latest-tag', want: { command: 'explain', arg: 'dockerfile/no-latest-tag', unknown: false } },
    { input: '/explain\n  k8s/no-privileged ', want: { command: 'explain', arg: 'k8s/no-privileged', unknown: false } },
    { input: '/sacn', want: { command: 'sacn', arg: '', unknown: true } },
    // messages for the agent
    { input: '/k8s/app.yaml fails', want: undefined },
    { input: '/k8s/app.yaml', want: undefined },
    { input: '/etc/hosts is wrong', want: undefined },
    { input: '/deploy fails with exit 1', want: undefined },
    { input: '/scan.yaml is broken', want: undefined },
    { input: '/scanner/config.yaml', want: undefined },
    { input: '/.github/workflows/ci.yml', want: undefined },
    { input: 'why does /scan show nothing?', want: undefined },
    { input: '//scan', want: undefined },
    { input: '/', want: undefined },
  ];
  for (const { input, want } of table) {
    it(JSON.stringify(input), () => {
      assert.deepEqual(parseSlash(input), want);
    });
  }
});

describe('chat: command timeout from the setting', () => {
  const table: { input: unknown; want: number }[] = [
    { input: 600, want: 600_000 },
    { input: 1, want: 1000 },
    { input: 0.2, want: 1000 },
    { input: 86_400, want: 86_400_000 },
    // above 2^31 - 1 ms a timer fires at once: clamped
    { input: 2_147_484, want: MAX_COMMAND_TIMEOUT_SECONDS * 1000 },
    { input: 1e12, want: MAX_COMMAND_TIMEOUT_SECONDS * 1000 },
    { input: Number.POSITIVE_INFINITY, want: 600_000 },
    { input: Number.NaN, want: 600_000 },
    { input: -5, want: 600_000 },
    { input: 0, want: 600_000 },
    { input: '30', want: 600_000 },
    { input: undefined, want: 600_000 },
  ];
  for (const { input, want } of table) {
    it(String(input), () => {
      const ms = commandTimeoutMs(input);
      assert.equal(ms, want);
      assert.ok(ms <= 2 ** 31 - 1, 'a valid timer delay');
    });
  }
});

describe('chat: hidden characters in commands are escaped and reported', () => {
  const table: { what: string; input: string; text: string; found: string[] }[] = [
    { what: 'a plain command', input: 'kubectl get pods -n kube-system', text: 'kubectl get pods -n kube-system', found: [] },
    { what: 'tabs and line breaks', input: 'cat <<EOF\n\tx\nEOF', text: 'cat <<EOF\n\tx\nEOF', found: [] },
    { what: 'a right-to-left override', input: 'kubectl delete ns \u202Emetsys-ebuk', text: 'kubectl delete ns \\u{202E}metsys-ebuk', found: ['U+202E'] },
    { what: 'isolates', input: 'rm \u2066x\u2069', text: 'rm \\u{2066}x\\u{2069}', found: ['U+2066', 'U+2069'] },
    { what: 'a zero-width space', input: 'git push --for\u200Bce', text: 'git push --for\\u{200B}ce', found: ['U+200B'] },
    { what: 'a byte-order mark', input: '\uFEFFls', text: '\\u{FEFF}ls', found: ['U+FEFF'] },
    { what: 'a carriage return hiding the start', input: 'rm -rf ~\recho safe', text: 'rm -rf ~\\u{000D}echo safe', found: ['U+000D'] },
    { what: 'an escape sequence', input: 'echo \u001b[2Jhi', text: 'echo \\u{001B}[2Jhi', found: ['U+001B'] },
    { what: 'a C1 control', input: 'ls\u0085', text: 'ls\\u{0085}', found: ['U+0085'] },
    { what: 'a tag character', input: 'ls \u{E0041}', text: 'ls \\u{E0041}', found: ['U+E0041'] },
    { what: 'the same one twice', input: '\u200Ba\u200B', text: '\\u{200B}a\\u{200B}', found: ['U+200B'] },
    { what: 'non-Latin text stays', input: 'echo héllo мир 日本', text: 'echo héllo мир 日本', found: [] },
  ];
  for (const { what, input, text, found } of table) {
    it(what, () => {
      assert.deepEqual(escapeHidden(input), { text, found });
    });
  }
});

describe('chat: cards left waiting are interrupted on load', () => {
  it('marks pending and running cards, and only those', () => {
    const card = (id: string, state: Extract<TranscriptItem, { kind: 'tool' }>['state']): TranscriptItem => ({ kind: 'tool', id, name: 'run_shell_command', summary: 'ls', decision: 'ask', reasons: [], hosts: [], destructive: false, command: { command: 'ls', cwd: '.' }, state });
    const transcript: TranscriptItem[] = [
      { kind: 'user', text: 'hi' },
      card('a', 'done'),
      card('b', 'pending'),
      card('c', 'running'),
      card('d', 'rejected'),
      card('e', 'denied'),
      card('f', 'failed'),
      card('g', 'interrupted'),
    ];
    assert.deepEqual(markInterrupted(transcript), ['b', 'c']);
    assert.deepEqual(
      transcript.map((t) => (t.kind === 'tool' ? t.state : t.kind)),
      ['user', 'done', 'interrupted', 'interrupted', 'rejected', 'denied', 'failed', 'interrupted'],
    );
    assert.deepEqual(markInterrupted(transcript), [], 'nothing left to mark');
  });
});

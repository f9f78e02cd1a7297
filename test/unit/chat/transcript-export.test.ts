import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contractSummary, defaultAuroraYaml, parseAgentConfig } from '../../../src/agent/config';
import type { TranscriptItem } from '../../../src/shared/protocol';
import { transcriptMarkdown, transcriptTitle } from '../../../src/shared/transcript';

describe('chat: export as Markdown', () => {
  const transcript: TranscriptItem[] = [
    { kind: 'user', text: 'why is\n  my pod pending?', attachment: { label: 'k8s/app.yaml:3-4', redacted: 1 } },
    { kind: 'condensed', messages: 12, summary: 'Earlier: the user asked about replicas.' },
    { kind: 'tool', id: 't1', name: 'run_shell_command', summary: 'kubectl get ns \u202Eab', decision: 'ask', reasons: [], hosts: [], destructive: false, command: { command: 'kubectl get ns \u202Eab', cwd: '.' }, state: 'done', output: 'has ``` fences\n', exitCode: 0, allowedBy: 'kubectl get' },
    { kind: 'tool', id: 't2', name: 'write_file', summary: 'k8s/app.yaml', decision: 'deny', reasons: ['outside permissions.filesystem'], hosts: [], destructive: false, path: 'k8s/app.yaml', state: 'denied' },
    { kind: 'assistant', text: 'It lacks **requests**.', model: 'claude-test', usage: { input: 10, output: 5 } },
    { kind: 'notice', text: 'Stopped.' },
    { kind: 'error', text: 'The API failed.\nTry again.' },
    { kind: 'findings', title: '2 files scanned, 1 problem', findings: [{ file: 'Dockerfile', line: 1, ruleId: 'dockerfile/no-latest-tag', severity: 'warning', message: 'pin it' }] },
  ];

  it('writes every item as the panel shows it', () => {
    const md = transcriptMarkdown(transcript, '2026-12-05 21:00 UTC');
    assert.equal(
      md,
      [
        '# DevOps Agent chat',
        '',
        '_Exported 2026-12-05 21:00 UTC._',
        '',
        '## You',
        '',
        'why is\n  my pod pending?',
        '',
        '_Attached: k8s/app.yaml:3-4; 1 secret(s) redacted_',
        '',
        '<details><summary>Earlier conversation condensed (12 messages)</summary>',
        '',
        'Earlier: the user asked about replicas.',
        '',
        '</details>',
        '',
        '**Command** — done (allowed for this session: `kubectl get`)',
        '',
        '```sh',
        'kubectl get ns \\u{202E}ab',
        '```',
        '',
        'in the workspace folder',
        '',
        '````text',
        'has ``` fences',
        '````',
        '',
        'exit code 0',
        '',
        '**Write file** `k8s/app.yaml` — denied',
        '',
        '- outside permissions.filesystem',
        '',
        '## DevOps Agent',
        '',
        'It lacks **requests**.',
        '',
        '_claude-test · 10 in · 5 out tokens_',
        '',
        '> Stopped.',
        '',
        '> **Error:** The API failed.\n> Try again.',
        '',
        '**2 files scanned, 1 problem**',
        '',
        '- Dockerfile:1 warning dockerfile/no-latest-tag: pin it',
        '',
      ].join('\n'),
    );
  });

  it('titles a chat by its first message, on one line', () => {
    assert.equal(transcriptTitle(transcript), 'why is my pod pending?');
    assert.equal(transcriptTitle([]), 'Empty chat');
    assert.equal(transcriptTitle([{ kind: 'user', text: 'x'.repeat(200) }]).length, 80);
  });
});

describe('chat: the contract banner and a new aurora.yaml', () => {
  it('creates an aurora.yaml that parses, writable only under the infrastructure folders that exist', () => {
    const text = defaultAuroraYaml(['src', 'k8s', '.github', 'node_modules']);
    const parsed = parseAgentConfig(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.found, true);
    assert.deepEqual(parsed.config.tools, ['read_file', 'write_file', 'run_shell_command']);
    assert.deepEqual(parsed.config.permissions, { filesystem: ['/k8s', '/.github'], network: [] });
    assert.deepEqual(parseAgentConfig(defaultAuroraYaml([])).config.permissions, { filesystem: [], network: [] });
  });

  it('summarises the contract on one line', () => {
    assert.equal(
      contractSummary({ tools: ['read_file', 'run_shell_command'], permissions: { filesystem: ['/k8s'], network: ['github.com', '*.amazonaws.com'] } }),
      'tools: read_file, run_shell_command · writes: /k8s · network: github.com, *.amazonaws.com · every command and write needs your approval',
    );
    assert.equal(contractSummary({ tools: [], permissions: { filesystem: [], network: [] } }), 'tools: none · writes: nowhere · network: no hosts · every command and write needs your approval');
  });
});
